"""Where the database is and who is acting: the one source of truth for both.

The CLI, Alembic's ``env.py``, the seed loader and ``claims.connect()`` all
resolve the URL here, so a database named once is the database used everywhere.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from claims.errors import InvalidInput

DEFAULT_SQLITE_FILE = "claims.db"
URL_ENV = "CLAIMS_DATABASE_URL"
USER_ENV = "CLAIMS_USER"


def database_url(explicit: str | None = None) -> str:
    """Resolve the database URL: explicit value, then the environment, then ``claims.db``.

    A bare file path is accepted and means SQLite, because analysts type paths.
    ``postgresql://`` is routed to psycopg 3, the only PostgreSQL driver we ship.

    A blank ``--db`` is refused: it would otherwise mean ``claims.db`` here, or (spaces)
    a database in memory that vanishes with the command. ``$CLAIMS_DATABASE_URL`` set but
    blank counts as unset, as an empty variable does in a shell, so ``claims.db`` is used.
    """
    environment = os.environ.get(URL_ENV)
    if explicit is not None and not explicit.strip():
        if explicit != environment:  # typed, not inherited from a blank variable
            raise InvalidInput("--db is empty: give a file path or URL.")
        explicit = None
    if environment is not None and not environment.strip():
        environment = None
    raw = explicit or environment or DEFAULT_SQLITE_FILE
    url = normalise_url(raw)
    if in_memory(url):
        raise InvalidInput(
            f"{raw.strip()} is a database in memory, gone when the command ends: give a file "
            "path (claims.db) or a PostgreSQL URL."
        )
    return url


def in_memory(url: str) -> bool:
    """A SQLite URL naming no file: ``sqlite://``, ``sqlite:///:memory:``, a ``file:``
    URI with ``mode=memory``."""
    if not url.startswith("sqlite"):
        return False
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return False
    database = parsed.database or ""
    return (
        not database
        or database == ":memory:"
        or (database.startswith("file:") and "mode=memory" in url)
    )


def normalise_url(raw: str) -> str:
    raw = raw.strip()
    if "://" not in raw:
        # A file path, not a URL: escape what a URL would read as escapes or a query.
        return "sqlite:///" + raw.replace("%", "%25").replace("?", "%3F")
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw[len("postgres://") :]
    if raw.startswith("postgresql://"):
        raw = "postgresql+psycopg://" + raw[len("postgresql://") :]
    return raw


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for PostgreSQL and in-memory databases.

    Parsed the way SQLAlchemy parses it (``%41`` is ``A``, ``#`` is part of the
    name), so the file checked is the file opened.
    """
    if not url.startswith("sqlite"):
        return None
    from sqlalchemy.engine import make_url

    try:
        database = make_url(url).database
    except Exception:
        return None
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


MAX_USER = 200  # the created_by, decided_by ... columns' length


def current_user(explicit: str | None = None) -> str:
    """Who is acting, for the audit log: ``--as``, then ``$CLAIMS_USER``, then the OS user.

    A blank ``--as`` is refused rather than read as "not given": the person meant to name
    somebody, and the log would silently record the login instead. ``$CLAIMS_USER`` set
    but blank counts as unset, as for ``--db``.
    """
    environment = os.environ.get(USER_ENV)
    if explicit is not None and not explicit.strip() and explicit != environment:
        raise InvalidInput(
            "--as is empty: give the name the audit log should record, or leave --as out "
            "($CLAIMS_USER, else your login, is recorded)."
        )
    given_as = "--as" if explicit != environment else f"${USER_ENV}"  # typer reads both
    for candidate, named in ((explicit, given_as), (environment, f"${USER_ENV}")):
        if candidate and candidate.strip():
            if len(candidate.strip()) > MAX_USER:
                # said of the option, not of the first column it would not fit in
                raise InvalidInput(
                    f"{named} is {len(candidate.strip())} characters long; a name the audit "
                    f"log records is at most {MAX_USER}."
                )
            return candidate.strip()
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers, some CI): still record something honest
        return "unknown"


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
