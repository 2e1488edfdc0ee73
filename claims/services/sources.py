"""Sources and their aliases: one source, many spellings, one resolution rule."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims import audit
from claims.errors import (
    AlreadyExists,
    AmbiguousSource,
    ClaimsError,
    InvalidInput,
    UnknownSource,
)
from claims.models import SOURCE_KINDS, Source, SourceAlias
from claims.text import fold_name, normalise_space

_ID_REFERENCE = re.compile(r"^#(\d+)$")


def check_kind(kind: str) -> str:
    kind = (kind or "").strip().lower().replace("-", "_").replace(" ", "_")
    if kind == "organization":
        kind = "organisation"
    if kind not in SOURCE_KINDS:
        raise InvalidInput(f"Unknown source kind {kind!r}: use one of {', '.join(SOURCE_KINDS)}.")
    return kind


def _clean_name(name: str, what: str = "source name") -> tuple[str, str]:
    name = normalise_space(name or "")
    key = fold_name(name)
    if not key:
        raise InvalidInput(f"The {what} is empty: give a name with letters or digits.")
    return name, key


def find_source(session: Session, name: str) -> Source | None:
    """The one source ``name`` refers to, if any.

    ``#12`` means source 12. Otherwise a source whose own name matches wins
    (names are unique); then aliases, which several sources may share ("Wang"):
    a spelling that fits more than one is refused as ambiguous, listing them.
    """
    reference = _ID_REFERENCE.match((name or "").strip())
    if reference:
        return session.get(Source, int(reference.group(1)))
    key = fold_name(name or "")
    if not key:
        return None
    candidates = session.scalars(select(Source).join(SourceAlias).where(SourceAlias.key == key))
    return _choose(name, key, list(candidates))


def find_sources(session: Session, names: Iterable[str]) -> dict[str, Source | None | ClaimsError]:
    """``find_source`` for many names in one query: each name's source, None, or the error.

    For bulk writers, which resolve thousands of names; ``#12`` references are
    looked up one by one, as ``find_source`` does.
    """
    found: dict[str, Source | None | ClaimsError] = {}
    keys: dict[str, str] = {}
    for name in names:
        if _ID_REFERENCE.match((name or "").strip()):
            found[name] = find_source(session, name)
        elif key := fold_name(name or ""):
            keys[name] = key
        else:
            found[name] = None
    candidates: dict[str, list[Source]] = {}
    wanted = sorted(set(keys.values()))
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(SourceAlias.key, Source)
            .join(Source, Source.id == SourceAlias.source_id)
            .where(SourceAlias.key.in_(wanted[start : start + 500]))
        )
        for key, source in rows:
            candidates.setdefault(key, []).append(source)
    for name, key in keys.items():
        try:
            found[name] = _choose(name, key, candidates.get(key, []))
        except ClaimsError as error:
            found[name] = error
    return found


def _choose(name: str, key: str, candidates: list[Source]) -> Source | None:
    """The source among those with an alias folding to ``key``: its own name first, else the
    only one, else none; several is ambiguous."""
    for source in candidates:
        if fold_name(source.name) == key:
            return source
    distinct = list({source.id: source for source in candidates}.values())
    if len(distinct) > 1:
        listed = ", ".join(f"#{c.id} {c.name}" for c in sorted(distinct, key=lambda c: c.id))
        raise AmbiguousSource(
            f"{name!r} could mean {len(distinct)} sources ({listed}): write the full name or #ID."
        )
    return distinct[0] if distinct else None


def find_source_by_name(session: Session, name: str) -> Source | None:
    """The source whose own name (not an alias) folds like ``name``."""
    key = fold_name(name or "")
    if not key:
        return None
    for source in session.scalars(select(Source).join(SourceAlias).where(SourceAlias.key == key)):
        if fold_name(source.name) == key:
            return source
    return None


def close_names(session: Session, name: str, limit: int = 3) -> list[str]:
    """Known spellings most like ``name``, to suggest when it resolves to nothing."""
    from rapidfuzz import fuzz, process

    key = fold_name(name or "")
    rows = session.execute(select(SourceAlias.key, SourceAlias.alias)).all()
    if not key or not rows:
        return []
    choices = {row.key: row.alias for row in rows}
    matches = process.extract(key, list(choices), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [choices[match[0]] for match in matches]


def resolve_source(session: Session, name: str) -> Source:
    """The source ``name`` refers to, or ``UnknownSource`` naming the closest known spellings."""
    source = find_source(session, name)
    if source is not None:
        return source
    if _ID_REFERENCE.match((name or "").strip()):
        raise UnknownSource(f"No source {name.strip()}: see `claims source list`.")
    if not fold_name(name or ""):
        raise InvalidInput("A source name is empty: give a name with letters or digits.")
    suggestions = close_names(session, name)
    hint = f" Did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    raise UnknownSource(
        f"Unknown source {name!r}.{hint} Add it with `claims source add`, or pass "
        "--create-sources to create it."
    )


def add_source(
    session: Session,
    *,
    name: str,
    actor: str,
    kind: str = "other",
    aliases: Iterable[str] = (),
    country: str | None = None,
    url: str | None = None,
    notes: str | None = None,
) -> Source:
    """Create a source; its name becomes its first alias. Refuses a name already taken."""
    name, key = _clean_name(name)
    if _ID_REFERENCE.match(name):
        raise InvalidInput(f"{name!r} looks like a source reference (#ID), not a name.")
    kind = check_kind(kind)
    existing = find_source_by_name(session, name)
    if existing is not None:
        raise AlreadyExists(
            f"Source {name!r} exists already as #{existing.id} ({existing.name}).", existing.id
        )
    source = Source(
        name=name,
        kind=kind,
        country=(country or "").strip() or None,
        url=(url or "").strip() or None,
        notes=(notes or "").strip() or None,
        created_by=actor,
    )
    own = SourceAlias(alias=name, key=key)
    source.aliases.append(own)
    session.add(source)
    audit.record(session, actor=actor, action="create", obj=source)
    audit.record(session, actor=actor, action="create", obj=own)
    add_aliases(session, source, aliases, actor=actor)
    return source


def add_aliases(
    session: Session, source: Source, aliases: Iterable[str], *, actor: str
) -> list[SourceAlias]:
    """Give ``source`` more spellings; one it has already is skipped.

    Another source may share a spelling ("Wang"): it then resolves to neither
    until written in full. Another source's own *name* cannot be an alias,
    since a name must always find its source.
    """
    added: list[SourceAlias] = []
    for raw in aliases:
        alias, key = _clean_name(raw, "alias")
        if any(existing.key == key for existing in source.aliases):
            continue
        named = find_source_by_name(session, alias)
        if named is not None and named.id != source.id:
            raise AlreadyExists(
                f"{alias!r} is the name of source #{named.id} ({named.name}); it cannot also "
                f"be an alias of #{source.id} ({source.name}).",
                named.id,
            )
        row = SourceAlias(alias=alias, key=key)
        source.aliases.append(row)
        session.flush()
        audit.record(session, actor=actor, action="create", obj=row)
        added.append(row)
    return added


def get_or_create_source(
    session: Session, name: str, *, actor: str, create: bool, kind: str = "other"
) -> Source:
    """Resolve ``name``; create it only when the caller said so (never silently)."""
    source = find_source(session, name)
    if source is not None:
        return source
    if not create:
        return resolve_source(session, name)  # raises with suggestions
    return add_source(session, name=name, kind=kind, actor=actor)


def update_source(
    session: Session,
    source: Source,
    *,
    actor: str,
    kind: str | None = None,
    country: str | None = None,
    url: str | None = None,
    notes: str | None = None,
) -> Source:
    before = audit.snapshot(source)
    if kind is not None:
        source.kind = check_kind(kind)
    if country is not None:
        source.country = country.strip() or None
    if url is not None:
        source.url = url.strip() or None
    if notes is not None:
        source.notes = notes.strip() or None
    if audit.snapshot(source) != before:
        audit.record(session, actor=actor, action="update", obj=source, before=before)
    return source


def list_sources(session: Session, *, kind: str | None = None) -> list[Source]:
    query = select(Source).options(selectinload(Source.aliases))
    if kind:
        query = query.where(Source.kind == check_kind(kind))
    # Sorted by the folded name, as reports sort outlets: the same order on every backend.
    return sorted(session.scalars(query), key=lambda source: (fold_name(source.name), source.id))
