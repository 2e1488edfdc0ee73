"""``claims report ...``: which outlet carries which claim, through whom."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from cli.common import emit, note, session_for

app = typer.Typer(help="Reports as tables, CSV, JSON or an Excel workbook (a sheet per report).")


class ReportFormat(enum.StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


FormatOpt = Annotated[
    ReportFormat,
    typer.Option(
        "--format",
        "-f",
        help="table, csv or json; xlsx writes the workbook with every report, this one first.",
    ),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]

DESCRIPTIONS = {
    "carriers": "Claim × outlet matrix: how many times each outlet carries each claim.",
    "chains": "One row per appearance: quotation and chain, e.g. Wang Xiaohong → Xinhua → "
    "Reuters → UNN.",
    "outlets": "Per outlet: claims carried and the upstream sources it relies on, how often.",
    "claims": "The claims with status, verdict and how many outlets carry them.",
}


def run_report(ctx: typer.Context, name: str, fmt: ReportFormat, output: Path | None) -> None:
    from claims.output import writable, write, write_xlsx
    from claims.reports import REPORTS, build

    if output is not None:
        writable(output)  # fail before the work, not after it
    if fmt == ReportFormat.xlsx:
        if output is None:
            from claims.errors import InvalidInput

            raise InvalidInput("An xlsx workbook needs a file: add -o report.xlsx.")
        order = [name] + [other for other in REPORTS if other != name]
        with session_for(ctx) as session:
            sheets = {report: build(report, session) for report in order}
        write_xlsx(sheets, output)
        note(f"Wrote {output} (sheets: {', '.join(order)}).")
        return
    with session_for(ctx) as session:
        frame = build(name, session)
    if output is None:
        emit(frame, fmt.value)
    else:
        write(frame, fmt.value, output)
        note(f"Wrote {output} ({len(frame)} rows).")


def _register(name: str) -> None:
    def command(
        ctx: typer.Context,
        fmt: FormatOpt = ReportFormat.table,
        output: OutputOpt = None,
    ) -> None:
        run_report(ctx, name, fmt, output)

    command.__doc__ = DESCRIPTIONS[name]
    app.command(name)(command)


for _name in DESCRIPTIONS:
    _register(_name)


@app.command("all")
def all_(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="The .xlsx file to write.")],
) -> None:
    """Write every report into one Excel workbook, a sheet per report."""
    run_report(ctx, "carriers", ReportFormat.xlsx, output)
