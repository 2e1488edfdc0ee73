"""``claims import FILE``: claims, articles and appearances in bulk from a file."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer

from cli.common import state

SHOWN_PROBLEMS = 50


class ImportFormat(enum.StrEnum):
    """The formats ``claims.import_files.FORMATS`` reads; an unknown one is a usage error."""

    csv = "csv"
    jsonl = "jsonl"
    claimreview = "claimreview"


def import_file(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A CSV, JSON Lines or ClaimReview JSON-LD file (see docs/import-format.md).",
        ),
    ],
    fmt: Annotated[
        ImportFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="The file's format. Default: from its suffix (.csv; .jsonl or .ndjson; "
            ".json or .jsonld for claimreview).",
        ),
    ] = None,
    skip_bad: Annotated[
        bool,
        typer.Option(
            "--skip-bad",
            help="Import the good rows and write the bad ones, with the reason, to "
            "FILE.rejects.csv (replacing an old one once the import completes). Default: a "
            "bad row stops the import before anything is written.",
        ),
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", metavar="ENCODING", help="The file's encoding, when it is not UTF-8."
        ),
    ] = None,
    batch: Annotated[
        int,
        typer.Option("--batch", metavar="ROWS", min=1, help="Rows written per transaction."),
    ] = 2000,
    no_clean: Annotated[
        bool,
        typer.Option(
            "--no-clean",
            help="Store new articles as received: cut no page debris from those whose row "
            "gives no article_cuts (as `claims article add --no-clean`).",
        ),
    ] = False,
) -> None:
    """Import claims, articles and appearances in bulk; the file is checked whole first.

    Importing the same file again changes nothing. Progress goes to stderr; stdout
    gets the summary only.
    """
    from claims.errors import ImportRejected
    from claims.import_files import in_file_terms
    from claims.importer import ImportInterrupted
    from claims.importer import import_file as run_import

    bar = _Progress()
    try:
        summary = run_import(
            state(ctx).url,
            file,
            actor=state(ctx).user,
            fmt=fmt.value if fmt is not None else None,
            skip_bad=skip_bad,
            encoding=encoding,
            batch_rows=batch,
            progress=bar.update,
            clean=not no_clean,
        )
    except ImportRejected as rejected:
        bar.close()
        for problem in rejected.problems[:SHOWN_PROBLEMS]:
            typer.echo(in_file_terms(str(problem)), err=True)
        if rejected.count > SHOWN_PROBLEMS:
            typer.echo(f"... and {rejected.count - SHOWN_PROBLEMS} more problem(s).", err=True)
        raise
    except KeyboardInterrupt as interrupted:
        bar.close()
        message = (
            str(interrupted)
            if isinstance(interrupted, ImportInterrupted)
            else (
                "Interrupted: the batches written before are stored; run the same import "
                "again to complete it."
            )
        )
        typer.echo(message, err=True)
        raise typer.Exit(130) from None
    finally:
        bar.close()
    if summary.rejects_file:
        typer.echo(f"{summary.rejected} bad row(s) set aside in {summary.rejects_file}", err=True)
    elif summary.rejects_removed:
        typer.echo(f"No bad rows: removed the old {summary.rejects_removed}.", err=True)
    if not summary.rows and not summary.rejected:
        typer.echo(f"{file} holds no rows: nothing to import.", err=True)
    rows = [
        ("claims", summary.claims_created, summary.claims_present),
        ("articles", summary.articles_created, summary.articles_present),
        ("appearances", summary.appearances_created, summary.appearances_present),
        ("sources", summary.sources_created, summary.sources_present),
    ]
    typer.echo(f"{'':12} {'created':>9} {'present':>9}")
    for name, created, present in rows:
        typer.echo(f"{name:12} {created:>9} {present!s:>9}")
    if summary.sources_updated:
        # Stored sources a source row completed (a kind, details, aliases they lacked).
        typer.echo(f"{'  completed':12} {summary.sources_updated:>9}")
    if summary.rejected:
        typer.echo(f"{'rejected':12} {summary.rejected:>9}")
    if summary.origins_dropped:
        # As `article add --origin <outlet>` says: an outlet's own text has no origin.
        typer.echo(
            f"{summary.origins_dropped} new article(s) named their publisher as their origin: "
            "no origin is recorded for them (an outlet's own text has none).",
            err=True,
        )


class _Progress:
    """Bars on stderr, one per pass (check, then write, in bytes of the file), then one for
    the drift findings recomputed (in claims)."""

    LABELS = {"check": "Checking", "write": "Writing ", "drift": "Drift   "}

    def __init__(self):
        # Only for a person watching: piped or logged, stderr keeps to messages.
        self.shown = typer.get_text_stream("stderr").isatty()
        self.bar = None
        self.phase = None
        self.done = 0

    def update(self, phase: str, position: int, total: int) -> None:
        if not self.shown:
            return
        if phase != self.phase:
            self.close()
            self.phase, self.done = phase, 0
            self.bar = typer.progressbar(
                length=max(total, 1),
                label=self.LABELS.get(phase, phase),
                file=typer.get_text_stream("stderr"),
            )
            self.bar.__enter__()
        step = min(position, total) - self.done
        if step > 0:
            self.bar.update(step)
            self.done += step

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
