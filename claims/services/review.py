"""The review workflow: draft → in_review → approved | rejected, and back to draft on edit.

Every step is a row in ``reviews`` (who decided what, when, with which note)
and an entry in the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
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

# What to do instead, per (status, refused action): the next step depends on where the
# claim is, so a claim in review is not told to be reopened, nor a decided one to be edited.
_ADVICE = {
    ("draft", "approve"): "only a claim in review can be approved; submit it first with "
    "`claims review submit {id}`",
    ("draft", "reject"): "only a claim in review can be rejected; submit it first with "
    "`claims review submit {id}`",
    ("draft", "reopen"): "it is a draft already",
    ("in_review", "submit"): "it is in review already; approve or reject it with "
    "`claims review approve {id}` or `claims review reject {id}`",
    ("approved", "submit"): "it was approved; to review it again, send it back to draft "
    "with `claims review reopen {id}` first",
    ("rejected", "submit"): "it was rejected; to review it again, send it back to draft "
    "with `claims review reopen {id}` first",
    ("approved", "approve"): "it is approved already",
    ("rejected", "reject"): "it is rejected already",
    ("approved", "reject"): "it was approved; to decide again, `claims review reopen {id}` "
    "and submit it",
    ("rejected", "approve"): "it was rejected; to decide again, `claims review reopen {id}` "
    "and submit it",
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
        advice = _ADVICE.get((claim.status, action), "")
        raise InvalidTransition(
            f"Claim #{claim.id} is {claim.status}; cannot {action} it"
            + (f": {advice.format(id=claim.id)}." if advice else ".")
        )
    before = audit.snapshot(claim)
    claim.status, decision = transition
    note = (note or "").strip() or None
    review = Review(claim=claim, decision=decision, reviewer=actor, note=note)
    session.add(review)
    audit.record(session, actor=actor, action=decision, obj=claim, before=before, note=note)
    return claim


def decide_many(
    session: Session,
    claim_ids: Iterable[int],
    action: str,
    *,
    actor: str,
    note: str | None = None,
) -> list[Claim]:
    """Apply one review action to several claims, each once, in the caller's transaction.

    An id given twice is one decision: deciding it again would be refused by the
    state the first decision just made (``submit 4 4``: "claim 4 is in review").
    Any refusal leaves the whole batch to be rolled back by the caller.
    """
    return [
        decide(session, claim_id, action, actor=actor, note=note)
        for claim_id in dict.fromkeys(claim_ids)
    ]


def submit(session: Session, claim_id: int, *, actor: str, note: str | None = None) -> Claim:
    return decide(session, claim_id, "submit", actor=actor, note=note)


def approve(session: Session, claim_id: int, *, actor: str, note: str | None = None) -> Claim:
    return decide(session, claim_id, "approve", actor=actor, note=note)


def reject(session: Session, claim_id: int, *, actor: str, note: str | None = None) -> Claim:
    return decide(session, claim_id, "reject", actor=actor, note=note)


def reopen(session: Session, claim_id: int, *, actor: str, note: str | None = None) -> Claim:
    return decide(session, claim_id, "reopen", actor=actor, note=note)


def review_queue(session: Session, *, status: str = "in_review") -> list[Claim]:
    """Claims waiting for a decision, longest waiting first, with what a reviewer needs to see.

    Waiting since the review step that gave the claim its status (for claims in review,
    their submission), not since their last edit: fixing a typo in a claim under review
    must not send it to the back of the queue. A claim no step has moved waits since it
    was created.
    """
    since = func.coalesce(
        select(func.max(Review.decided_at))
        .where(Review.claim_id == Claim.id)
        .correlate(Claim)
        .scalar_subquery(),
        Claim.created_at,
    )
    query = (
        select(Claim)
        .where(Claim.status == status)
        .options(*claim_details())
        .order_by(since, Claim.id)
    )
    return list(session.scalars(query))
