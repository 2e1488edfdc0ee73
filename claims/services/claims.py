"""Claims: canonical atomic statements, each stored once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from claims import audit
from claims.errors import AlreadyExists, InvalidInput, NotFound
from claims.models import CLAIM_STATUSES, Appearance, Article, ChainHop, Claim, Review
from claims.services.sources import resolve_source
from claims.text import QUOTE_PAIRS, SINGLE_QUOTE_PAIRS, claim_key, normalise_space

# Changing what was decided on sends a decided claim back for another look.
_REVIEWED_FIELDS = ("text", "verdict")


def check_status(status: str) -> str:
    status = (status or "").strip().lower().replace("-", "_").replace(" ", "_")
    if status not in CLAIM_STATUSES:
        raise InvalidInput(f"Unknown status {status!r}: use one of {', '.join(CLAIM_STATUSES)}.")
    return status


def clean_text(text: str) -> str:
    """A claim's stored text: spacing normalised, never empty, never punctuation alone.

    Text with no letter or digit ("...", "?!") states nothing, and would stand as a claim
    every later slip of the keyboard collides with; refused as empty source names and
    searches are. The importer checks its rows with this function too.
    """
    text = normalise_space(text or "")
    if not text:
        raise InvalidInput("The claim text is empty: state the claim in one sentence.")
    if not any(char.isalnum() for char in text):
        raise InvalidInput(
            f"The claim text {text!r} has no letters or digits: state the claim in words."
        )
    return text


# Each opening quotation mark with the closing marks that may pair with it, single marks
# too: a claim wholly in 'single' quotes is enclosed as much as one in “double” ones.
_QUOTE_PAIRS = {**QUOTE_PAIRS, **SINGLE_QUOTE_PAIRS}


def enclosing_quotes(text: str) -> str | None:
    """The pair of quotation marks around the whole of ``text`` (e.g. "\u201c\u201d"), if any."""
    enclosed = _enclosed(text)
    return enclosed[0] if enclosed else None


def _enclosed(text: str) -> tuple[str, str, str] | None:
    """(the pair of marks, the text inside them, a closing . ! or ? after them) when a pair of
    quotation marks encloses the whole of ``text``.

    Only a pair that encloses everything: '"A," she said, "B."' opens and closes with marks
    of two quotations, so a mark of the same kind inside means the ends are not one pair and
    the text is left alone. A full stop after the closing mark (British usage) still counts.
    """
    body, after = text.strip(), ""
    if body[-1:] in ".!?" and body[-2:-1] not in ("", ".", "!", "?"):
        body, after = body[:-1], body[-1]
    if len(body) < 2:
        return None
    opening, closing = body[0], body[-1]
    if closing not in _QUOTE_PAIRS.get(opening, ""):
        return None
    inner = body[1:-1]
    if any(char in opening + _QUOTE_PAIRS[opening] for char in inner):
        return None
    return opening + closing, inner, after


def statement_text(text: str) -> str:
    """What ``add_claim`` and ``edit_claim`` store: ``clean_text`` without a pair of quotation
    marks around the whole text.

    A claim is a statement, not a quotation: the quotation, with its marks, lives in each
    appearance. Kept, the marks would also make "\u201cX\u201d" another claim than X, since
    ``claim_key`` folds quotation marks but keeps them.
    """
    text = clean_text(text)
    enclosed = _enclosed(text)
    if enclosed is None:
        return text
    _, inner, after = enclosed
    inner = inner.strip()
    if after and not inner.endswith((".", "!", "?")):
        inner += after
    return clean_text(inner)


def _refuse_duplicate(session: Session, text: str, *, except_id: int | None = None) -> str:
    key = claim_key(text)
    existing = session.scalar(select(Claim.id).where(Claim.key == key))
    if existing is not None and existing != except_id:
        raise AlreadyExists(f"This claim exists already as #{existing}.", existing)
    return key


def add_claim(
    session: Session,
    *,
    text: str,
    actor: str,
    verdict: str | None = None,
    notes: str | None = None,
) -> Claim:
    """Create a draft claim. The same statement (ignoring case, spacing, quotes) is refused.

    Quotation marks around the whole text are dropped (``statement_text``).
    """
    text = statement_text(text)
    claim = Claim(
        text=text,
        key=_refuse_duplicate(session, text),
        status="draft",
        verdict=(verdict or "").strip() or None,
        notes=(notes or "").strip() or None,
        created_by=actor,
    )
    session.add(claim)
    audit.record(session, actor=actor, action="create", obj=claim)
    return claim


def find_claim_by_text(session: Session, text: str) -> Claim | None:
    """The claim ``add_claim`` would refuse as a duplicate of ``text``, if any."""
    return session.scalar(select(Claim).where(Claim.key == claim_key(_unquoted(text))))


def _unquoted(text: str) -> str:
    """``text`` as ``statement_text`` would store it; unchanged when that refuses it."""
    try:
        return statement_text(text)
    except InvalidInput:
        return text


def claim_details():
    """Loader options for showing a claim whole: appearances with their article, publisher
    and chain, and its reviews, in a fixed number of queries however many there are."""
    appearances = selectinload(Claim.appearances)
    return [
        appearances.selectinload(Appearance.article).selectinload(Article.publisher),
        appearances.selectinload(Appearance.hops).selectinload(ChainHop.source),
        selectinload(Claim.reviews),
    ]


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id, options=claim_details())
    if claim is None:
        raise NotFound(f"No claim with id {claim_id}: see `claims claim list`.")
    return claim


def list_claims(
    session: Session,
    *,
    status: str | None = None,
    outlet: str | None = None,
    search: str | None = None,
) -> list[Claim]:
    """Claims in id order; with ``search``, only those matching it, best match first."""
    query = select(Claim)
    if search is not None:
        from claims.search import hits_query

        hits = hits_query(session, search)
        query = query.join(hits, hits.c.claim_id == Claim.id).order_by(hits.c.score.desc())
    query = query.order_by(Claim.id)
    if status:
        query = query.where(Claim.status == check_status(status))
    if outlet:
        publisher = resolve_source(session, outlet)
        carried = (
            select(Appearance.claim_id)
            .join(Article, Article.id == Appearance.article_id)
            .where(Article.publisher_id == publisher.id)
        )
        query = query.where(Claim.id.in_(carried))
    return list(session.scalars(query))


def edit_claim(
    session: Session,
    claim: Claim,
    *,
    actor: str,
    text: str | None = None,
    verdict: str | None = None,
    notes: str | None = None,
) -> Claim:
    """Change a claim. Changing the text or verdict of a decided claim reopens it as a draft.

    A claim in review keeps its status: the reviewer's decision is checked
    against the version they saw (see ``review.decide``).
    """
    before = audit.snapshot(claim)
    if text is not None:
        text = statement_text(text)
        claim.key = _refuse_duplicate(session, text, except_id=claim.id)
        claim.text = text
    if verdict is not None:
        claim.verdict = verdict.strip() or None
    if notes is not None:
        claim.notes = notes.strip() or None
    changed = [f for f in ("text", "verdict", "notes") if before[f] != getattr(claim, f)]
    if not changed:
        return claim
    reopened = claim.status in ("approved", "rejected") and bool(
        set(changed) & set(_REVIEWED_FIELDS)
    )
    if reopened:
        claim.status = "draft"
        session.add(
            Review(claim=claim, decision="reopened", reviewer=actor, note="edited after review")
        )
    audit.record(
        session,
        actor=actor,
        action="update",
        obj=claim,
        before=before,
        note="edited after review: reopened as a draft" if reopened else None,
    )
    from claims.services.drift import refresh_drift

    refresh_drift(session, [claim.id])
    return claim


def delete_claim(session: Session, claim: Claim, *, actor: str) -> None:
    """Delete a claim with its appearances; the audit log keeps what was there, each of them.

    The claim's row is locked and read again first (PostgreSQL; SQLite's writer holds the
    whole database already): another user may have deleted it since it was read, or given
    it an appearance, which goes with it.
    """
    from claims.services.appearances import delete_appearance

    if session.scalar(select(Claim.id).where(Claim.id == claim.id).with_for_update()) is None:
        raise NotFound(
            f"No claim with id {claim.id}: another user deleted it meanwhile; "
            "see `claims claim list`."
        )
    session.expire(claim, ["appearances", "reviews"])
    before = audit.snapshot(claim)
    before["appearances"] = [appearance.id for appearance in claim.appearances]
    before["reviews"] = [
        {"decision": r.decision, "reviewer": r.reviewer, "note": r.note} for r in claim.reviews
    ]
    for appearance in list(claim.appearances):
        delete_appearance(session, appearance, actor=actor, note=f"with claim #{claim.id}")
    claim_id = claim.id
    session.delete(claim)
    session.flush()
    audit.record(
        session, actor=actor, action="delete", entity="claims", entity_id=claim_id, before=before
    )
