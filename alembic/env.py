"""Alembic environment for claims: one history for SQLite and PostgreSQL.

The URL comes from claims.settings (or from the Config that claims.migrations
builds), batch mode keeps SQLite's ALTERs working, and compare_type makes
`alembic check` notice a changed column type.

The full-text search objects (SQLite FTS5 tables and their shadow tables,
PostgreSQL expression indexes) cannot be described by the models, so
``include_name`` leaves them out of autogenerate: ``alembic check`` stays clean
and never proposes to drop them. Views are not reflected by autogenerate at all.
"""

from logging.config import fileConfig

from alembic import context

from claims.db import make_engine
from claims.errors import DatabaseError
from claims.migrations import VERSION_TABLE
from claims.models import Base
from claims.search import is_search_object
from claims.settings import database_url
from claims.triggers import lost_autoincrement, missing_triggers

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    return config.attributes.get("claims_url") or database_url()


def include_name(name, type_, _parent_names) -> bool:
    return not (type_ in ("table", "index") and is_search_object(name))


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
        version_table=VERSION_TABLE,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Foreign keys off while migrating SQLite: batch mode rebuilds a table by dropping
    # it, and with them on, the drop would cascade into (and empty) every child table.
    engine = make_engine(_url(), foreign_keys=False)
    try:
        with engine.connect() as connection:
            _check_before(connection)
            _run(connection)
            _check_foreign_keys(connection)
            _check_triggers(connection)
    finally:
        engine.dispose()


def _check_before(connection) -> None:
    """Refuse to migrate a SQLite file whose rows already break a reference: one edited
    outside claims with foreign keys off (the sqlite3 shell's default). Migrated, it would
    be refused afterwards, with the migration blamed and the file changed."""
    if broken := _broken_references(connection):
        raise DatabaseError(
            f"Nothing was migrated: {_where(broken)} refer to rows that are gone (the file "
            "was edited with foreign keys off?): restore a backup, or delete or mend those "
            "rows (PRAGMA foreign_key_check lists them)."
        )


def _broken_references(connection) -> list:
    """SQLite's rows whose foreign keys point at nothing (none checked on PostgreSQL, whose
    keys are always enforced)."""
    if connection.dialect.name != "sqlite":
        return []
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    connection.rollback()
    return broken


def _where(broken) -> str:
    tables = sorted({row[0] for row in broken})
    return f"{len(broken)} row(s) of {', '.join(tables)}"


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
        version_table=VERSION_TABLE,
    )
    with context.begin_transaction():
        context.run_migrations()


def _check_foreign_keys(connection) -> None:
    """After migrating SQLite with foreign keys off, prove no migration broke a reference."""
    if broken := _broken_references(connection):
        raise DatabaseError(
            f"After migrating, {_where(broken)} refer to rows that are gone: the migration "
            f"is at fault (a bug to report; the rows: {broken[:5]})."
        )


def _check_triggers(connection) -> None:
    """Refuse a SQLite migration that rebuilt a table and lost a trigger the schema needs
    (full-text search, drift findings' references): see ``claims.triggers``."""
    if connection.dialect.name != "sqlite":
        return
    missing = missing_triggers(connection)
    plain = lost_autoincrement(connection)
    connection.rollback()
    if missing:
        raise DatabaseError(
            f"The database lacks the triggers {', '.join(missing)}, which claims needs (for "
            "search and drift): if the file was edited outside claims, restore a backup; "
            "else a migration dropped them (a batch rebuild drops a table's triggers), a "
            "bug to report."
        )
    if plain:
        raise DatabaseError(
            f"Migration rebuilt {', '.join(plain)} without AUTOINCREMENT: give the batch "
            'table_kwargs={"sqlite_autoincrement": True}.'
        )


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
