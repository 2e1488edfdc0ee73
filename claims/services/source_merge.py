"""Merging two records of one source: everything that names the duplicate moves over.

Its own module because a merge touches every table that names a source (chain hops,
articles, aliases, stored proposals, drift findings) and must refuse, before any change,
a merge that would make a chain run in a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims import audit
from claims.chains import render
from claims.errors import InvalidChain, InvalidInput, NotFound
from claims.models import Appearance, Article, ChainHop, DriftFinding, Source, Suggestion
from claims.services.sources import resolve_source, suggestions_naming
from claims.text import fold_name


@dataclass
class Merged:
    """What ``merge_sources`` moved from one source to the other: told to the person and
    written, whole, to the merge's audit entry."""

    source_id: int
    source_name: str
    into_id: int
    into_name: str
    hops: int = 0
    appearances: list[int] = field(default_factory=list)
    collapsed: dict[int, dict[str, str]] = field(default_factory=dict)
    publisher_of: list[int] = field(default_factory=list)
    origin_of: list[int] = field(default_factory=list)
    origin_cleared: list[int] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    suggestions: list[int] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "into_id": self.into_id,
            "into_name": self.into_name,
            "hops": self.hops,
            "appearances": self.appearances,
            # JSON object keys are text; the appearance ids are kept as numbers inside.
            "collapsed": [
                {"appearance_id": appearance_id, **chains}
                for appearance_id, chains in self.collapsed.items()
            ],
            "publisher_of": self.publisher_of,
            "origin_of": self.origin_of,
            "origin_cleared": self.origin_cleared,
            "aliases": self.aliases,
            "suggestions": self.suggestions,
            "claims_recomputed": self.claims,
        }


def sources_to_merge(
    session: Session, duplicate: str, into: str
) -> tuple[Source, Source, str | None]:
    """The two sources a person names for ``merge_sources``, and what they should confirm
    first, if anything.

    A merge deletes a source for good, so each must be named as itself: by its own name
    (case and accents aside) or ``#ID``. Any other spelling is refused: it may be an
    alias the source took in an earlier merge (a merged source's name stays with the
    source it went into), and would merge, or keep, that source, not the one meant.
    Sources of two kinds (neither ``other``, which says nothing) may be one source
    recorded twice, or two that only look alike: the question is for the person to
    answer.
    """
    source = resolve_source(session, duplicate)
    target = resolve_source(session, into)
    for name, found in ((duplicate, source), (into, target)):
        if source.id == target.id and not _as_itself(name, found):
            raise InvalidInput(
                f"{name.strip()} is a spelling of {found.name} (#{found.id}) already: the two "
                "names are one source; nothing to merge."
            )
    if not _as_itself(duplicate, source):
        raise InvalidInput(
            f"{duplicate.strip()} is an alias of {source.name} (#{source.id}, "
            f"{_kind(source)}), not a source's own name: the merge would merge {source.name} "
            f"itself into {target.name}; give its name, {source.name} (or #{source.id}), to "
            "confirm."
        )
    if not _as_itself(into, target):
        raise InvalidInput(
            f"{into.strip()} is an alias of {target.name} (#{target.id}, {_kind(target)}), not "
            f"a source's own name: give its name, {target.name} (or #{target.id}), to merge "
            "into it."
        )
    caution = None
    if source.kind != target.kind and "other" not in (source.kind, target.kind):
        caution = (
            f"{source.name} is {_kind(source)} and {target.name} {_kind(target)}: merged, they "
            f"are one source, {target.name}, {_kind(target)}."
        )
    return source, target, caution


def _as_itself(name: str, source: Source) -> bool:
    """Whether ``name`` names ``source`` by its own name or its id, not by an alias."""
    name = name.strip()
    return name == f"#{source.id}" or fold_name(name) == fold_name(source.name)


_KINDS = {
    "person": "a person",
    "organisation": "an organisation",
    "news_agency": "a news agency",
    "outlet": "an outlet",
    "state_body": "a state body",
    "media": "a media source",
    "other": "of no known kind",
}


def _kind(source: Source) -> str:
    return _KINDS.get(source.kind, source.kind)


def merge_sources(session: Session, source: Source, into: Source, *, actor: str) -> Merged:
    """Make ``source`` and ``into`` one source, ``into``, and delete ``source``.

    For the duplicates drift reports ("two chain sources that look like one"):
    everything that names ``source`` names ``into`` instead: chain hops, articles
    it published or originated, its spellings (its name among them, so texts and
    chains that use it still resolve) and the source ids proposals store in their
    chains. Where a chain then names ``into`` twice in a row, the two hops become
    one, the upstream hop kept, as composing a chain keeps it; only an origin hop
    gives way to the publisher hop after it, since an article whose origin is its
    publisher has no separate origin (and loses it). A chain that would come back
    to ``into`` further down, a cycle, cannot be mended this way: the merge is
    refused, naming those appearances, before anything is changed. The claims
    concerned have their drift recomputed, and the merge is one audit entry.
    """
    from claims.services.drift import refresh_drift

    if source.id == into.id:
        raise InvalidInput(
            f"Source #{source.id} ({source.name}) cannot be merged into itself: name two "
            "different sources, the duplicate first."
        )
    # Nobody may link anything to the source being deleted meanwhile (PostgreSQL; SQLite's
    # writer holds the whole database already).
    locked = set(
        session.scalars(
            select(Source.id)
            .where(Source.id.in_([source.id, into.id]))
            .order_by(Source.id)
            .with_for_update()
        )
    )
    for each in (source, into):
        # Another merge may have deleted one while this one waited for the locks.
        if each.id not in locked:
            raise NotFound(
                f"Source #{each.id} ({each.name}) was merged or deleted meanwhile: "
                "look the sources up again (`claims source list`) and retry."
            )
    for each in (source, into):
        session.refresh(each)  # what the other writer committed, now that they are locked
    merged = Merged(source.id, source.name, into.id, into.name)
    before = audit.snapshot(source)
    before["aliases"] = [alias.alias for alias in source.aliases]
    appearances = list(
        session.scalars(
            select(Appearance)
            .where(
                Appearance.id.in_(
                    select(ChainHop.appearance_id).where(ChainHop.source_id == source.id)
                )
            )
            .options(selectinload(Appearance.hops).selectinload(ChainHop.source))
            .order_by(Appearance.id)
        )
    )
    plans = {
        appearance.id: _merged_chain(appearance.hops, source, into) for appearance in appearances
    }
    _refuse_cycles(source, into, appearances, plans)
    articles = list(
        session.scalars(
            select(Article)
            .where((Article.publisher_id == source.id) | (Article.origin_id == source.id))
            .order_by(Article.id)
        )
    )
    merged.claims = _claims_concerned(session, source, appearances, articles)

    for article in articles:
        _repoint(article, source, into, merged)
    for appearance in appearances:
        _rechain(session, appearance, plans[appearance.id], source, into, merged)
    _move_aliases(source, into, merged)
    _rewrite_suggestions(session, source, into, merged)

    session.flush()  # nothing names the source any more: it can go
    session.delete(source)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="merge",
        entity="sources",
        entity_id=merged.source_id,
        before=before,
        after=merged.as_dict(),
        note=f"merged into #{into.id} ({into.name})",
    )
    refresh_drift(session, merged.claims)
    return merged


def _claims_concerned(
    session: Session, source: Source, appearances: list[Appearance], articles: list[Article]
) -> list[int]:
    """The claims whose drift the merge may change: those of the re-pointed chains, of the
    articles whose publisher changes, and any finding about ``source``."""
    claims = {appearance.claim_id for appearance in appearances}
    article_ids = [article.id for article in articles]
    for start in range(0, len(article_ids), 500):
        claims.update(
            session.scalars(
                select(Appearance.claim_id).where(
                    Appearance.article_id.in_(article_ids[start : start + 500])
                )
            )
        )
    claims.update(
        session.scalars(select(DriftFinding.claim_id).where(DriftFinding.source_id == source.id))
    )
    return sorted(claims)


def _repoint(article: Article, source: Source, into: Source, merged: Merged) -> None:
    """The article's publisher or origin becomes ``into``; an origin that is then its
    publisher goes, cue and all, as ``add_article`` keeps no origin for an outlet's own
    text."""
    publisher_id = into.id if article.publisher_id == source.id else article.publisher_id
    origin_id = into.id if article.origin_id == source.id else article.origin_id
    if article.publisher_id == source.id:
        article.publisher = into
        merged.publisher_of.append(article.id)
    if article.origin_id == source.id:
        article.origin = into
        merged.origin_of.append(article.id)
    if origin_id is not None and origin_id == publisher_id:
        article.origin, article.origin_cue = None, None
        merged.origin_cleared.append(article.id)


def _merged_chain(hops: list[ChainHop], source: Source, into: Source) -> list[ChainHop]:
    """The hops that stay once ``source`` is ``into``: of two in a row naming one source,
    the upstream one, unless it is an origin followed by its publisher."""
    kept: list[ChainHop] = []
    for hop in hops:
        if kept and _merged_id(kept[-1], source, into) == _merged_id(hop, source, into):
            if kept[-1].role == "origin" and hop.role == "publisher":
                kept[-1] = hop
            continue
        kept.append(hop)
    return kept


def _merged_id(hop: ChainHop, source: Source, into: Source) -> int:
    return into.id if hop.source_id == source.id else hop.source_id


def _merged_names(hops: list[ChainHop], source: Source, into: Source) -> str:
    return render([into.name if hop.source_id == source.id else hop.source.name for hop in hops])


def _refuse_cycles(
    source: Source, into: Source, appearances: list[Appearance], plans: dict[int, list[ChainHop]]
) -> None:
    cycles = [
        f"#{appearance.id} ({_merged_names(plans[appearance.id], source, into)})"
        for appearance in appearances
        if len({_merged_id(hop, source, into) for hop in plans[appearance.id]})
        < len(plans[appearance.id])
    ]
    if not cycles:
        return
    shown = ", ".join(cycles[:10]) + (f" and {len(cycles) - 10} more" if len(cycles) > 10 else "")
    raise InvalidChain(
        f"Merging source #{source.id} ({source.name}) into #{into.id} ({into.name}) would make "
        f"the chain of {len(cycles)} appearance(s) come back to {into.name}, a cycle: {shown}. "
        "Correct those chains first (`claims appearance chain ID CHAIN`), then merge; nothing "
        "was changed."
    )


def _rechain(
    session: Session,
    appearance: Appearance,
    kept: list[ChainHop],
    source: Source,
    into: Source,
    merged: Merged,
) -> None:
    """Point the appearance's hops at ``into``; rebuilt (as ``set_chain`` does) when two
    became one, so positions stay 0, 1, 2 … without colliding on the way."""
    merged.appearances.append(appearance.id)
    merged.hops += sum(1 for hop in appearance.hops if hop.source_id == source.id)
    if len(kept) == len(appearance.hops):
        for hop in appearance.hops:
            if hop.source_id == source.id:
                hop.source = into
        return
    merged.collapsed[appearance.id] = {
        "before": render([hop.source.name for hop in appearance.hops]),
        "after": _merged_names(kept, source, into),
    }
    rows = [
        ChainHop(
            position=position,
            source_id=_merged_id(hop, source, into),
            cue=hop.cue,
            role=hop.role,
            evidence_start=hop.evidence_start,
            evidence_end=hop.evidence_end,
        )
        for position, hop in enumerate(kept)
    ]
    appearance.hops.clear()
    session.flush()
    appearance.hops.extend(rows)


def _move_aliases(source: Source, into: Source, merged: Merged) -> None:
    """``source``'s spellings become ``into``'s; those it has already go with ``source``."""
    keys = {alias.key for alias in into.aliases}
    for alias in list(source.aliases):
        if alias.key not in keys:
            keys.add(alias.key)
            alias.source = into
            merged.aliases.append(alias.alias)


def _rewrite_suggestions(session: Session, source: Source, into: Source, merged: Merged) -> None:
    """Proposals name sources by id in their stored chains: point those at ``into``.

    Decided proposals too, so that no stored id names a deleted source. A hop that
    now repeats the one before is dropped (accepting the proposal would refuse it),
    and the proposal's key is recomputed, so that proposing the article again does
    not propose it a second time, unless another proposal of the article has that
    key already.
    """
    from claims.suggestions.proposal import Proposal

    for row in list(session.scalars(suggestions_naming(session, source.id))):
        chain: list[dict] = []
        for hop in row.chain:
            if hop.get("source_id") == source.id:
                hop = {**hop, "source_id": into.id, "name": into.name}
            if chain and hop.get("source_id") and chain[-1].get("source_id") == hop["source_id"]:
                continue
            chain.append(hop)
        row.chain = chain
        key = Proposal(
            row.kind,
            (row.sentence_start, row.sentence_end),
            row.claim_text,
            (row.quote_start, row.quote_end),
            row.quoted,
            chain,
        ).key
        taken = session.scalar(
            select(Suggestion.id).where(
                Suggestion.article_id == row.article_id, Suggestion.key == key
            )
        )
        if taken is None:
            row.key = key
        merged.suggestions.append(row.id)
