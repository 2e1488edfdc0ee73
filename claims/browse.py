"""Browsing a SQLite claims database in Datasette: read-only, local, and self-describing.

Datasette opens a database file it may change with ``mode=ro`` and only writes
through canned queries marked as writes, which we never define; we bind it to
127.0.0.1 so the data stays on this machine. The metadata it shows (titles,
descriptions, facets, canned queries) is built here from what the library already
knows: the models' docstrings and column comments, the views' descriptions, and the
named queries, so the browser says the same as ``docs/`` and ``claims sql --list``.
Datasette is an optional extra (``claims[browse]``) and is imported only here.
"""

from __future__ import annotations

import inspect
import socket
from pathlib import Path
from typing import Any

from claims.errors import ClaimsError, DatabaseError, InvalidInput

INSTALL_HINT = "claims browse needs Datasette: pip install 'claims[browse]'"
HOST = "127.0.0.1"
FACET_COLUMNS = ("outlet", "status")
# Base-table columns that stand for an outlet or a kind, shown as facets too.
EXTRA_FACETS = {"articles": ["publisher_id"], "sources": ["kind"], "chain_hops": ["role"]}
LABEL_COLUMNS = {"sources": "name", "claims": "text", "articles": "title"}


class DatasetteMissing(ClaimsError):
    """The optional browse extra is not installed."""


def database_file(url: str) -> Path:
    """The SQLite file behind ``url``, or a one-line refusal for anything else."""
    from claims.db import check_sqlite_file
    from claims.settings import display_url, sqlite_path

    if not url.startswith("sqlite"):
        raise DatabaseError(
            f"claims browse serves SQLite files only (Datasette reads SQLite), not "
            f"{display_url(url)}: on PostgreSQL use `claims sql`, pandas (`claims.connect()`) "
            "or any PostgreSQL client."
        )
    path = sqlite_path(url)
    if path is None:
        raise DatabaseError("claims browse needs a database file, not an in-memory database.")
    check_sqlite_file(url)
    return path


def check_port(port: int) -> None:
    if not 1 <= port <= 65535:
        raise InvalidInput(f"--port {port} is not a port: give 1 to 65535.")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            raise InvalidInput(
                f"Port {port} on {HOST} is in use: choose another with --port."
            ) from None


def _describe(text: str | None) -> str:
    """A docstring's first paragraph on one line: what a browser tooltip can hold."""
    if not text:
        return ""
    first = inspect.cleandoc(text).split("\n\n", 1)[0]
    return " ".join(first.split())


def table_metadata() -> dict[str, dict[str, Any]]:
    """Title, description, column notes and facets for every table, from the models."""
    from claims.models import Base

    classes = {mapper.local_table.name: mapper.class_ for mapper in Base.registry.mappers}
    tables: dict[str, dict[str, Any]] = {}
    for table in Base.metadata.sorted_tables:
        model = classes.get(table.name)
        description = table.comment or _describe(model.__doc__ if model else None)
        columns = {c.name: c.comment for c in table.columns if c.comment}
        entry: dict[str, Any] = {
            "title": table.name.replace("_", " ").capitalize(),
            "description": description,
        }
        if columns:
            entry["columns"] = columns
        facets = [c for c in FACET_COLUMNS if c in table.columns] + EXTRA_FACETS.get(table.name, [])
        if facets:
            entry["facets"] = facets
        if table.name in LABEL_COLUMNS:
            entry["label_column"] = LABEL_COLUMNS[table.name]
        tables[table.name] = entry
    return tables


def view_metadata() -> dict[str, dict[str, Any]]:
    """The same for the documented views (``claims.views``): title, description, columns."""
    from claims.views import VIEWS

    found: dict[str, dict[str, Any]] = {}
    for name, view in VIEWS.items():
        entry: dict[str, Any] = {
            "title": name.replace("_", " ").capitalize(),
            "description": _describe(view.description),
            "columns": {column: text for column, text in view.columns.items() if text},
        }
        facets = [c for c in FACET_COLUMNS if c in view.columns]
        if facets:
            entry["facets"] = facets
        found[name] = entry
    return found


def canned_queries() -> dict[str, dict[str, Any]]:
    """The named queries, as Datasette canned queries (a source is given by its id here)."""
    from claims.named_queries import catalogue

    queries = {}
    for query in catalogue().values():
        description = query.description
        sources = [p.name for p in query.parameters if p.type == "source"]
        if sources:
            description += f" Here, {', '.join(sources)} is the source's id (see sources)."
        queries[query.name] = {
            "title": query.title,
            "description": description,
            "sql": query.sql,
            "params": [p.name for p in query.parameters],
        }
    return queries


def metadata(database_name: str) -> dict[str, Any]:
    from claims import __version__

    return {
        "title": "claims",
        "description": (
            "Which outlet carries which claim, in which words, and on whose word. "
            "Read-only: change data with the claims command."
        ),
        "about": f"claims {__version__}",
        "databases": {
            database_name: {
                "tables": {**table_metadata(), **view_metadata()},
                "queries": canned_queries(),
            }
        },
    }


def serve(url: str, *, port: int, announce=None) -> None:
    """Serve the database read-only on 127.0.0.1:``port`` until interrupted.

    ``announce(address)`` is called once every check has passed, just before serving.
    """
    import json
    import tempfile

    path = database_file(url)
    try:
        from datasette.cli import serve as datasette_serve
    except ImportError:
        raise DatasetteMissing(INSTALL_HINT) from None
    _check_schema(url)
    check_port(port)
    _register_links()
    with tempfile.TemporaryDirectory(prefix="claims-browse-") as folder:
        metadata_file = Path(folder) / "metadata.json"
        metadata_file.write_text(json.dumps(metadata(path.stem)), encoding="utf-8")
        arguments = [
            str(path),
            "--host",
            HOST,
            "--port",
            str(port),
            "--metadata",
            str(metadata_file),
            "--setting",
            "allow_download",
            "off",
        ]
        if announce is not None:
            announce(f"http://{HOST}:{port}/")
        try:
            datasette_serve.main(arguments, prog_name="claims browse", standalone_mode=False)
        except KeyboardInterrupt:
            pass


def _register_links() -> None:
    """Links for the ids ``drift_findings`` holds without foreign keys (``browse_links``)."""
    from datasette.plugins import pm

    from claims import browse_links

    if not pm.is_registered(browse_links):
        pm.register(browse_links, name="claims-links")


def _check_schema(url: str) -> None:
    """A file that is not a claims database (or an outdated one) gets the usual sentence."""
    from claims.db import database_errors, readonly_engine
    from claims.migrations import ensure_current

    engine = readonly_engine(url)
    try:
        with database_errors(url):
            ensure_current(engine)
    finally:
        engine.dispose()
