"""The SQLite triggers the schema relies on, and a check that none was lost.

Alembic's batch mode rebuilds a SQLite table to alter it, and the table's triggers
go with the old one. Two kinds matter: the FTS5 triggers that keep the search
index in step (``claims.search``), and those that delete a deleted appearance's
or claim's drift findings and empty a deleted source's (``drift_findings`` keeps
its references without foreign keys; see ``claims.models.DriftFinding``).
``alembic/env.py`` refuses a migration that leaves any of them missing.
"""

from __future__ import annotations

from claims.search import SEARCH_TABLES

# The table whose deletes each trigger follows.
DRIFT_TRIGGERS = {
    "appearances": "appearances_drift_delete",
    "claims": "claims_drift_delete",
    "sources": "sources_drift_delete",
}


def missing_triggers(connection) -> list[str]:
    """The names of the SQLite triggers that should be there and are not."""
    rows = connection.exec_driver_sql(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')"
    ).fetchall()
    tables = {name for kind, name in rows if kind == "table"}
    triggers = {name for kind, name in rows if kind == "trigger"}
    return _missing_search(tables, triggers) + _missing_drift(connection, tables, triggers)


def _missing_search(tables: set[str], triggers: set[str]) -> list[str]:
    """The FTS5 triggers that keep an existing search table in step: without them the
    index silently falls behind the rows it indexes."""
    return [
        f"{table}_{action}"
        for table in SEARCH_TABLES
        if table in tables
        for action in ("insert", "update", "delete")
        if f"{table}_{action}" not in triggers
    ]


def _missing_drift(connection, tables: set[str], triggers: set[str]) -> list[str]:
    """Drift triggers missing from a schema whose findings have no foreign keys (from
    revision 0007 on; before it the keys' ``ON DELETE`` did their work)."""
    if "drift_findings" not in tables:
        return []
    if connection.exec_driver_sql("PRAGMA foreign_key_list(drift_findings)").fetchall():
        return []
    return [
        name for table, name in DRIFT_TRIGGERS.items() if table in tables and name not in triggers
    ]


def lost_autoincrement(connection) -> list[str]:
    """The SQLite tables the models give ``AUTOINCREMENT`` that have it no more.

    A batch rebuild keeps it only when asked (``table_kwargs``); without it SQLite may
    give a deleted row's id to the next row, and the schema promises ids are never reused.
    """
    from claims.models import Base

    wanted = [
        table.name
        for table in Base.metadata.tables.values()
        if table.dialect_options["sqlite"].get("autoincrement")
    ]
    made = dict(
        connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all()
    )
    return [name for name in wanted if name in made and "AUTOINCREMENT" not in made[name].upper()]
