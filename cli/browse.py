"""``claims browse``: the SQLite database in Datasette, read-only, on this machine only."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.common import note, state


def browse(
    ctx: typer.Context,
    port: Annotated[
        int,
        typer.Option(
            "--port", metavar="PORT", min=1, max=65535, help="Port on 127.0.0.1 to serve on."
        ),
    ] = 8001,
) -> None:
    """Browse the SQLite database in Datasette (read-only, 127.0.0.1; needs claims[browse])."""
    from claims.browse import serve

    serve(
        state(ctx).url,
        port=port,
        announce=lambda address: note(f"Serving read-only at {address} (Ctrl+C stops it)."),
    )
