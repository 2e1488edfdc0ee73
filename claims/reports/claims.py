"""The claim list, with how widely each claim is carried."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from claims.models import Appearance, Article, Claim
from claims.reports._frame import read

if TYPE_CHECKING:
    import pandas as pd

KINDS = {
    "claim_id": "int",
    "claim": "text",
    "status": "text",
    "verdict": "text",
    "outlets": "int",
    "appearances": "int",
    "created_by": "text",
    "created_at": "datetime",
    "updated_at": "datetime",
}


def claims(session: Session) -> pd.DataFrame:
    """One row per claim in id order; a claim nobody carries shows 0 outlets, not no row."""
    carried = (
        select(
            Appearance.claim_id,
            func.count(distinct(Article.publisher_id)).label("outlets"),
            func.count(Appearance.id).label("appearances"),
        )
        .join(Article, Article.id == Appearance.article_id)
        .group_by(Appearance.claim_id)
        .subquery()
    )
    stmt = (
        select(
            Claim.id.label("claim_id"),
            Claim.text.label("claim"),
            Claim.status,
            Claim.verdict,
            func.coalesce(carried.c.outlets, 0).label("outlets"),
            func.coalesce(carried.c.appearances, 0).label("appearances"),
            Claim.created_by,
            Claim.created_at,
            Claim.updated_at,
        )
        .outerjoin(carried, carried.c.claim_id == Claim.id)
        .order_by(Claim.id)
    )
    return read(session, stmt, KINDS)
