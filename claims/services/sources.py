"""Sources and their aliases: one source, many spellings, one resolution rule."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session, selectinload

from claims import audit
from claims.chains import StatedHop, parse_chain
from claims.errors import (
    AlreadyExists,
    AmbiguousSource,
    ClaimsError,
    InvalidInput,
    UnknownSource,
)
from claims.models import (
    SOURCE_KINDS,
    Appearance,
    Article,
    ChainHop,
    Source,
    SourceAlias,
    Suggestion,
)
from claims.text import fold_name, normalise_space

_ID_REFERENCE = re.compile(r"^#(\d+)$")
# What a name may not look like, lest it read as a mistyped reference: "#-1", "#12a".
_LIKE_A_REFERENCE = re.compile(r"^#\s*[-+]?\d")


def check_kind(kind: str) -> str:
    kind = (kind or "").strip().lower().replace("-", "_").replace(" ", "_")
    if kind == "organization":
        kind = "organisation"
    if kind not in SOURCE_KINDS:
        raise InvalidInput(f"Unknown source kind {kind!r}: use one of {', '.join(SOURCE_KINDS)}.")
    return kind


_COUNTRY = re.compile(r"[A-Za-z]{2}", re.ASCII)


def check_country(country: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code, upper-cased, or None for blank.

    Checked by its shape only: no maintained list of codes is among the dependencies, and a
    code's shape is what reports group and filter by ("HU", not "Hungary" beside "hu").
    """
    country = (country or "").strip()
    if not country:
        return None
    if not _COUNTRY.fullmatch(country):
        raise InvalidInput(
            f"Bad country {country!r}: use an ISO 3166-1 alpha-2 code such as HU or CN."
        )
    return country.upper()


def _clean_name(name: str, what: str = "source name") -> tuple[str, str]:
    name = normalise_space(name or "")
    key = fold_name(name)
    if not key:
        raise InvalidInput(f"The {what} is empty: give a name with letters or digits.")
    if control := next((c for c in name if unicodedata.category(c) == "Cc"), None):
        # printed raw in tables and files, an invisible character would hide or garble it
        raise InvalidInput(
            f"The {what} {name!r} holds a control character (U+{ord(control):04X}): give "
            "the name as it is printed."
        )
    check_chain_syntax(name, what)
    return name, key


def check_chain_syntax(name: str, what: str = "source name") -> None:
    """Refuse a spelling the chain syntax cannot carry.

    Chains are typed and exported as ``Name [cue] > Name``: a name holding ``>``,
    ``->``, ``\u2192`` or a square bracket would read back as two hops or a cue, so a
    chain naming it could neither be typed nor exported. Checked by reading the
    name as a chain, so the rule is the parser's own.
    """
    try:
        parsed = parse_chain(name)
    except InvalidInput:
        parsed = None
    if parsed != [StatedHop(normalise_space(name))]:
        raise InvalidInput(
            f"The {what} {name!r} holds '>', '->', '\u2192' or a square bracket, which chains "
            "use to separate hops and mark cues: write it without them, e.g. with "
            "parentheses or a dash."
        )


def _claimed_by_others(session: Session, key: str, source_id: int | None) -> list[Source]:
    """Sources other than ``source_id`` that a spelling folding to ``key`` resolves to now,
    by name or by alias, as ``find_source`` looks them up."""
    rows = session.scalars(select(Source).join(SourceAlias).where(SourceAlias.key == key))
    return sorted(
        {source.id: source for source in rows if source.id != source_id}.values(),
        key=lambda source: source.id,
    )


# The first number of the advisory locks that keep a name to one source on PostgreSQL.
_NAME_LOCKS = 0x636C6E6D


def _lock_name(session: Session, key: str) -> None:
    """Hold, until the transaction ends, the right to give a source the name folding to ``key``.

    Names are unique as ``fold_name`` folds them, which no unique key of the tables can say
    (a name is one of the source's aliases, and aliases may be shared), so the check is the
    code's: on PostgreSQL two writers could each check, find nothing, and both insert. The
    second now waits at this lock until the first commits, then its check sees the name.
    SQLite lets one writer in at a time already.
    """
    lock_name_on(session.connection(), key)


def lock_name_on(connection: Connection, key: str) -> None:
    """``_lock_name`` for a writer holding a connection, not a session (a bulk import).

    Advisory locks are the database's, and names are unique within a schema: the schema is
    part of the lock's key, so writers in other schemas of the database never wait for it.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "SELECT pg_advisory_xact_lock(:space, "
                "hashtext(coalesce(current_schema(), '') || '/' || :key))"
            ),
            {"space": _NAME_LOCKS, "key": key},
        )


def lock_source_names(session: Session, names: Iterable[str]) -> None:
    """Take the name locks of sources a transaction may create, in one order for everyone.

    For a caller that locks rows before it creates sources (``_lock_name`` would then be
    taken after a row lock, against the order of every other writer): take these first.
    """
    for key in sorted({fold_name(name) for name in names} - {""}):
        _lock_name(session, key)


def _refuse_taken_name(session: Session, name: str, key: str, source_id: int | None) -> None:
    """Refuse a name for a source (new, or renamed) that already finds another source.

    A name wins lookups over aliases, so a name that is another source's alias
    would silently take that spelling over: every chain naming it would go to
    this source instead.
    """
    _lock_name(session, key)
    others = _claimed_by_others(session, key, source_id)
    for other in others:
        if fold_name(other.name) == key:
            duplicate = (
                " If the two are one source, merge them with `claims source merge`."
                if source_id is not None
                else ""
            )
            raise AlreadyExists(
                f"Source {name!r} exists already as #{other.id} ({other.name}).{duplicate}",
                other.id,
            )
    if others:
        listed = ", ".join(f"#{other.id} {other.name}" for other in others)
        which = "source" if len(others) == 1 else "sources"
        raise AlreadyExists(
            f"{name!r} is an alias of {which} {listed}; as a name it would take that spelling "
            "over: use that source, or give this one a name that tells them apart.",
            others[0].id,
        )


def find_source(session: Session, name: str) -> Source | None:
    """The one source ``name`` refers to, if any.

    ``#12`` means source 12. Otherwise a source whose own name matches wins
    (names are unique); then aliases, which several sources may share ("Wang"):
    a spelling that fits more than one is refused as ambiguous, listing them.
    """
    reference = _ID_REFERENCE.match((name or "").strip())
    if reference:
        if len(reference.group(1)) > 19:  # past any id, and past what int() reads at once
            return None
        number = int(reference.group(1))
        # Past the id column (PostgreSQL's integer, SQLite's 64 bits) no source can be.
        largest = 2**31 - 1 if session.get_bind().dialect.name == "postgresql" else 2**63 - 1
        return session.get(Source, number) if number <= largest else None
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


def check_url(url: str | None) -> str | None:
    """A web address for an article or a source, or None for a blank one."""
    url = (url or "").strip() or None
    if url and not url.lower().startswith(("http://", "https://")):
        raise InvalidInput(f"Bad URL {url!r}: it must start with http:// or https://.")
    return url


_DOMAIN = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)


def check_source_url(url: str | None) -> str | None:
    """A source's address: a web address, or its domain alone ("reuters.com"), as sources
    have long been recorded; never a script or words."""
    url = (url or "").strip() or None
    if url and _DOMAIN.match(url):
        return url
    try:
        return check_url(url)
    except InvalidInput:
        raise InvalidInput(
            f"Bad URL {url!r}: give a web address (https://…) or a domain (reuters.com)."
        ) from None


# How like a known spelling a name must be to be offered ("Did you mean …?"), on either of
# two scores of folded names: the whole name mistyped ("Xinhau", "Reutres": 83 and 86), or
# its words among a longer name's ("Wang" for "Wang Xiaohong": 100). Not rapidfuzz's WRatio,
# which scores any run of letters inside a longer name at 90: "A" offered "Xinhua", "Wang"
# and "Orbán", and at its old cut-off of 60 "Nobody" offered "NATO".
SIMILAR = 75
# A name shorter than this (in folded characters) is like nothing in particular.
SHORTEST_SIMILAR = 2


def close_names(session: Session, name: str, limit: int = 3) -> list[str]:
    """Known spellings most like ``name``, to suggest when it resolves to nothing."""
    from rapidfuzz import fuzz, process

    key = fold_name(name or "")
    if len(key) < SHORTEST_SIMILAR:
        return []
    rows = session.execute(
        select(SourceAlias.key, SourceAlias.alias, SourceAlias.source_id).order_by(
            SourceAlias.source_id, SourceAlias.key
        )
    ).all()
    if not rows:
        return []
    choices = {row.key: row.alias for row in rows}
    owners: dict[str, set[int]] = {}
    for row in rows:
        owners.setdefault(row.key, set()).add(row.source_id)
    order = {known: number for number, known in enumerate(choices)}  # older sources first
    scores: dict[str, float] = {}
    for scorer in (fuzz.ratio, fuzz.token_set_ratio):
        for known, score, _ in process.extract(
            key, list(choices), scorer=scorer, limit=5 * limit, score_cutoff=SIMILAR
        ):
            scores[known] = max(score, scores.get(known, 0))
    # One spelling per source, its closest: "Xinhua or the official Xinhua news agency"
    # offers one source twice and hides another.
    offered: list[str] = []
    named: set[int] = set()
    for known in sorted(scores, key=lambda k: (-round(scores[k], 6), order[k])):
        if owners[known] <= named:
            continue
        named |= owners[known]
        offered.append(choices[known])
        if len(offered) == limit:
            break
    return offered


def resolve_source(session: Session, name: str, *, creatable: bool = False) -> Source:
    """The source ``name`` refers to, or ``UnknownSource`` naming the closest known spellings.

    ``creatable`` is for callers that could create the source when told to
    (``--create-sources``): only their message mentions it, as a command without
    that option would send the person looking for it in vain.
    """
    source = find_source(session, name)
    if source is not None:
        return source
    if _LIKE_A_REFERENCE.match((name or "").strip()):
        raise UnknownSource(f"No source {name.strip()}: see `claims source list`.")
    if not fold_name(name or ""):
        raise InvalidInput("A source name is empty: give a name with letters or digits.")
    suggestions = close_names(session, name)
    hint = f" Did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    if name.strip().isdigit():  # a bare number is a name: an id is written #12
        hint += f" For source number {name.strip()}, write #{name.strip()}."
    create = ", or pass --create-sources to create it" if creatable else ""
    raise UnknownSource(f"Unknown source {name!r}.{hint} Add it with `claims source add`{create}.")


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
    """Create a source; its name becomes its first alias.

    Refuses a name that already finds a source, by its name or by an alias: the
    new name would win every lookup of that spelling.
    """
    name, key = _clean_name(name)
    if _LIKE_A_REFERENCE.match(name):
        raise InvalidInput(f"{name!r} looks like a source reference (#ID), not a name.")
    kind = check_kind(kind)
    _refuse_taken_name(session, name, key, None)
    source = Source(
        name=name,
        kind=kind,
        country=check_country(country),
        url=check_source_url(url),
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

    The spellings' name locks come first: another writer giving the source the same
    spelling, or a new source that name, at the same time (PostgreSQL) has committed by
    then, and the spelling is found rather than written twice.
    """
    cleaned = [_clean_name(raw, "alias") for raw in aliases]
    lock_source_names(session, [alias for alias, _ in cleaned])
    added: list[SourceAlias] = []
    for alias, key in cleaned:
        if any(existing.key == key for existing in source.aliases):
            continue
        if source.id is not None and session.scalar(
            select(SourceAlias.id).where(SourceAlias.source_id == source.id, SourceAlias.key == key)
        ):
            continue  # added by another writer, who held the name's lock until it committed
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
    """Resolve ``name``; create it only when the caller said so (never silently).

    Two writers creating one new source at once (PostgreSQL) both get the same source: the
    second waits for the first's name lock, then finds what it created.
    """
    source = find_source(session, name)
    if source is not None:
        return source
    if not create:
        return resolve_source(session, name, creatable=True)  # raises with suggestions
    key = fold_name(name or "")
    if key and not _LIKE_A_REFERENCE.match(name.strip()):
        _lock_name(session, key)
        source = find_source(session, name)  # created meanwhile by whoever held the lock
        if source is not None:
            return source
    return add_source(session, name=name, kind=kind, actor=actor)


def update_source(
    session: Session,
    source: Source,
    *,
    actor: str,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    url: str | None = None,
    notes: str | None = None,
) -> Source:
    """Change a source's details; a new ``name`` keeps the old one as an alias.

    Chains, articles and texts written with the old name still resolve to it.
    Stored drift findings quote chain sources by name, so a renamed source's
    claims have theirs recomputed.
    """
    if all(value is None for value in (name, kind, country, url, notes)):
        raise InvalidInput("Nothing to change: give --name, --kind, --country, --url or --notes.")
    before = audit.snapshot(source)
    if name is not None:
        _rename(session, source, name, actor=actor)
    if kind is not None:
        source.kind = check_kind(kind)
    if country is not None:
        source.country = check_country(country)
    if url is not None:
        source.url = check_source_url(url)
    if notes is not None:
        source.notes = notes.strip() or None
    if audit.snapshot(source) != before:
        audit.record(session, actor=actor, action="update", obj=source, before=before)
    if source.name != before["name"]:
        from claims.services.drift import refresh_drift

        refresh_drift(session, _claims_naming(session, source.id))
    return source


def _rename(session: Session, source: Source, name: str, *, actor: str) -> None:
    name, key = _clean_name(name)
    if _LIKE_A_REFERENCE.match(name):
        raise InvalidInput(f"{name!r} looks like a source reference (#ID), not a name.")
    _refuse_taken_name(session, name, key, source.id)
    old = source.name
    source.name = name
    # Both spellings find the source: the new name, and the old one as an alias. The old
    # one is kept as it was, even a spelling no longer accepted: texts still print it.
    keys = {alias.key for alias in source.aliases}
    for spelling, folded in ((name, key), (old, fold_name(old))):
        if folded and folded not in keys:
            keys.add(folded)
            row = SourceAlias(alias=spelling, key=folded)
            source.aliases.append(row)
            audit.record(session, actor=actor, action="create", obj=row)
    # Proposals show their chains' sources by the name stored with the id.
    for proposal in session.scalars(suggestions_naming(session, source.id)):
        proposal.chain = [
            {**hop, "name": name} if hop.get("source_id") == source.id else hop
            for hop in proposal.chain
        ]


def _claims_naming(session: Session, source_id: int) -> list[int]:
    """Claims with an appearance whose chain names the source, or in an article it publishes."""
    through_hops = select(Appearance.claim_id).join(ChainHop).where(ChainHop.source_id == source_id)
    through_articles = (
        select(Appearance.claim_id)
        .join(Article, Article.id == Appearance.article_id)
        .where(Article.publisher_id == source_id)
    )
    return sorted(set(session.scalars(through_hops.union(through_articles))))


def list_sources(session: Session, *, kind: str | None = None) -> list[Source]:
    query = select(Source).options(selectinload(Source.aliases))
    if kind is not None:  # given empty, refused by the check: not every source
        query = query.where(Source.kind == check_kind(kind))
    # Sorted by the folded name, as reports sort outlets: the same order on every backend.
    return sorted(session.scalars(query), key=lambda source: (fold_name(source.name), source.id))


def suggestions_naming(session: Session, source_id: int):
    """The proposals whose stored chain names ``source_id``: JSONB containment on
    PostgreSQL, ``json_each`` on SQLite."""
    if session.connection().dialect.name == "postgresql":
        import json

        condition = text("suggestions.chain @> CAST(:pattern AS jsonb)").bindparams(
            pattern=json.dumps([{"source_id": source_id}])
        )
    else:
        condition = text(
            "EXISTS (SELECT 1 FROM json_each(suggestions.chain) AS hop "
            "WHERE json_extract(hop.value, '$.source_id') = :source_id)"
        ).bindparams(source_id=source_id)
    return select(Suggestion).where(condition).order_by(Suggestion.id)
