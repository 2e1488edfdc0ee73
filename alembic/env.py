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
            _run(connection)
            _check_foreign_keys(connection)
            _check_triggers(connection)
    finally:
        engine.dispose()


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
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    connection.rollback()
    if broken:
        raise RuntimeError(f"Migration left rows with broken foreign keys: {broken[:5]}")


def _check_triggers(connection) -> None:
    """Refuse a SQLite migration that rebuilt a table and lost a trigger the schema needs
    (full-text search, drift findings' references): see ``claims.triggers``."""
    if connection.dialect.name != "sqlite":
        return
    missing = missing_triggers(connection)
    plain = lost_autoincrement(connection)
    connection.rollback()
    if missing:
        raise RuntimeError(
            f"Migration dropped the triggers {', '.join(missing)} "
            "(a batch rebuild drops a table's triggers): create them again in that migration."
        )
    if plain:
        raise RuntimeError(
            f"Migration rebuilt {', '.join(plain)} without AUTOINCREMENT: give the batch "
            'table_kwargs={"sqlite_autoincrement": True}.'
        )


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
