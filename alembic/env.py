"""Alembic environment for claims: one history for SQLite and PostgreSQL.

The URL comes from claims.settings (or from the Config that claims.migrations
builds), batch mode keeps SQLite's ALTERs working, and compare_type makes
`alembic check` notice a changed column type.
"""

from logging.config import fileConfig

from alembic import context

from claims.db import make_engine
from claims.migrations import VERSION_TABLE
from claims.models import Base
from claims.settings import database_url

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def _url() -> str:
    return config.attributes.get("claims_url") or database_url()


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        compare_type=True,
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
    finally:
        engine.dispose()


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
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


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
