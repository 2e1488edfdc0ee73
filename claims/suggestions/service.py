"""Stored proposals: compute once, list, and decide (accept, edit, reject, skip).

Proposals live in ``suggestions``, not in ``appearances``: nothing a machine read counts as
recorded until a person accepts it. Computing again is idempotent: a proposal is identified
by its span and chain, so a pending one is not duplicated and a rejected one stays rejected.
Accepting makes a draft claim (or reuses the claim with the same wording) and an appearance
marked ``provenance='proposed'`` with ``accepted_by`` the reviewer; the chain is composed
with the article's origin and publisher like any other.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims import audit
from claims.chains import StatedHop, parse_chain
from claims.errors import InvalidInput, InvalidTransition, NotFound
from claims.models import Article, Suggestion, utcnow
from claims.services.articles import get_article

DECISIONS = ("accept", "reject", "skip")


def compute_suggestions(session: Session, article_id: int, *, actor: str) -> list[Suggestion]:
    """Propose for the article, store what is new, and return every proposal it has.

    Decided proposals are kept whatever happens; a pending one the proposer no longer makes
    is dropped, so the list follows the sources and origin known now.
    """
    from claims.suggestions.propose import propose

    article = get_article(session, article_id)
    proposals = propose(session, article)
    current = {proposal.key for proposal in proposals}
    known = set()
    for row in session.scalars(select(Suggestion).where(Suggestion.article_id == article.id)):
        if row.status == "pending" and row.key not in current:
            # Nobody decided it and the proposer no longer makes it (a source or the
            # article's origin was added since): superseded, not a decision to keep.
            session.delete(row)
        else:
            known.add(row.key)
    for proposal in proposals:
        key = proposal.key
        if key in known:
            continue
        known.add(key)
        row = Suggestion(
            article_id=article.id,
            kind=proposal.kind,
            key=key,
            sentence_start=proposal.sentence[0],
            sentence_end=proposal.sentence[1],
            claim_text=proposal.claim_text,
            quote_start=proposal.quote[0],
            quote_end=proposal.quote[1],
            quoted=proposal.quoted,
            chain=proposal.hops,
            confidence=proposal.confidence,
            rule=proposal.rule,
            status="pending",
            created_by=actor,
        )
        session.add(row)
    session.flush()
    return list_suggestions(session, article.id)


def list_suggestions(
    session: Session, article_id: int, *, statuses: tuple[str, ...] | None = None
) -> list[Suggestion]:
    get_article(session, article_id)
    query = select(Suggestion).where(Suggestion.article_id == article_id)
    if statuses:
        query = query.where(Suggestion.status.in_(statuses))
    return list(
        session.scalars(
            query.order_by(Suggestion.sentence_start, Suggestion.quote_start, Suggestion.id)
        )
    )


def get_suggestion(session: Session, suggestion_id: int) -> Suggestion:
    row = session.get(Suggestion, suggestion_id)
    if row is None:
        raise NotFound(f"No proposal with id {suggestion_id}: see `claims suggest ARTICLE_ID`.")
    return row


def stated_chain(row: Suggestion) -> list[StatedHop]:
    """The proposal's hops as a person would type them: known names, else the proposed one."""
    return [StatedHop(hop["name"], hop.get("cue")) for hop in row.chain if hop.get("name")]


def chain_text(row: Suggestion) -> str:
    """``Wang Xiaohong [told] > Xinhua [said]``: what the edit prompt starts from."""
    return " > ".join(
        f"{hop.name} [{hop.cue}]" if hop.cue else hop.name for hop in stated_chain(row)
    )


def decide(
    session: Session,
    suggestion_id: int,
    decision: str,
    *,
    actor: str,
    claim_text: str | None = None,
    chain: str | None = None,
) -> Suggestion:
    """Accept (optionally with an edited claim text and chain), reject or skip a proposal."""
    if decision not in DECISIONS:
        raise InvalidInput(f"Unknown decision {decision!r}: use {', '.join(DECISIONS)}.")
    row = get_suggestion(session, suggestion_id)
    if row.status in ("accepted", "rejected"):
        raise InvalidTransition(
            f"Proposal #{row.id} is {row.status} already: it cannot be decided again."
        )
    before = {"status": row.status}
    if decision == "accept":
        if row.kind == "origin":
            _accept_origin(session, row, actor=actor, name=claim_text)
        else:
            _accept_claim(session, row, actor=actor, claim_text=claim_text, chain=chain)
    row.status = {"accept": "accepted", "reject": "rejected", "skip": "skipped"}[decision]
    row.decided_by = actor
    row.decided_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="update",
        entity="suggestions",
        entity_id=row.id,
        before=before,
        after={"status": row.status, "appearance_id": row.appearance_id},
    )
    return row


def _accept_claim(
    session: Session, row: Suggestion, *, actor: str, claim_text: str | None, chain: str | None
) -> None:
    from claims.anchoring import _occurrences
    from claims.errors import AlreadyExists
    from claims.services.appearances import add_appearance
    from claims.services.claims import add_claim, find_claim_by_text
    from claims.text import fold_with_map

    article = session.get(Article, row.article_id)
    text = (claim_text if claim_text is not None else row.claim_text).strip()
    if not text:
        raise InvalidInput("The claim text is empty: give the statement the passage makes.")
    hops = parse_chain(chain) if chain is not None else stated_chain(row)
    claim = find_claim_by_text(session, text) or add_claim(session, text=text, actor=actor)
    session.flush()
    quote = article.text[row.quote_start : row.quote_end]
    haystack, index = fold_with_map(article.text)
    needle, _ = fold_with_map(quote)
    starts = [index[found] for found in _occurrences(haystack, needle)]
    occurrence = starts.index(row.quote_start) + 1 if row.quote_start in starts else None
    new_names = {hop["name"] for hop in row.chain if hop.get("new")}
    try:
        appearance = add_appearance(
            session,
            claim_id=claim.id,
            article_id=article.id,
            quote=quote,
            actor=actor,
            chain=hops,
            # The reviewer accepted these new sources: creating them is their decision.
            create_sources=chain is not None or bool(new_names),
            occurrence=occurrence if len(starts) > 1 else None,
            provenance="proposed",
            accepted_by=actor,
        )
    except AlreadyExists as exists:
        row.appearance_id = exists.existing_id
        return
    row.appearance_id = appearance.id


def _accept_origin(session: Session, row: Suggestion, *, actor: str, name: str | None) -> None:
    from claims.services.sources import get_or_create_source

    article = session.get(Article, row.article_id)
    if article.origin_id is not None:
        raise InvalidTransition(
            f"Article #{article.id} has an origin already ({article.origin.name})."
        )
    hop = row.chain[0]
    wanted = (name or "").strip() or (
        f"#{hop['source_id']}" if hop.get("source_id") else hop["name"]
    )
    source = get_or_create_source(session, wanted, actor=actor, create=True, kind="news_agency")
    before = {"origin_id": None, "origin_cue": article.origin_cue}
    article.origin = source
    article.origin_cue = hop.get("cue")
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="update",
        entity="articles",
        entity_id=article.id,
        before=before,
        after={"origin_id": source.id, "origin_cue": article.origin_cue},
        note=f"accepted proposal #{row.id}",
    )


def chain_for_passage(session: Session, article, start: int, end: int) -> list[StatedHop]:
    """The stated hops the extractor finds for the sentence(s) covering ``[start, end)``.

    Sources come back as their known names where resolved, else as the words the article
    uses. Of several proposals, the one whose quotation overlaps the span most wins, an
    attributed one before an unattributed one.
    """
    from claims.suggestions.propose import propose

    if isinstance(article, int):
        article = get_article(session, article)
    best = None
    best_score = None
    for proposal in propose(session, article, span=(start, end)):
        shared = min(end, proposal.quote[1]) - max(start, proposal.quote[0])
        score = (shared > 0, bool(proposal.hops), shared)
        if best_score is None or score > best_score:
            best, best_score = proposal, score
    if best is None or not best_score[0]:
        return []
    return [
        StatedHop(hop["name"] if hop.get("source_id") else (hop["surface"] or hop["name"]),
                  hop.get("cue"))
        for hop in best.hops
    ]  # fmt: skip


def suggestion_record(row: Suggestion, text: str) -> dict:
    """A proposal as shown and exported: its words, spans, chain and where each came from."""
    from claims.models import iso

    hops = [
        {
            "name": hop.get("name"),
            "source_id": hop.get("source_id"),
            "new_source": bool(hop.get("new")),
            "surface": hop.get("surface"),
            "cue": hop.get("cue"),
            "cue_span": [hop.get("cue_start"), hop.get("cue_end")]
            if hop.get("cue_start") is not None
            else None,
            "evidence_span": [hop.get("evidence_start"), hop.get("evidence_end")]
            if hop.get("evidence_start") is not None
            else None,
            "why": hop.get("why"),
        }
        for hop in row.chain
    ]
    return {
        "id": row.id,
        "article_id": row.article_id,
        "kind": row.kind,
        "status": row.status,
        "confidence": row.confidence,
        "rule": row.rule,
        "sentence": text[row.sentence_start : row.sentence_end] if row.kind == "claim" else None,
        "sentence_span": [row.sentence_start, row.sentence_end],
        "claim": row.claim_text,
        "quote": text[row.quote_start : row.quote_end] if row.kind == "claim" else None,
        "quote_span": [row.quote_start, row.quote_end],
        "quoted": row.quoted,
        "chain": hops,
        "chain_text": render_hops(row),
        "decided_by": row.decided_by,
        "decided_at": iso(row.decided_at),
        "appearance_id": row.appearance_id,
    }


def render_hops(row: Suggestion) -> str:
    """``Wang Xiaohong (told @432-470) → Xinhua (said @506-537)``; new sources marked."""
    from claims.chains import ARROW

    parts = []
    for hop in row.chain:
        name = hop.get("name") or "?"
        if hop.get("new"):
            name += " (new source)"
        where = (
            f" @{hop['evidence_start']}-{hop['evidence_end']}"
            if hop.get("evidence_start") is not None
            else ""
        )
        cue = hop.get("cue")
        parts.append(f"{name} [{cue}{where}]" if cue or where else name)
    return ARROW.join(parts) if parts else "(the article's own statement)"


def stated_chain_text(record: dict) -> str:
    """The chain of a proposal record as a person types it, for the edit prompt."""
    return " > ".join(
        f"{hop['name']} [{hop['cue']}]" if hop.get("cue") else hop["name"]
        for hop in record["chain"]
        if hop.get("name")
    )
