"""Where the database is and who is acting: the one source of truth for both.

The CLI, Alembic's ``env.py``, the seed loader and ``claims.connect()`` all
resolve the URL here, so a database named once is the database used everywhere.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DEFAULT_SQLITE_FILE = "claims.db"
URL_ENV = "CLAIMS_DATABASE_URL"
USER_ENV = "CLAIMS_USER"


def database_url(explicit: str | None = None) -> str:
    """Resolve the database URL: explicit value, then the environment, then ``claims.db``.

    A bare file path is accepted and means SQLite, because analysts type paths.
    ``postgresql://`` is routed to psycopg 3, the only PostgreSQL driver we ship.
    """
    raw = explicit or os.environ.get(URL_ENV) or DEFAULT_SQLITE_FILE
    return normalise_url(raw)


def normalise_url(raw: str) -> str:
    raw = raw.strip()
    if "://" not in raw:
        return f"sqlite:///{raw}"
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw[len("postgres://") :]
    if raw.startswith("postgresql://"):
        raw = "postgresql+psycopg://" + raw[len("postgresql://") :]
    return raw


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for PostgreSQL and in-memory databases."""
    if not url.startswith("sqlite"):
        return None
    _, _, rest = url.partition(":///")
    rest = rest.split("?", 1)[0]
    if not rest or rest == ":memory:":
        return None
    return Path(rest)


def current_user(explicit: str | None = None) -> str:
    """Who is acting, for the audit log: ``--as``, then ``$CLAIMS_USER``, then the OS user."""
    for candidate in (explicit, os.environ.get(USER_ENV)):
        if candidate and candidate.strip():
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
