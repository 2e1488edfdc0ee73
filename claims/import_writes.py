"""The writing half of an import's plan: new rows, with their ids, as writes for a batch.

``Plan`` (``import_plan``) resolves a chunk's rows; when it writes, these methods turn
what it resolved into rows of each table, with ids taken up front, and hand them to the
batch's list of writes (``import_writer``), instead of executing anything: the writer
stores the batch while the next one is planned.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from sqlalchemy import Connection, case, func, select, update
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from claims.flatrows import FlatRow
from claims.import_records import IN_CHUNK, PlannedRow
from claims.import_writer import insert_into
from claims.models import (
    Appearance,
    Article,
    ChainHop,
    Claim,
    Source,
    SourceAlias,
    check_strings,
    utcnow,
)

_APPEARANCE_COLUMNS = (
    "id",
    "claim_id",
    "article_id",
    "quote",
    "quote_start",
    "quote_end",
    "prefix",
    "suffix",
    "quoted",
    "provenance",
    "accepted_by",
    "created_by",
    "created_at",
)
_HOP_COLUMNS = (
    "appearance_id",
    "position",
    "source_id",
    "cue",
    "role",
    "evidence_start",
    "evidence_end",
)


class PlanWriting:
    """Mixed into ``Plan``: the methods that write (see ``Plan`` for the state they share)."""

    def _insert_sources(self) -> None:
        """The new sources and aliases so far, before any row that refers to them, and
        what source rows complete in stored sources."""
        self._insert(Source.__table__, self._new_source_rows)
        self._insert(SourceAlias.__table__, self._new_alias_rows)
        if self._source_updates:
            self.writes.append(partial(complete_sources, rows=self._source_updates))
        self._new_source_rows = []
        self._new_alias_rows = []
        self._source_updates = []
        self._pending_sources.clear()

    def _insert_articles(self) -> None:
        if self.write:
            self._insert_sources()
        pending = [self.articles[sha] for sha in self._batch_articles]
        pending = [ref for ref in pending if ref.values is not None]
        if not self.write:
            for ref in pending:
                ref.values = None  # planned only; the text is in the spill file
            self._batch_articles.clear()
            self._batch_sources.clear()
            return
        if not pending:
            return
        table = Article.__table__
        for ref in pending:
            check_strings(table, ref.values)
        ids = self._ids(table, len(pending))
        rows = []
        for ref, article_id in zip(pending, ids, strict=True):
            rows.append({"id": article_id, **ref.values})
            ref.id, ref.values = article_id, None
        self._insert(table, rows)

    def _claims(self, items: list[PlannedRow]) -> dict[str, int]:
        first: dict[str, FlatRow] = {}
        for item in items:
            if item.row.has_claim:  # not a source row or an article row
                first.setdefault(item.key, item.row)
        found = self._found_claims
        ids = {key: found[key] for key in first if key in found}
        now = utcnow()
        new = [
            (
                row.claim,
                key,
                row.claim_status,
                row.claim_verdict,
                row.claim_notes,
                row.created_by or self.actor,
            )
            for key, row in first.items()
            if key not in ids
        ]
        for claim_id in ids.values():
            if self.tally.count_present("claims", claim_id):
                self.summary.claims_present += 1
        if new:
            created = self._insert_claims(new, now)
            self.summary.claims_created += len(created)
            ids.update(created)
        self._batch_claim_ids = ids
        return ids

    def _insert_claims(self, new: list[tuple], now) -> dict[str, int]:
        """Claims the batch's lookup did not find, as (text, key, status, verdict, notes,
        created_by); return the id each one gets.

        Ids are taken up front and the rows written with the batch. Should another
        writer store the same claim in between, the batch's transaction fails on the
        key's uniqueness and the import stops, asking for a re-run, which finds it.
        """
        table = Claim.__table__
        ids = self._ids(table, len(new))
        columns = ("text", "key", "status", "verdict", "notes", "created_by")
        rows = [
            dict(
                zip(columns, values, strict=True),
                id=claim_id,
                created_at=now,
                updated_at=now,
                version=1,
            )
            for values, claim_id in zip(new, ids, strict=True)
        ]
        self._insert(table, rows)
        return {values[1]: claim_id for values, claim_id in zip(new, ids, strict=True)}

    def _known_claims(self, keys: list[str]) -> dict[str, int]:
        """The ids of the claims stored with these keys: from the batches written so far,
        else looked up."""
        known = self.claim_ids
        ids = {key: known[key] for key in keys if key in known}
        ids.update(self._claim_ids([key for key in keys if key not in ids]))
        return ids

    def _claim_ids(self, keys: list[str]) -> dict[str, int]:
        ids: dict[str, int] = {}
        for start in range(0, len(keys), IN_CHUNK):
            part = keys[start : start + IN_CHUNK]
            query = select(Claim.key, Claim.id).where(Claim.key.in_(part))
            rows = self.session.connection().execute(query)
            ids.update((key, claim_id) for key, claim_id in rows)
        return ids

    def _appearances(self, items: list[PlannedRow], claim_ids: dict[str, int]) -> None:
        items = [item for item in items if item.anchor is not None]
        if not items:
            return
        keys = [
            (claim_ids[item.key], item.article.id, item.anchor.start, item.anchor.end)
            for item in items
        ]
        rows, hops, seen = [], [], set(self._stored_appearances)
        now = utcnow()
        for item, key in zip(items, keys, strict=True):
            if key in seen:
                self.summary.appearances_present += 1
                continue
            seen.add(key)
            self._batch_appearances.add(key)
            self.touched_claims.add(key[0])
            anchor, row = item.anchor, item.row
            rows.append(
                [
                    None,  # the id, below
                    key[0],
                    key[1],
                    anchor.exact,
                    anchor.start,
                    anchor.end,
                    anchor.prefix,
                    anchor.suffix,
                    anchor.quoted,
                    row.provenance,
                    row.accepted_by,
                    row.created_by or self.actor,
                    now,
                ]
            )
            hops.append(item.hops)
        if not rows:
            return
        table = Appearance.__table__
        ids = self._ids(table, len(rows))
        for row, appearance_id in zip(rows, ids, strict=True):
            row[0] = appearance_id
        self._insert(table, rows, _APPEARANCE_COLUMNS)
        hop_rows = [
            (
                appearance_id,
                position,
                hop.source_id,
                hop.cue,
                hop.role,
                hop.evidence[0] if hop.evidence else None,
                hop.evidence[1] if hop.evidence else None,
            )
            for appearance_id, chain in zip(ids, hops, strict=True)
            for position, hop in enumerate(chain)
        ]
        self._insert(ChainHop.__table__, hop_rows, _HOP_COLUMNS)
        self.summary.appearances_created += len(rows)

    def _existing_appearances(self, article_ids: set[int]) -> set[tuple]:
        """The appearances stored in these articles, as (claim, article, start, end)."""
        columns = (
            Appearance.claim_id,
            Appearance.article_id,
            Appearance.quote_start,
            Appearance.quote_end,
        )
        found: set[tuple] = set()
        # What the batch in flight writes, its reads cannot see yet.
        found.update(key for key in self._recent_appearances if key[1] in article_ids)
        article_ids = sorted(article_ids)
        for start in range(0, len(article_ids), IN_CHUNK):
            part = article_ids[start : start + IN_CHUNK]
            found.update(
                tuple(row)
                for row in self.session.connection().execute(
                    select(*columns).where(Appearance.article_id.in_(part))
                )
            )
        return found

    def _insert(self, table, rows: list, columns: Sequence[str] | None = None) -> None:
        """Rows for the batch's transaction, written on the writing thread (``take_writes``)."""
        if rows:
            self.writes.append(partial(insert_into, table=table.name, rows=rows, columns=columns))

    def _ids(self, table, count: int) -> list[int]:
        """Ids for ``count`` new rows of ``table``.

        PostgreSQL's sequences hand out ids that no other writer gets, whatever the
        transaction. On SQLite the first batch reads where the table's ids stand, and
        later batches count on from there: what the batch in flight took is not in the
        database yet. The batch's transaction checks, holding the write lock, that
        nobody took them meanwhile (``ids_still_free``).
        """
        if count == 0:
            return []
        if self.session.bind.dialect.name == "postgresql":
            ids = _next_ids(self.session, table, count)
        else:
            start = self._next_id.get(table.name)
            if start is None:
                start = _next_ids(self.session, table, 1)[0]
            self._next_id[table.name] = start + count
            self._first_ids.setdefault(table.name, start)
            ids = list(range(start, start + count))
        self.tally.took(table.name, ids)
        return ids


def complete_sources(connection: Connection, rows: list[dict]) -> None:
    """Fill what stored sources lack, as source rows give it (``source_id`` and any of
    ``kind``, ``country``, ``url``, ``notes``): the kind only where it is ``other``, the
    rest only where blank, so a value stored or curated meanwhile is never overwritten."""
    table = Source.__table__
    for row in rows:
        values = {
            column: (
                case((table.c.kind == "other", value), else_=table.c.kind)
                if column == "kind"
                else func.coalesce(table.c[column], value)
            )
            for column, value in row.items()
            if column != "source_id"
        }
        connection.execute(update(table).where(table.c.id == row["source_id"]).values(values))


def _next_ids(session: Session, table, count: int) -> list[int]:
    """Ids for ``count`` new rows, taken up front so that no insert needs ``RETURNING``.

    On PostgreSQL from the column's sequence, as a default would take them: the
    sequence is looked up once per statement (``MATERIALIZED`` keeps the planner from
    calling ``pg_get_serial_sequence``, a catalogue look-up, for every id; that made
    taking an id five times dearer). On SQLite past both the largest id and the
    AUTOINCREMENT counter (an id once used is never reused), as the database stands
    for this session (see ``Plan._ids``).
    """
    if count == 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        return list(
            connection.execute(
                sql(
                    "WITH seq AS MATERIALIZED "
                    "(SELECT pg_get_serial_sequence(:t, 'id')::regclass AS name) "
                    "SELECT nextval(seq.name) FROM seq, generate_series(1, :n)"
                ),
                {"t": table.name, "n": count},
            ).scalars()
        )
    counter = connection.exec_driver_sql(
        "SELECT seq FROM sqlite_sequence WHERE name = ?", (table.name,)
    ).scalar()
    top = connection.execute(select(func.max(table.c.id))).scalar()
    start = max(counter or 0, top or 0) + 1
    return list(range(start, start + count))
