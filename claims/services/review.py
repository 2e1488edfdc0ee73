"""The review workflow: draft → in_review → approved | rejected, and back to draft on edit.

Every step is a row in ``reviews`` (who decided what, when, with which note)
and an entry in the audit log.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims import audit
from claims.errors import ChangedMeanwhile, InvalidTransition
from claims.models import Claim, Review
from claims.services.claims import claim_details, get_claim

# (from status, action) -> (to status, decision recorded)
TRANSITIONS = {
    ("draft", "submit"): ("in_review", "submitted"),
    ("in_review", "approve"): ("approved", "approved"),
    ("in_review", "reject"): ("rejected", "rejected"),
    ("in_review", "reopen"): ("draft", "reopened"),
    ("approved", "reopen"): ("draft", "reopened"),
    ("rejected", "reopen"): ("draft", "reopened"),
}

_ADVICE = {
    "approve": "only a claim in review can be approved; submit it first with "
    "`claims review submit {id}`",
    "reject": "only a claim in review can be rejected; submit it first with "
    "`claims review submit {id}`",
    "submit": "only a draft can be submitted; edit it or `claims review reopen {id}` first",
    "reopen": "it is a draft already",
}


def decide(
    session: Session,
    claim_id: int,
    action: str,
    *,
    actor: str,
    note: str | None = None,
    seen_version: int | None = None,
) -> Claim:
    """Apply one review action to a claim, or refuse with the transition that would work.

    The claim's row is locked for the decision (PostgreSQL; SQLite writers are
    serialised anyway). ``seen_version`` is the version the reviewer was shown:
    if the claim changed since, the decision is refused rather than made blind.
    """
    claim = session.scalar(select(Claim).where(Claim.id == claim_id).with_for_update())
    if claim is None:
        claim = get_claim(session, claim_id)  # raises NotFound with advice
    if seen_version is not None and claim.version != seen_version:
        raise ChangedMeanwhile(
            f"Claim #{claim.id} changed since it was shown (now: {claim.text!r}, "
            f"{claim.status}): look at it again before deciding."
        )
    transition = TRANSITIONS.get((claim.status, action))
    if transition is None:
        advice = _ADVICE.get(action, "").format(id=claim.id)
        raise InvalidTransition(
            f"Claim #{claim.id} is {claim.status}; cannot {action} it: {advice}."
        )
    before = audit.snapshot(claim)
    claim.status, decision = transition
    note = (note or "").strip() or None
    review = Review(claim=claim, decision=decision, reviewer=actor, note=note)
    session.add(review)
    audit.record(session, actor=actor, action=decision, obj=claim, before=before, note=note)
    return claim


def submit(session: Session, claim_id: int, *, actor: str, note: str | None = None) -> Claim:
    return decide(session, claim_id, "submit", actor=actor, note=note)


def approve(session: Session, claim_id: int, *, actor: str, note: str | None = None) -> Claim:
    return decide(session, claim_id, "approve", actor=actor, note=note)


def reject(session: Session, claim_id: int, *, actor: str, note: str | None = None) -> Claim:
    return decide(session, claim_id, "reject", actor=actor, note=note)


def reopen(session: Session, claim_id: int, *, actor: str, note: str | None = None) -> Claim:
    return decide(session, claim_id, "reopen", actor=actor, note=note)


def review_queue(session: Session, *, status: str = "in_review") -> list[Claim]:
    """Claims waiting for a decision, oldest first, with what a reviewer needs to see."""
    query = (
        select(Claim)
        .where(Claim.status == status)
        .options(*claim_details())
        .order_by(Claim.updated_at, Claim.id)
    )
    return list(session.scalars(query))
