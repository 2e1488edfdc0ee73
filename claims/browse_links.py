"""A Datasette plugin: links for the ids that refer to rows without a foreign key.

Datasette links a column to the row it names only when SQLite declares a foreign key.
``drift_findings`` names claims, appearances and sources by id without one (see
``claims.models.DriftFinding``); its columns say which table through
``Column.info[REFERS_TO]``, and this plugin turns such a cell into the link a key
would have given. ``claims.browse.serve`` registers it with Datasette's plugin manager.
"""

from __future__ import annotations

from functools import lru_cache

from datasette import hookimpl
from markupsafe import Markup, escape


@lru_cache(maxsize=1)
def references() -> dict[tuple[str, str], str]:
    """(table, column) → the table whose id the column holds."""
    from claims.models import REFERS_TO, Base

    return {
        (table.name, column.name): column.info[REFERS_TO]
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if REFERS_TO in column.info
    }


@hookimpl
def render_cell(value, column, table, database, datasette):
    target = references().get((table, column))
    if target is None or not isinstance(value, int):
        return None
    href = datasette.urls.row(database, target, str(value))
    return Markup(f'<a href="{escape(href)}">{value}</a>')
