"""Exports: the database, or a selection, as flat rows or in W3C and schema.org formats.

One module per format; :mod:`claims.export.selection` picks and streams the rows
all of them share. :func:`export` writes any of them to an open text file and
is what the command line calls.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from claims.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claims.export.selection import Selection

FORMATS = ("jsonl", "csv", "claimreview", "prov", "annotations")
PROV_FORMATS = ("json", "provn")
# File suffixes that say the format on their own; .json and .jsonld could be several.
_SUFFIXES = {
    ".jsonl": ("jsonl", None),
    ".ndjson": ("jsonl", None),
    ".csv": ("csv", None),
    ".provn": ("prov", "provn"),
}
# The formats (and PROV serialisations) a file of each suffix may hold: one JSON
# document, for .json and .jsonld. A file whose suffix says one thing and whose
# --format another would hold bytes its name's program cannot open.
_HOLDS = {
    **{suffix: {said} for suffix, said in _SUFFIXES.items()},
    ".json": {("claimreview", None), ("prov", "json"), ("annotations", None)},
    ".jsonld": {("claimreview", None), ("prov", "json"), ("annotations", None)},
}
# The suffix to suggest for a format, in a refusal.
_NAMES = {
    "jsonl": ".jsonl",
    "csv": ".csv",
    "claimreview": ".jsonld",
    "prov": ".json (or .provn for PROV-N)",
    "annotations": ".jsonld",
}


def check_format(fmt: str | None, output: str | Path | None) -> str:
    """The format asked for, else the one ``output``'s suffix names, else JSON Lines.

    A format the suffix contradicts (``-f csv -o out.jsonl``, any format into
    ``out.xlsx``) is refused. Without a format, a suffix several formats write
    (``.json``, ``.jsonld``) is refused rather than guessed, and so is one no
    export writes; any other name (``out.txt``, ``noext``, a device such as
    ``/dev/stdout``, a named pipe) gets JSON Lines, the default.
    """
    if fmt is not None:
        chosen = format_name(fmt)
        _check_suffix(chosen, None, output)
        return chosen
    if output is None:
        return "jsonl"
    suffix = Path(output).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix][0]
    if suffix in _HOLDS:
        raise InvalidInput(
            f"A {suffix} file like {Path(output).name!r} holds one JSON document, which "
            "claimreview, prov and annotations all write: add --format to say which (the "
            "flat rows go to a .jsonl file)."
        )
    if suffix in _other_suffixes():
        raise InvalidInput(
            f"No export format writes a {suffix} file like {Path(output).name!r}: name it "
            ".jsonl, .csv, .provn, .json or .jsonld."
        )
    return "jsonl"


def format_name(fmt: str) -> str:
    """``fmt`` as one of ``FORMATS`` (case and surrounding spaces aside), else refused."""
    chosen = fmt.strip().lower()
    if chosen not in FORMATS:
        raise InvalidInput(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")
    return chosen


def prov_format_name(prov_format: str) -> str:
    """``prov_format`` as one of ``PROV_FORMATS`` (case and surrounding spaces aside)."""
    chosen = prov_format.strip().lower()
    if chosen not in PROV_FORMATS:
        raise InvalidInput(
            f"Unknown PROV serialisation {prov_format!r}: use {' or '.join(PROV_FORMATS)}."
        )
    return chosen


# The options only one format reads, with that format and what exporting it is called.
FORMAT_OPTIONS = {
    "--publisher": ("claimreview", "ClaimReview"),
    "--prov-format": ("prov", "PROV"),
}


def check_options_apply(fmt: str, given: list[str] | tuple[str, ...]) -> None:
    """Refuse an option the chosen format does not read (``FORMAT_OPTIONS``), rather than
    ignore it: ``-f jsonl --publisher X`` most likely meant another format."""
    for option in given:
        owner, called = FORMAT_OPTIONS[option]
        if fmt != owner:
            raise InvalidInput(
                f"{option} goes with --format {owner}, not {fmt}: leave it out, or export {called}."
            )


def check_prov_format(
    prov_format: str | None, output: str | Path | None, fmt: str | None = None
) -> str:
    """The PROV serialisation; one asked for with another format than ``prov`` is refused,
    rather than silently ignored, and so is one the file's suffix contradicts."""
    if prov_format is not None and fmt is not None:
        check_options_apply(fmt, ["--prov-format"])
    if prov_format is None:
        suffix = Path(output).suffix.lower() if output is not None else ""
        return "provn" if suffix == ".provn" else "json"
    chosen = prov_format_name(prov_format)
    _check_suffix("prov", chosen, output)
    return chosen


def _check_suffix(fmt: str, prov_format: str | None, output: str | Path | None) -> None:
    """Refuse writing ``fmt`` (in ``prov_format``) to a file whose suffix says another."""
    if output is None:
        return
    suffix = Path(output).suffix.lower()
    holds = _HOLDS.get(suffix)
    if holds is None and suffix in _other_suffixes():
        holds = set()  # a workbook's or a picture's name: no export is one
    if holds is None:
        return
    if any(said == fmt and prov_format in (None, serialisation) for said, serialisation in holds):
        return
    name = Path(output).name
    if prov_format is not None:
        raise InvalidInput(
            f"The file name {name!r} ends in {suffix} but --prov-format is {prov_format}: the "
            "suffix and the serialisation disagree: drop --prov-format or change the suffix."
        )
    fix = f"drop --format or name the file {_NAMES[fmt]}" if holds else f"name it {_NAMES[fmt]}"
    raise InvalidInput(
        f"The file name {name!r} ends in {suffix} but --format is {fmt}: the suffix and the "
        f"format disagree: {fix}."
    )


def _other_suffixes() -> set[str]:
    """Suffixes of files the reports write and no export does (.xlsx, .png …)."""
    from claims.output import SUFFIX_FORMATS

    return set(SUFFIX_FORMATS) - set(_HOLDS)


def export(
    session: Session,
    selection: Selection,
    fmt: str,
    file: TextIO,
    *,
    publisher: str | None = None,
    prov_format: str = "json",
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``selection`` to ``file`` in ``fmt``; returns how many rows, nodes or bundles.

    Check the selection (``selection.select_export``) and, for ClaimReview, the
    publisher (``claimreview.check_publisher``) before opening the file.
    """
    from claims import output
    from claims.export import claimreview, flat, provenance, web_annotations

    def counted(items):
        for number, item in enumerate(items, start=1):
            if progress is not None and number % 1000 == 0:
                progress(number)
            yield item

    if fmt == "jsonl":
        count = output.write_jsonl_stream(file, counted(flat.flat_rows(session, selection)))
    elif fmt == "csv":
        count = output.write_csv_stream(
            file, flat.FIELDS, counted(flat.flat_rows(session, selection))
        )
    elif fmt == "claimreview":
        count = output.write_json_stream(
            file,
            {"@context": claimreview.CONTEXT},
            "@graph",
            counted(claimreview.documents(session, selection, publisher=publisher)),
        )
    elif fmt == "annotations":
        head = web_annotations.collection_head()
        head["first"] = web_annotations.page_head()
        count = output.write_json_stream(
            file,
            head,
            "items",
            counted(web_annotations.annotations(session, selection)),
            path=("first",),
        )
    elif fmt == "prov":
        count = provenance.write(
            session, selection, file, prov_format=prov_format, progress=progress
        )
    else:
        raise InvalidInput(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")
    return count
