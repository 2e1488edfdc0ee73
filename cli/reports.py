"""``claims report ...``: which outlet carries which claim, through whom."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from cli.common import checked_by, emit, note, progress_bar, session_for

app = typer.Typer(help="Reports as tables, CSV, JSON or an Excel workbook (a sheet per report).")


def _picture(value: str) -> str:
    """--format of `report graph`: another word than a picture format is a usage error."""
    from claims.output import picture_format

    return picture_format(value, value) if value.strip() else value


class ReportFormat(enum.StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    xlsx = "xlsx"


FormatOpt = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format",
        "-f",
        metavar="png|svg|dot",
        help="table, csv, json, jsonl (JSON Lines: a record a line), or xlsx (the workbook "
        "with every report, this one first). Default: from the -o file's suffix (.csv, .json, "
        ".jsonl or .ndjson, .xlsx), else table.",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to this file instead of stdout."),
]
BomOpt = Annotated[
    bool,
    typer.Option(
        "--bom",
        help="csv: start with a UTF-8 byte-order mark, so Excel on Windows reads accents and "
        "non-Latin names correctly (on stdout and in an -o file alike).",
    ),
]


def run_report(
    ctx: typer.Context,
    name: str,
    fmt: ReportFormat | None,
    output: Path | None,
    bom: bool = False,
) -> None:
    from claims.output import CSV_BOM, report_target, write
    from claims.reports import build, for_people, no_claims, workbook, workbook_pictures
    from claims.workbook import write_xlsx

    # Fail before the work, not after it.
    chosen = report_target(name, fmt.value if fmt is not None else None, output, bom=bom)
    if name == "drift" or chosen == "xlsx":
        _warn_pending_drift(ctx)
    if chosen == "xlsx":
        with session_for(ctx, write=False) as session, progress_bar(ALIGNING) as progress:
            sheets = workbook(session, first=name, progress=progress)
            pictures, left_out = workbook_pictures(session)
        notes = [*left_out, *write_xlsx(sheets, output, pictures)]
        note(f"Wrote {output} (sheets: {', '.join([*sheets, *pictures])}).")
        for line in notes:
            note(line)
        return
    with session_for(ctx, write=False) as session, progress_bar(ALIGNING) as progress:
        frame = build(name, session, progress=progress)
        empty = frame.empty and no_claims(session)
    if chosen == "table":
        frame = for_people(name, frame)
    if output is None:
        if bom:
            typer.echo(CSV_BOM, nl=False)
        emit(frame, chosen)
    else:
        write(frame, chosen, output, bom=bom)
        note(f"Wrote {output} ({len(frame)} rows, {chosen}).")
    if empty and chosen == "table":
        # On stderr: stdout keeps only the table's header, which a tool can still read.
        note(
            "No claims yet, so the report is empty: add some with `claims claim add` or "
            "`claims import`, or load examples with `claims seed`."
        )


ALIGNING = "aligning sentences"  # what the derivation report's bar says it is doing


def _warn_pending_drift(ctx: typer.Context) -> None:
    """Say so when drift findings wait to be recomputed: an import was cut short, or an
    upgrade changed the rules; until completed, they lag or follow the old rules.

    A report only reads (it may run under a read-only role), so it points to the
    command that completes them rather than writing itself.
    """
    from claims.services.drift import pending_drift

    with session_for(ctx, write=False) as session:
        pending = pending_drift(session)
    if pending:
        note(
            f"{pending} claim(s) have drift findings to recompute (left by an unfinished "
            "import, or by an upgrade that changed the drift rules): run `claims drift` to "
            "complete them."
        )


def _register(name: str, description: str) -> None:
    def command(
        ctx: typer.Context,
        fmt: FormatOpt = None,
        output: OutputOpt = None,
        bom: BomOpt = False,
    ) -> None:
        run_report(ctx, name, fmt, output, bom)

    command.__doc__ = description
    app.command(name)(command)


def _register_all() -> None:
    # The report names and descriptions are the library's; reading them does not
    # import pandas (only running a report does).
    from claims.report_catalog import DESCRIPTIONS

    for name, description in DESCRIPTIONS.items():
        _register(name, description)


_register_all()


@app.command("all")
def all_(
    ctx: typer.Context,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The .xlsx file to write.")
    ],
) -> None:
    """Write every report into one Excel workbook, a sheet per report."""
    from claims.output import workbook_target

    run_report(ctx, "carriers", ReportFormat.xlsx, workbook_target(output))


@app.command("graph")
def graph(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The picture file to write (.png, .svg, or .dot or .gv for Graphviz).",
        ),
    ],
    claim_id: Annotated[
        int | None,
        typer.Argument(
            metavar="CLAIM_ID", help="Draw this claim's chains; without it, the outlet network."
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="png|svg|dot",
            help="png, svg or dot (Graphviz text). Default: from the -o file's suffix.",
            callback=checked_by(_picture),
        ),
    ] = None,
) -> None:
    """Draw a claim's chains (drifted hops red and dashed), or who relies on whom."""
    from claims.graphs import claim_graph, outlet_network, require_edges
    from claims.output import picture_target, write_picture

    chosen = picture_target(fmt, output)  # fail before the work, not after it
    with session_for(ctx, write=False) as session:
        if claim_id is None:
            drawn = require_edges(outlet_network(session))
        else:
            drawn = claim_graph(session, claim_id)
    notes = write_picture(drawn, chosen, output)
    note(
        f"Wrote {output} ({drawn.number_of_nodes()} sources, "
        f"{drawn.number_of_edges()} hops, {chosen})."
    )
    for line in notes:
        note(line)
