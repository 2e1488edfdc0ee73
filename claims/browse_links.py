"""A Datasette plugin: links for the ids that refer to rows without a foreign key, and no CSV.

Datasette links a column to the row it names only when SQLite declares a foreign key.
``drift_findings`` names claims, appearances and sources by id without one (see
``claims.models.DriftFinding``); its columns say which table through
``Column.info[REFERS_TO]``, and this plugin turns such a cell into the link a key
would have given. ``claims.browse.serve`` registers it with Datasette's plugin manager.

Datasette's CSV is written as stored, so a name starting with "=" would run as a
formula in the spreadsheet it is downloaded for; the CSV that ``claims`` writes for
people is neutralised (``claims.output``). Rather than a second, unneutralised way to
the same rows, every CSV address answers with the commands that write CSV, and which of
them are for a spreadsheet.
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


CSV_REFUSAL = (
    "CSV downloads are off in claims browse: Datasette writes cells a spreadsheet would "
    "run as formulas. For a spreadsheet, run a report (`claims report carriers -o "
    "carriers.csv`, or `claims report all -o report.xlsx`); for a query's rows as stored, "
    "for tools, `claims sql --format csv`; for the data itself, `claims export`. JSON "
    "(.json) is on."
)


@hookimpl
def asgi_wrapper(datasette):
    """Answer every ``….csv`` address (Datasette's CSV format) with ``CSV_REFUSAL``."""

    def wrap(app):
        async def refuse_csv(scope, receive, send):
            if scope.get("type") == "http" and scope.get("path", "").lower().endswith(".csv"):
                body = (CSV_REFUSAL + "\n").encode("utf-8")
                await send(
                    {
                        "type": "http.response.start",
                        "status": 403,
                        "headers": [
                            (b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode("ascii")),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
            await app(scope, receive, send)

        return refuse_csv

    return wrap
