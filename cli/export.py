"""``claims export``: the database, or a selection of it, as a file other tools read."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import checked_by, note, note_if_none, session_for


# Values outside an option's choices are usage errors, in the library's words.
def _format(value: str) -> str:
    from claims.export import format_name

    return format_name(value)


def _prov_format(value: str) -> str:
    from claims.export import prov_format_name

    return prov_format_name(value)


def _status(value: str) -> str:
    from claims.services.claims import check_status

    return check_status(value)


def export(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="jsonl or csv (the flat rows `claims import` reads), claimreview (schema.org "
            "JSON-LD), prov (W3C PROV) or annotations (W3C Web Annotation JSON-LD). Default: "
            "from the -o suffix (.jsonl, .csv, .provn; a .json or .jsonld file needs "
            "--format), else jsonl; one the suffix contradicts is refused.",
            callback=checked_by(_format),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file (whole or not at all), not stdout.",
        ),
    ] = None,
    claim: Annotated[
        list[int] | None,
        typer.Option("--claim", metavar="ID", help="Only this claim (repeat for several)."),
    ] = None,
    outlet: Annotated[
        list[str] | None,
        typer.Option(
            "--outlet",
            metavar="NAME",
            help="Only appearances in articles this outlet published (repeat for several).",
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Only claims in this review status: draft, in_review, approved or rejected.",
            callback=checked_by(_status),
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="YYYY-MM-DD", help="Only articles published on or after this day."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="YYYY-MM-DD", help="Only articles published on or before this day."
        ),
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option(
            "--publisher",
            metavar="NAME",
            envvar="CLAIMS_PUBLISHER",
            help="claimreview: the organisation that reviewed the claims, the author of each "
            "ClaimReview (needed when an approved claim has a verdict). Refused with another "
            "format, unless it comes from the environment.",
        ),
    ] = None,
    prov_format: Annotated[
        str | None,
        typer.Option(
            "--prov-format",
            metavar="json|provn",
            help="prov: PROV-JSON (default) or PROV-N (default for a .provn file).",
            callback=checked_by(_prov_format),
        ),
    ] = None,
) -> None:
    """Export claims, appearances and chains: flat rows, ClaimReview, PROV or Web Annotations."""
    from typer._click.core import ParameterSource

    from claims.export import check_format, check_options_apply, check_prov_format, export
    from claims.export.claimreview import check_publisher
    from claims.export.selection import select_export
    from claims.output import atomic_file, writable

    chosen = check_format(fmt, output)
    # $CLAIMS_PUBLISHER, set once for every export, is no mistake beside another format.
    typed = ctx.get_parameter_source("publisher") is ParameterSource.COMMANDLINE
    check_options_apply(chosen, ["--publisher"] if publisher is not None and typed else [])
    serialisation = check_prov_format(prov_format, output, chosen)
    if output is not None:
        writable(output)  # refuse before the work, not after it
    with session_for(ctx, write=False) as session:
        selection = select_export(
            session,
            claim_ids=claim or (),
            outlets=outlet or (),
            status=status,
            since=since,
            until=until,
        )
        if chosen == "claimreview":
            check_publisher(session, selection, publisher)
        options = {"publisher": publisher, "prov_format": serialisation}
        if output is None:
            import sys

            count = export(session, selection, chosen, sys.stdout, **options)
        else:
            progress = _Progress()
            with atomic_file(output) as file:
                count = export(session, selection, chosen, file, progress=progress, **options)
            progress.done()
    if output is not None:
        note(f"Wrote {output} ({_counted(count, chosen)}, {chosen}).")
    note_if_none(
        count,
        "claims",
        {
            "--claim": claim or [],
            "--outlet": outlet or [],
            "--status": status,
            "--since": since,
            "--until": until,
        },
        otherwise="Nothing to export: the database holds no claims, sources or articles yet.",
        done=": nothing exported",
    )


class _Progress:
    """A running count on stderr, rewritten in place; only when writing to a file."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, count: int) -> None:
        typer.echo(f"\rExported {count:,} …", err=True, nl=False)
        self.shown = True

    def done(self) -> None:
        if self.shown:
            typer.echo("", err=True)


def _counted(count: int, fmt: str) -> str:
    """``1 claim``, ``2 rows``: what the file holds, in the format's own unit."""
    unit = {
        "jsonl": "row",
        "csv": "row",
        "claimreview": "claim",
        "prov": "claim",
        "annotations": "annotation",
    }[fmt]
    return f"{count} {unit}{'' if count == 1 else 's'}"
