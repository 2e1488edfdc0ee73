"""Appearances: a claim carried by an article, anchored in its text, with its chain."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from claims import audit
from claims.anchoring import find_in_article, paragraph_bounds, wrapped_paragraph_bounds
from claims.chains import Hop, StatedHop, compose, parse_chain, render
from claims.errors import AlreadyExists, InvalidInput, NotFound
from claims.models import PROVENANCES, Appearance, Article, ChainHop, DriftFinding
from claims.services.articles import get_article
from claims.services.claims import get_claim
from claims.services.drift import refresh_drift
from claims.services.sources import get_or_create_source
from claims.text import fold_for_search, fold_with_offsets


def add_appearance(
    session: Session,
    *,
    claim_id: int,
    article_id: int,
    quote: str,
    actor: str,
    chain: str | list[StatedHop] | None = None,
    create_sources: bool = False,
    occurrence: int | None = None,
    provenance: str = "manual",
    accepted_by: str | None = None,
) -> Appearance:
    """Record that an article carries a claim, in these words, on this chain of sources.

    The quotation must be in the article's stored text; the chain the person
    states is completed with the article's origin and publisher.
    """
    if provenance not in PROVENANCES:
        raise InvalidInput(f"Unknown provenance {provenance!r}: use {' or '.join(PROVENANCES)}.")
    claim = get_claim(session, claim_id)
    article = get_article(session, article_id)
    if not (quote or "").strip():
        raise InvalidInput("The quotation is empty: give the verbatim words with --quote.")
    anchor = find_in_article(article, quote, occurrence=occurrence)
    existing = session.scalar(
        select(Appearance.id).where(
            Appearance.claim_id == claim.id,
            Appearance.article_id == article.id,
            Appearance.quote_start == anchor.start,
            Appearance.quote_end == anchor.end,
        )
    )
    if existing is not None:
        raise AlreadyExists(
            f"Claim #{claim.id} is recorded already with this quotation in article "
            f"#{article.id}, as appearance #{existing}.",
            existing,
        )
    hops = build_chain(
        session, article, chain, anchor.start, actor=actor, create_sources=create_sources
    )
    appearance = Appearance(
        claim=claim,
        article=article,
        quote=anchor.exact,
        quote_start=anchor.start,
        quote_end=anchor.end,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        quoted=anchor.quoted,
        provenance=provenance,
        accepted_by=accepted_by,
        created_by=actor,
    )
    appearance.hops = [_hop_row(position, hop) for position, hop in enumerate(hops)]
    session.add(appearance)
    session.flush()
    after = audit.snapshot(appearance)
    after["chain"] = render(hops)
    audit.record(session, actor=actor, action="create", obj=appearance, after=after)
    refresh_drift(session, [claim.id])
    return appearance


def set_chain(
    session: Session,
    appearance: Appearance,
    chain: str | list[StatedHop] | None,
    *,
    actor: str,
    create_sources: bool = False,
) -> Appearance:
    """Replace what the sentence states of an appearance's chain (origin and publisher stay)."""
    lock_appearance(session, appearance)
    before = {"chain": chain_text(appearance)}
    hops = build_chain(
        session,
        appearance.article,
        chain,
        appearance.quote_start,
        actor=actor,
        create_sources=create_sources,
    )
    appearance.hops.clear()
    session.flush()
    appearance.hops.extend(_hop_row(position, hop) for position, hop in enumerate(hops))
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="update",
        entity="appearances",
        entity_id=appearance.id,
        before=before,
        after={"chain": render(hops)},
    )
    refresh_drift(session, [appearance.claim_id])
    return appearance


def build_chain(
    session: Session,
    article: Article,
    chain: str | list[StatedHop] | None,
    near: int,
    *,
    actor: str,
    create_sources: bool,
) -> list[Hop]:
    stated_hops = parse_chain(chain) if isinstance(chain, str) or chain is None else chain
    stated: list[Hop] = []
    for item in stated_hops:
        source = get_or_create_source(session, item.name, actor=actor, create=create_sources)
        evidence = find_evidence(article.text, [alias.alias for alias in source.aliases], near)
        stated.append(Hop(source.id, source.name, item.cue, "stated", evidence))
    origin = None
    if article.origin is not None:
        origin = Hop(article.origin.id, article.origin.name, article.origin_cue, "origin")
    publisher = Hop(article.publisher.id, article.publisher.name, None, "publisher")
    return compose(stated, origin=origin, publisher=publisher)


def find_evidence(text: str, aliases: list[str], near: int) -> tuple[int, int] | None:
    """Where, in the paragraph around ``near``, the article names a source by any of its
    ``aliases`` (spellings).

    The occurrence closest to the quotation wins: it is the one the cue attaches to.
    """
    block_start, block_end = wrapped_paragraph_bounds(text, near)
    block, index = _folded_block(text[block_start:block_end])
    best: tuple[int, int] | None = None
    best_distance = None
    for alias in aliases:
        needle = fold_for_search(alias)
        if not needle:
            continue
        cursor = 0
        while (found := block.find(needle, cursor)) >= 0:
            cursor = found + 1
            before_ok = found == 0 or not block[found - 1].isalnum()
            after_at = found + len(needle)
            after_ok = after_at >= len(block) or not block[after_at].isalnum()
            if not (before_ok and after_ok):
                continue
            start = block_start + index[found]
            end = block_start + index[after_at - 1] + 1
            distance = abs(start - near)
            if (
                best is None
                or distance < best_distance
                or (distance == best_distance and end - start > best[1] - best[0])
            ):
                best, best_distance = (start, end), distance
    return best


@functools.lru_cache(maxsize=64)
def _folded_block(block: str) -> tuple[str, Sequence[int]]:
    """A paragraph folded once for all the hops (and rows) that look for names in it.

    Callers only read the result."""
    return fold_with_offsets(block)


def _hop_row(position: int, hop: Hop) -> ChainHop:
    return ChainHop(
        position=position,
        source_id=hop.source_id,
        cue=hop.cue,
        role=hop.role,
        evidence_start=hop.evidence[0] if hop.evidence else None,
        evidence_end=hop.evidence[1] if hop.evidence else None,
    )


def chain_text(appearance: Appearance) -> str:
    return render([hop.source.name for hop in appearance.hops])


def get_appearance(session: Session, appearance_id: int) -> Appearance:
    appearance = session.get(
        Appearance,
        appearance_id,
        options=[
            selectinload(Appearance.hops).selectinload(ChainHop.source),
            selectinload(Appearance.article),
            selectinload(Appearance.claim),
        ],
    )
    if appearance is None:
        raise NotFound(f"No appearance with id {appearance_id}: see `claims appearance list`.")
    return appearance


def list_appearances(
    session: Session, *, claim_id: int | None = None, article_id: int | None = None
) -> list[Appearance]:
    query = (
        select(Appearance)
        .options(
            selectinload(Appearance.hops).selectinload(ChainHop.source),
            selectinload(Appearance.article).selectinload(Article.publisher),
        )
        .order_by(Appearance.id)
    )
    if claim_id is not None:
        get_claim(session, claim_id)
        query = query.where(Appearance.claim_id == claim_id)
    if article_id is not None:
        get_article(session, article_id)
        query = query.where(Appearance.article_id == article_id)
    return list(session.scalars(query))


def lock_appearance(session: Session, appearance: Appearance, *, deleting: bool = False) -> None:
    """Lock the appearance's row and read it again, before a change that rests on it.

    The appearance was read before: another writer may have deleted it since, or changed
    its chain. Locked (PostgreSQL; SQLite's writer holds the whole database already), it
    is read as committed now, and a second writer changing it waits here until this one is
    done; one deleted meanwhile is ``NotFound``, not a delete of nothing or hops written
    for an appearance that is gone. A change that keeps the row (its chain) takes the lock
    that leaves readers of its key alone (``FOR NO KEY UPDATE``): storing drift findings
    locks the appearances they name ``FOR KEY SHARE``, and need wait only for a delete.
    """
    current = session.scalar(
        select(Appearance)
        .where(Appearance.id == appearance.id)
        .with_for_update(key_share=not deleting)
        .options(selectinload(Appearance.hops).selectinload(ChainHop.source))
        .execution_options(populate_existing=True)
    )
    if current is None:
        raise NotFound(
            f"No appearance with id {appearance.id}: another user deleted it meanwhile; "
            "see `claims appearance list`."
        )


def delete_appearance(
    session: Session, appearance: Appearance, *, actor: str, note: str | None = None
) -> None:
    appearance_id, claim_id = appearance.id, appearance.claim_id
    # Findings that name the appearance go first: refreshing afterwards writes the new ones.
    # Then the appearance's row, the order storing findings locks the two in
    # (``services.drift.store_drift_rows``): the other order could deadlock with it.
    session.execute(delete(DriftFinding).where(DriftFinding.claim_id == claim_id))
    lock_appearance(session, appearance, deleting=True)
    before = audit.snapshot(appearance)
    before["chain"] = chain_text(appearance)
    before["hops"] = [
        {"source": hop.source.name, "cue": hop.cue, "role": hop.role} for hop in appearance.hops
    ]
    if appearance in appearance.claim.appearances:
        appearance.claim.appearances.remove(appearance)
    session.delete(appearance)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="delete",
        entity="appearances",
        entity_id=appearance_id,
        before=before,
        note=note,
    )
    refresh_drift(session, [claim_id])


@dataclass(frozen=True)
class Context:
    """A quotation with the words around it, for review screens."""

    before: str
    quote: str
    after: str


def quotation_context(appearance: Appearance, width: int = 160) -> Context:
    text = appearance.article.text
    start, end = appearance.quote_start, appearance.quote_end
    block_start, block_end = paragraph_bounds(text, start)
    before = text[max(block_start, start - width) : start]
    after = text[end : min(block_end, end + width)]
    return Context(before=before, quote=text[start:end], after=after)
