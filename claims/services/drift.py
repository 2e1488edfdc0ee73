"""Stored drift findings: recomputed with every change to a claim's appearances or chains.

The services that change appearances (add, re-chain, delete) call
``refresh_drift`` in their own transaction, so ``drift_findings`` never lags
behind the chains it describes. A bulk import, whose batches touch a claim
again and again, lists the claims in ``drift_pending`` batch by batch
(``mark_drift_pending``) and recomputes each once at the end
(``refresh_pending_drift``); ``claims drift`` completes what an import cut
short left listed. An upgrade whose revision changed the drift rules lists every
claim there too, so the old rules' findings are not kept as current.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, select, text
from sqlalchemy.orm import Session, aliased

from claims.db import insert_rows
from claims.drift.pairs import drift, from_rows
from claims.models import (
    Appearance,
    Article,
    ChainHop,
    Claim,
    DriftFinding,
    DriftPending,
    Source,
)
from claims.services.claims import get_claim

DRIFT_FIELDS = (
    "claim_id",
    "claim",
    "from_appearance",
    "to_appearance",
    "from_outlet",
    "to_outlet",
    "kind",
    "severity",
    "before",
    "after",
    "detail",
)
_BATCH = 500  # claim ids per IN (...) list
_FINDING_COLUMNS = (
    "claim_id",
    "from_appearance_id",
    "to_appearance_id",
    "kind",
    "severity",
    "before_text",
    "after_text",
    "detail",
    "source_id",
)


def refresh_drift(session: Session, claim_ids: Iterable[int] | None = None) -> int:
    """Recompute the stored findings of these claims (every claim when None); return how many.

    Flushes first, so pending appearances and hops count. The claims recomputed
    leave ``drift_pending``: their findings are current again.
    """
    session.flush()
    findings, pending = DriftFinding.__table__, DriftPending.__table__
    _one_at_a_time(session.connection(), None if claim_ids is None else sorted(set(claim_ids)))
    if claim_ids is None:
        ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
        session.execute(delete(findings))
        session.execute(delete(pending))
    else:
        ids = sorted(set(claim_ids))
    total = 0
    for start in range(0, len(ids), _BATCH):
        total += _refresh_batch(session, ids[start : start + _BATCH], cleared=claim_ids is None)
    return total


def _one_at_a_time(connection: Connection, ids: list[int] | None) -> None:
    """On PostgreSQL, wait for any other transaction recomputing the same findings to commit,
    before reading what they are computed from.

    Replacing findings is a delete then an insert: under READ COMMITTED a second
    transaction's delete does not see the rows a first one inserted and committed
    meanwhile, so both sets stayed (two ``claims drift --refresh`` at once stored every
    finding twice), and findings computed before another's change committed stayed stale.
    A whole refresh holds the table against every other recomputation (the lock conflicts
    with itself and with the row-exclusive lock the others take here); a claim's own
    recomputation holds its claim's row, so two of one claim take turns. SQLite lets one
    writer in at a time already.
    """
    if connection.dialect.name != "postgresql":
        return
    if ids is None:
        connection.execute(text("LOCK TABLE drift_findings IN SHARE ROW EXCLUSIVE MODE"))
        return
    connection.execute(text("LOCK TABLE drift_findings IN ROW EXCLUSIVE MODE"))
    claims = Claim.__table__
    for start in range(0, len(ids), _BATCH):
        part = ids[start : start + _BATCH]
        connection.execute(
            select(claims.c.id)
            .where(claims.c.id.in_(part))
            .order_by(claims.c.id)
            .with_for_update(key_share=True)
        ).all()


def mark_drift_pending(session: Session, claim_ids: Iterable[int]) -> None:
    """List claims whose findings are to be recomputed later (``refresh_pending_drift``).

    For a bulk writer that changes a claim's appearances in several transactions
    and recomputes once at the end: the list is durable, so a writer cut short
    leaves the lagging claims named, not silently stale.
    """
    mark_drift_pending_rows(session.connection(), claim_ids)


def mark_drift_pending_rows(connection: Connection, ids: Iterable[int]) -> None:
    """``mark_drift_pending`` on a connection, for a writer that plans on another."""
    ids = sorted(set(ids))
    if not ids:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(
            text(
                "INSERT INTO drift_pending (claim_id) SELECT unnest(CAST(:ids AS integer[])) "
                "ON CONFLICT DO NOTHING"
            ),
            {"ids": ids},
        )
    else:
        connection.exec_driver_sql(
            "INSERT OR IGNORE INTO drift_pending (claim_id) VALUES (?)", [(i,) for i in ids]
        )


def pending_drift(session: Session | Connection, claim_id: int | None = None) -> int:
    """How many claims (of ``claim_id`` alone, when given) have findings still to recompute:
    an import running or cut short listed them, or an upgrade that changed the rules."""
    table = DriftPending.__table__
    query = select(func.count()).select_from(table)
    if claim_id is not None:
        query = query.where(table.c.claim_id == claim_id)
    return session.scalar(query) or 0


def refresh_pending_drift(session: Session, limit: int | None = None) -> tuple[int, int]:
    """Recompute up to ``limit`` pending claims (all when None): (claims, findings) done."""
    ids = pending_claims(session.connection(), limit=limit)
    if not ids:
        return 0, 0
    return len(ids), refresh_drift(session, ids)


def _refresh_batch(session: Session, ids: list[int], *, cleared: bool) -> int:
    connection = session.connection()  # Core all through: no ORM objects to build
    rows = drift_rows(connection, ids)
    store_drift_rows(connection, ids, rows, cleared=cleared)
    return len(rows)


def pending_claims(
    connection: Connection, *, after: int = 0, limit: int | None = None
) -> list[int]:
    """The next ``limit`` claims (all when None) listed in ``drift_pending``, past id ``after``."""
    table = DriftPending.__table__
    query = select(table.c.claim_id).where(table.c.claim_id > after).order_by(table.c.claim_id)
    if limit is not None:
        query = query.limit(limit)
    return list(connection.execute(query).scalars())


def drift_rows(connection: Connection, ids: list[int]) -> list[tuple]:
    """The findings of these claims as they stand, as rows of ``drift_findings``.

    Reads appearances and chains only, so a bulk writer can compute the next
    claims' rows while the rows before are being written (``store_drift_rows``).
    """
    return findings_rows(*drift_inputs(connection, ids))


def drift_inputs(connection: Connection, ids: list[int]) -> tuple[list, list]:
    """What the findings of these claims are computed from: (appearances, hops) rows.

    Apart from ``findings_rows``, so that a bulk writer can have the server read the
    next claims' while Python computes these claims' findings.
    """
    appearance, article = Appearance.__table__, Article.__table__
    appearances = connection.execute(
        select(
            appearance.c.id,
            appearance.c.claim_id,
            appearance.c.quote,
            appearance.c.quoted,
            article.c.publisher_id,
            article.c.published,
        )
        .join(article, article.c.id == appearance.c.article_id)
        .where(appearance.c.claim_id.in_(ids))
        # The findings come out in this order, and their ids with them: the same order
        # whatever plan the server chose for the join.
        .order_by(appearance.c.claim_id, appearance.c.id)
    ).all()
    with_several = {claim_id for claim_id, n in _counts(appearances).items() if n > 1}
    if not with_several:
        return [], []
    hop, source = ChainHop.__table__, Source.__table__
    hops = connection.execute(
        select(hop.c.appearance_id, hop.c.source_id, source.c.name, hop.c.cue, hop.c.role)
        .join(source, source.c.id == hop.c.source_id)
        .join(appearance, appearance.c.id == hop.c.appearance_id)
        .where(appearance.c.claim_id.in_(sorted(with_several)))
        .order_by(hop.c.appearance_id, hop.c.position)
    ).all()
    return [row for row in appearances if row[1] in with_several], hops


def findings_rows(appearances: list, hops: list) -> list[tuple]:
    """``drift_findings`` rows of the claims with two appearances or more in ``appearances``
    (``drift_inputs``' rows)."""
    return [
        (
            claim_id,
            from_id,
            to_id,
            finding.kind,
            finding.severity,
            finding.before,
            finding.after,
            finding.detail,
            finding.source_id,
        )
        for claim_id, items in from_rows(appearances, hops).items()
        for from_id, to_id, finding in drift(items)
    ]


def store_drift_rows(
    connection: Connection, ids: list[int], rows: list[tuple], *, cleared: bool = False
) -> None:
    """Replace the stored findings of these claims with ``rows``; they leave ``drift_pending``.

    ``rows`` may have been computed on another connection, or earlier in a transaction
    that sees what others commit meanwhile: the claims of any that name an appearance
    deleted since are computed again (``_still_standing``).
    """
    findings, pending = DriftFinding.__table__, DriftPending.__table__
    if not cleared:
        # An import's drift step stores rows it computed on another connection: it too
        # must wait for a user's recomputation of these claims, or both sets stay.
        _one_at_a_time(connection, ids)
        connection.execute(delete(findings).where(findings.c.claim_id.in_(ids)))
        connection.execute(delete(pending).where(pending.c.claim_id.in_(ids)))
    # The findings before the appearances, the order ``delete_appearance`` locks them in
    # (and a key's check did): the other order could deadlock with it.
    rows = _still_standing(connection, ids, rows)
    insert_rows(connection, findings, rows, _FINDING_COLUMNS)


def _still_standing(connection: Connection, ids: list[int], rows: list[tuple]) -> list[tuple]:
    """``rows``, but those of a claim that lost an appearance they name computed anew.

    No foreign key checks the appearances a finding names (they cost most of storing
    one, checked row by row): the claims' appearances are read here at once instead,
    and on PostgreSQL locked as a key's check locked them (``FOR KEY SHARE``), so that
    one deleted by another transaction is either gone now or stays until this one
    commits. SQLite's writer holds the whole database already.
    """
    if not rows:
        return rows
    appearance = Appearance.__table__
    query = select(appearance.c.id).where(appearance.c.claim_id.in_(ids))
    if connection.dialect.name == "postgresql":
        query = query.with_for_update(key_share=True)
    standing = set(connection.execute(query).scalars())
    lost = {row[0] for row in rows if row[1] not in standing or row[2] not in standing}
    if not lost:
        return rows
    return [row for row in rows if row[0] not in lost] + drift_rows(connection, sorted(lost))


def _counts(appearances) -> dict[int, int]:
    counts: dict[int, int] = {}
    for row in appearances:
        counts[row[1]] = counts.get(row[1], 0) + 1
    return counts


def drift_query(claim_id: int | None = None):
    """The findings with claim text and both outlets, in claim and finding order."""
    before, after = aliased(Appearance), aliased(Appearance)
    before_article, after_article = aliased(Article), aliased(Article)
    before_outlet, after_outlet = aliased(Source), aliased(Source)
    query = (
        select(
            DriftFinding.claim_id,
            Claim.text.label("claim"),
            DriftFinding.from_appearance_id.label("from_appearance"),
            DriftFinding.to_appearance_id.label("to_appearance"),
            before_outlet.name.label("from_outlet"),
            after_outlet.name.label("to_outlet"),
            DriftFinding.kind,
            DriftFinding.severity,
            DriftFinding.before_text.label("before"),
            DriftFinding.after_text.label("after"),
            DriftFinding.detail,
        )
        .join(Claim, Claim.id == DriftFinding.claim_id)
        .join(before, before.id == DriftFinding.from_appearance_id)
        .join(before_article, before_article.id == before.article_id)
        .join(before_outlet, before_outlet.id == before_article.publisher_id)
        .join(after, after.id == DriftFinding.to_appearance_id)
        .join(after_article, after_article.id == after.article_id)
        .join(after_outlet, after_outlet.id == after_article.publisher_id)
        .order_by(DriftFinding.claim_id, DriftFinding.id)
    )
    if claim_id is not None:
        query = query.where(DriftFinding.claim_id == claim_id)
    return query


def list_drift(session: Session, claim_id: int | None = None) -> list[dict[str, Any]]:
    """The stored findings, of one claim (which must exist) or of all."""
    if claim_id is not None:
        get_claim(session, claim_id)
    return [dict(row._mapping) for row in session.execute(drift_query(claim_id))]


def drifted_hops(session: Session, claim_id: int) -> dict[int, list[tuple[str, int | None]]]:
    """Per downstream appearance: the kinds found and the chain source each is about."""
    found: dict[int, list[tuple[str, int | None]]] = {}
    rows = session.execute(
        select(DriftFinding.to_appearance_id, DriftFinding.kind, DriftFinding.source_id).where(
            DriftFinding.claim_id == claim_id
        )
    )
    for appearance_id, kind, source_id in rows:
        found.setdefault(appearance_id, []).append((kind, source_id))
    return found
