"""claims: a claim-level fact-tracking database.

The package root stays import-light on purpose: the CLI imports it at start-up,
and SQLAlchemy or pandas must only load when a command actually needs them.
"""

__version__ = "0.1.0"


def connect(url: str | None = None):
    """Return a read-only SQLAlchemy engine for ``pandas.read_sql`` and friends.

    Analysts get the same URL resolution as the CLI (``CLAIMS_DATABASE_URL``,
    else ``claims.db`` in the working directory) without learning our layout.
    """
    from claims.db import readonly_engine
    from claims.settings import database_url

    return readonly_engine(database_url(url))
