"""Alembic, driven from code: one migration history for SQLite and PostgreSQL.

The CLI never shells out to ``alembic``; it builds the same ``Config`` that
``alembic.ini`` describes, pointed at the URL from ``claims.settings``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Engine, exc, inspect, text

from claims.errors import DatabaseError, InvalidInput
from claims.settings import display_url

_PACKAGE_DIR = Path(__file__).resolve().parent
# Our own name for Alembic's version table, so a database or schema shared with another
# Alembic-managed application is never mistaken for a claims database (or vice versa).
VERSION_TABLE = "claims_schema_version"
# The newest revision in alembic/versions; tests/test_migrations.py holds the two equal.
HEAD = "0014"


def script_location() -> Path:
    """The ``alembic/`` folder: the repository's in a checkout, the packaged copy in a wheel."""
    for candidate in (_PACKAGE_DIR.parent / "alembic", _PACKAGE_DIR / "_alembic"):
        if (candidate / "env.py").exists():
            return candidate
    raise DatabaseError("The claims migrations are missing from this installation; reinstall it.")


def alembic_config(url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location()))
    # Alembic's ini parser treats % as interpolation; URLs may carry %-escapes.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["claims_url"] = url
    return config


@functools.cache
def _scripts():
    """The migration scripts, read once per process (they do not change while it runs)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(script_location()))


def head_revision() -> str:
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


def ensure_current(engine: Engine) -> None:
    """Refuse, with a sentence that says what to do, any database not at our head revision."""
    if _at_head(engine):
        return
    revision = _check_ours(engine)
    head = head_revision()
    if revision == head:
        return
    where = display_url(str(engine.url))
    if revision is None:
        out_of_reach = schema_out_of_reach(engine)
        if out_of_reach is not None:
            raise DatabaseError(f"{where}: {out_of_reach}")
        raise DatabaseError(f"{where} has no claims schema yet: run `claims init`.")
    raise DatabaseError(
        f"{where} is at schema revision {revision}, older than {head}: run `claims db upgrade`."
    )


class OutOfReach(NamedTuple):
    """A schema of the URL's search_path that the login cannot use: what is wrong, what to do."""

    problem: str
    advice: str
    missing: bool  # the schema does not exist (else: the login lacks USAGE on it)

    def __str__(self) -> str:
        return f"{self.problem}: {self.advice}"


def schema_out_of_reach(engine: Engine) -> OutOfReach | None:
    """Why the login cannot see the tables of a schema the URL's search_path names, if it
    cannot: the schema is missing, or the login lacks USAGE on it.

    PostgreSQL leaves such a schema out of the search path without a word, so the claims
    tables in it look absent: "run `claims init`" would send the person to create what is
    there, or to fail for want of the same right.
    """
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        path = connection.execute(text("SELECT current_setting('search_path')")).scalar() or ""
        login = connection.execute(text("SELECT current_user")).scalar()
        for schema in _path_schemas(path, login):
            usable = connection.execute(
                text(
                    "SELECT has_schema_privilege(oid, 'USAGE') FROM pg_namespace "
                    "WHERE nspname = :schema"
                ),
                {"schema": schema},
            ).first()
            if usable is None:
                if schema == login:
                    continue  # "$user": a schema of one's own, usually absent
                return OutOfReach(
                    f"the schema {schema} the URL's search_path names does not exist",
                    f"create it (CREATE SCHEMA {schema}) or fix the URL.",
                    missing=True,
                )
            if not usable[0]:
                return OutOfReach(
                    f"the login {login} has no rights on the schema {schema} (USAGE), so it "
                    "cannot see the claims tables there",
                    "ask the owner of the claims tables (the user who ran `claims init`) to "
                    "grant them, or connect as a login that has them.",
                    missing=False,
                )
    return None


def _path_schemas(path: str, login: str) -> list[str]:
    """The schemas a ``search_path`` setting names, in order, unquoted; ``$user`` is the login."""
    schemas = []
    for part in path.split(","):
        name = part.strip()
        if name.startswith('"') and name.endswith('"') and len(name) > 1:
            name = name[1:-1].replace('""', '"')
        if name == "$user":
            name = login
        if name and name not in ("pg_catalog", "pg_temp"):
            schemas.append(name)
    return schemas


def _at_head(engine: Engine) -> bool:
    """Whether the database is at ``HEAD``, read without loading Alembic: the common case, on
    every command's start. Anything else goes through the full checks."""
    try:
        with engine.connect() as connection:
            found = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    except exc.DBAPIError:
        return False
    return [row[0] for row in found] == [HEAD]


def _check_ours(engine: Engine) -> str | None:
    """The database's revision, after refusing one that is foreign or newer than this code."""
    where = display_url(str(engine.url))
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    if tables and VERSION_TABLE not in tables:
        raise DatabaseError(
            f"{where} is not a claims database (it has other tables and no claims schema); "
            "point --db at a claims database or an empty one."
        )
    revision = current_revision(engine) if tables else None
    if revision is not None and revision not in known_revisions():
        raise DatabaseError(
            f"{where} is at schema revision {revision}, newer than this version of claims "
            "knows: upgrade claims (pip install -U claims) instead of migrating the database."
        )
    return revision


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate up to ``revision``; one older than the database's is refused (a downgrade)."""
    from alembic import command

    _refuse_blank(revision)
    _refuse_folder(url)
    with migration_lock(url):
        current_at = _with_engine(url, _check_ours)
        if current_at is None and (out_of_reach := _with_engine(url, schema_out_of_reach)):
            raise DatabaseError(f"{display_url(url)}: {out_of_reach}")
        target = _known_target(revision)
        if target is not None and current_at is not None and target in _older_than(current_at):
            raise DatabaseError(
                f"{display_url(url)} is at schema revision {current_at}, newer than {target}: "
                f"going to {target} is a downgrade: run `claims db downgrade {target}`."
            )
        steps = _steps(revision, "+")
        if steps is not None:
            iterate = _scripts().iterate_revisions
            above = [r.revision for r in iterate("heads", current_at or "base")]
            if not above:
                raise DatabaseError(
                    f"{display_url(url)} is at schema revision {current_at}, the newest: "
                    f"there is nothing above it for {revision} to go to."
                )
            if steps > len(above):
                raise DatabaseError(
                    f"{display_url(url)} is at schema revision {current_at or 'base'}, with "
                    f"only {_count(len(above))} above it: {revision} goes past the newest "
                    f"({above[0]}); give +1 to +{len(above)}, or leave the revision out."
                )
        _run_alembic(url, command.upgrade, revision)


def _steps(revision: str, sign: str) -> int | None:
    """How many steps ``revision`` counts in the direction of ``sign`` (``-2``: 2), or None
    when it is no count of steps; no step at all (``-0``) is refused."""
    count = revision[1:] if revision.startswith(sign) else ""
    if not count.isdigit():
        return None
    if int(count) == 0:
        raise InvalidInput(f"{revision} counts no step: give {sign}1 or more.")
    return int(count)


def _count(migrations: int) -> str:
    return f"{migrations} migration{'s' * (migrations != 1)}"


# What undoing each revision deletes that upgrading again does not bring back (derived data,
# such as drift findings, views and search indexes, is made again and is not listed).
LOST_BY_UNDOING = {
    "0012": "whether each article's text was extracted from an HTML page "
    "(articles.extracted_from_html)",
    "0004": "the claim-matching candidates and every decision taken on them "
    "(match_candidates, match_progress)",
    "0003": "every proposal of `claims suggest` and its decision (suggestions), and each "
    "article's text as received and what cleaning cut from it (articles.raw_text, removed): "
    "a cleaned article's sha256 then no longer matches its text, and its export does not "
    "import again",
    "0001": "every claims table and its data",
}


def downgrade(url: str, revision: str) -> None:
    """Migrate down to ``revision``; one newer than the database's is refused (an upgrade)."""
    from alembic import command

    with migration_lock(url):
        _undone(url, revision)
        _run_alembic(url, command.downgrade, revision)


# The first number of the advisory lock one migration run holds on PostgreSQL; the second
# is the schema's, so that runs on other schemas of the database do not wait.
_MIGRATION_LOCK = 0x636C6D67


@contextmanager
def migration_lock(url: str) -> Iterator[None]:
    """Hold, while migrating, the right to migrate the URL's schema (PostgreSQL).

    Two `claims init` or `claims db upgrade` at once would both find the schema behind and
    both create its tables and types; the second would fail on a catalog key. The second
    waits here instead and, once the first is done, finds the schema as the first left it
    (up to date: nothing to do). The lock is held on a connection of its own, in autocommit,
    so it is no transaction the migration's DDL could wait on.
    """
    if not url.startswith("postgresql"):
        yield
        return
    from sqlalchemy import exc

    from claims.db import describe_operational_error, make_engine

    engine = make_engine(url)
    key = "(:space, hashtext(coalesce(current_schema(), '')))"
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            space = {"space": _MIGRATION_LOCK}
            connection.execute(text(f"SELECT pg_advisory_lock{key}"), space)
            try:
                yield
            finally:
                connection.execute(text(f"SELECT pg_advisory_unlock{key}"), space)
    except exc.DBAPIError as error:
        raise DatabaseError(describe_operational_error(url, error)) from None
    finally:
        engine.dispose()


def downgrade_losses(url: str, revision: str) -> list[str]:
    """What going down to ``revision`` would delete for good, newest revision first: for the
    person to confirm first. Refuses, as ``downgrade`` does, a revision it cannot go to."""
    undone = _undone(url, revision)
    if "0001" in undone:
        return [LOST_BY_UNDOING["0001"]]  # everything: the rest goes without saying
    return [LOST_BY_UNDOING[r] for r in undone if r in LOST_BY_UNDOING]


def downgrade_target(url: str, revision: str) -> str:
    """The revision a downgrade to ``revision`` ends at, to name it to the person: ``-1``
    from 0012 is 0011, ``base`` is base. A form Alembic reads itself (``@-1`` …) is named as
    given. Refuses, as ``downgrade`` does, a revision it cannot go to."""
    undone = _undone(url, revision)
    target = _known_target(revision)
    if target is not None or revision == "base":
        return target or "base"
    steps = revision.lstrip("-")
    if revision.startswith("-") and steps.isdigit() and undone:
        return _scripts().get_revision(undone[-1]).down_revision or "base"
    return revision


def _undone(url: str, revision: str) -> list[str]:
    """The revisions a downgrade to ``revision`` undoes, newest first, after the checks."""
    _refuse_blank(revision)
    _refuse_folder(url)
    current_at = _with_engine(url, _check_ours)
    target = _known_target(revision)
    if target is not None and target != current_at and target not in _older_than(current_at):
        raise DatabaseError(
            f"{display_url(url)} is at schema revision {current_at or 'base'}, older than "
            f"{target}: going to {target} is an upgrade: run `claims db upgrade {target}`."
        )
    if revision.startswith("+") and _steps(revision, "+") is not None:
        raise InvalidInput(
            f"{revision} counts steps up, and a downgrade goes down: give -N to go N steps "
            f"back, or run `claims db upgrade {revision}` to go up."
        )
    if revision in ("head", "heads"):
        # Alembic's own answer ("not a valid downgrade target from current head(s)") names
        # none of what a person needs: where the schema is, and what to give instead.
        newest = head_revision()
        if current_at == newest:
            return []  # nothing to undo: the newest is as far down as head goes
        raise DatabaseError(
            f"{display_url(url)} is at schema revision {current_at or 'base'}, older than "
            f"{revision} ({newest}): going to it is an upgrade: run `claims db upgrade`."
        )
    if current_at is None:
        if revision == "base":
            return []
        raise DatabaseError(
            f"{display_url(url)} has no schema (it is at base): there is nothing to "
            "downgrade; `claims init` creates the schema."
        )
    below = [r.revision for r in _scripts().iterate_revisions(current_at, "base")]
    if target is not None:
        return below[: below.index(target)]
    steps = _steps(revision, "-")
    if steps is not None:
        if steps > len(below):
            raise DatabaseError(
                f"{display_url(url)} is at schema revision {current_at}, which only "
                f"{_count(len(below))} lead up to: give -1 to -{len(below)} (-{len(below)} "
                "leaves no schema, as 'base' does), or a revision id."
            )
        return below[:steps]
    return below  # base, or a form Alembic reads itself: assume the worst


def _refuse_blank(revision: str) -> None:
    """A blank revision, refused before Alembic (which would fail on it with an assertion)."""
    if not revision or not revision.strip():
        ids = sorted(known_revisions())
        raise InvalidInput(
            f"The revision is empty: give one from {ids[0]} to {ids[-1]}, 'head' (the "
            "newest) or 'base' (no schema); `claims db current` shows the database's."
        )


def _known_target(revision: str) -> str | None:
    """The revision id ``revision`` names, or None for the words and steps Alembic reads
    itself (head, base, +1, -1, ...). A name that is none of these is refused in one line."""
    if revision in ("head", "heads", "base") or any(sign in revision for sign in "+-@:"):
        return None
    from alembic.util import CommandError

    try:
        found = _scripts().get_revision(revision)
    except CommandError:
        found = None
    if found is None:
        ids = sorted(known_revisions())
        raise DatabaseError(
            f"There is no schema revision {revision!r}: give one from {ids[0]} to {ids[-1]}, "
            "'head' (the newest) or 'base' (no schema); `claims db current` shows the "
            "database's."
        )
    return found.revision


def _older_than(revision: str | None) -> set[str]:
    """The revisions before ``revision`` in the history (none before the empty schema)."""
    if revision is None:
        return set()
    return {r.revision for r in _scripts().iterate_revisions(revision, "base")} - {revision}


def _run_alembic(url: str, action, revision: str) -> None:
    from alembic.util import CommandError
    from sqlalchemy import exc

    from claims.db import describe_operational_error

    try:
        action(alembic_config(url), revision)
    except CommandError as error:
        raise DatabaseError(
            f"Cannot migrate to {revision!r}: {str(error).rstrip('.')}. "
            "See `claims db current`; 'head' is the newest, 'base' the empty schema."
        ) from None
    except exc.DBAPIError as error:
        from claims.retry import contention_kind

        if contention_kind(error) == "busy":
            # Another program holds the write lock past the busy timeout: said as every
            # writing command says it; the migration's transaction is rolled back whole.
            raise DatabaseError(
                "The database is busy with other writers; nothing was migrated: try again "
                "in a moment."
            ) from None
        raise DatabaseError(describe_operational_error(url, error)) from None


def _refuse_folder(url: str) -> None:
    from claims.db import check_sqlite_file

    check_sqlite_file(url, must_exist=False)


def current(url: str) -> tuple[str | None, str]:
    """The database's revision and the code's head revision (without creating a SQLite file)."""
    from claims.settings import sqlite_path

    path = sqlite_path(url)
    if path is not None and not path.exists():
        if not path.parent.is_dir():
            raise DatabaseError(f"No folder {path.parent}, so no database at {path}: check --db.")
        return None, head_revision()
    _refuse_folder(url)
    revision = _with_engine(url, _check_ours)
    if revision is None and (out_of_reach := _with_engine(url, schema_out_of_reach)):
        raise DatabaseError(f"{display_url(url)}: {out_of_reach}")
    return revision, head_revision()


def _with_engine(url: str, action):
    from sqlalchemy import exc

    from claims.db import describe_operational_error, make_engine

    engine = make_engine(url, immediate=False)
    try:
        return action(engine)
    except exc.DBAPIError as error:
        raise DatabaseError(describe_operational_error(url, error)) from None
    finally:
        engine.dispose()
