"""Named queries: curated analyst SQL kept as files, with a title, a description and typed
parameters that are bound by the driver, never pasted into the SQL.

Each file in ``claims/queries/`` is one query; its name is the file name without
``.sql``. The header is a run of ``--`` comment lines at the top::

    -- title: Outlets carrying a claim
    -- description: Every article that carries the claim, ...
    --   (indented lines continue the one above)
    -- param claim: integer  The claim's id.

Parameter types: ``integer``, ``text``, ``date`` (YYYY-MM-DD), and ``source``: a
source's name, alias or ``#ID``, resolved the way every command resolves it and bound
as the source's id. The same files are Datasette's canned queries (``claims browse``),
where a ``source`` parameter is typed as the id.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.errors import ClaimsError, InvalidInput, NotFound

QUERIES_DIR = Path(__file__).resolve().parent / "queries"
PARAM_TYPES = ("integer", "text", "date", "source")

_HEADER = re.compile(
    r"^--\s?(?P<key>title|description|param\s+(?P<param>\w+))\s*:\s*(?P<value>.*)$"
)
_CONTINUATION = re.compile(r"^--\s{2,}(?P<value>\S.*)$")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    sql: str
    path: Path

    @property
    def usage(self) -> str:
        """How the parameters are given on the command line: ``claim=INTEGER``."""
        return " ".join(f"{p.name}={p.type.upper()}" for p in self.parameters)


class QueryFileError(ClaimsError):
    """A query file whose header is missing or does not match its SQL: a bug in the file."""


class ParameterError(InvalidInput):
    """``--param`` options that do not fit the query's parameters (not NAME=VALUE, given
    twice, missing, unknown): a mistake in how the command was typed, which the command line
    reports as a usage error. A value of the wrong type is an ``InvalidInput``, as a bad
    value of any option is."""


def parse_query_file(path: Path) -> NamedQuery:
    """Read one query file; its header and the ``:name`` placeholders must agree."""
    lines = path.read_text(encoding="utf-8").splitlines()
    entries: list[tuple[str, list[str]]] = []  # (key, lines), in file order
    body_start = len(lines)
    for number, line in enumerate(lines):
        if not line.startswith("--"):
            body_start = number
            break
        header = _HEADER.match(line)
        continuation = _CONTINUATION.match(line)
        if header:
            entries.append((header.group("key"), [header.group("value").strip()]))
        elif continuation and entries:
            entries[-1][1].append(continuation.group("value").strip())
        else:
            raise QueryFileError(f"{path.name}, line {number + 1}: not a header line: {line!r}.")
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    for key, text in entries:
        value = " ".join(text)
        if key.startswith("param"):
            parameters.append(_parameter(path, key.split()[1], value))
        elif key in fields:
            raise QueryFileError(f"{path.name}: `-- {key}:` is given twice.")
        else:
            fields[key] = value
    if not fields.get("title"):
        raise QueryFileError(f"{path.name}: the header has no `-- title:` line.")
    sql = "\n".join(lines[body_start:]).strip().rstrip(";").strip()
    if not sql:
        raise QueryFileError(f"{path.name}: no SQL after the header.")
    used = set(placeholders(sql))
    declared = {p.name for p in parameters}
    if used != declared or len(declared) != len(parameters):
        raise QueryFileError(
            f"{path.name}: the SQL uses {sorted(used)} but the header declares "
            f"{[p.name for p in parameters]}."
        )
    return NamedQuery(
        name=path.stem,
        title=fields["title"],
        description=fields.get("description", ""),
        parameters=tuple(parameters),
        sql=sql,
        path=path,
    )


def _parameter(path: Path, name: str, text: str) -> Parameter:
    kind, _, description = text.partition(" ")
    if kind not in PARAM_TYPES:
        raise QueryFileError(
            f"{path.name}: parameter {name} has type {kind!r}; use one of {', '.join(PARAM_TYPES)}."
        )
    return Parameter(name=name, type=kind, description=description.strip())


def placeholders(sql: str) -> list[str]:
    """The ``:name`` placeholders, outside string literals and comments, in order of use."""
    from sqlalchemy import text

    return list(text(sql)._bindparams)


@functools.cache
def catalogue() -> dict[str, NamedQuery]:
    """Every named query, by name, read once per process."""
    return {path.stem: parse_query_file(path) for path in sorted(QUERIES_DIR.glob("*.sql"))}


def get_query(name: str) -> NamedQuery:
    queries = catalogue()
    if name not in queries:
        raise NotFound(
            f"No named query {name!r}: `claims sql --list` shows them "
            f"({', '.join(sorted(queries))})."
        )
    return queries[name]


def parse_param_options(options: list[str]) -> dict[str, str]:
    """``--param NAME=VALUE`` options as a dict; a malformed or repeated one is refused."""
    values: dict[str, str] = {}
    for option in options:
        name, sep, value = option.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ParameterError(
                f"--param {option!r} is not NAME=VALUE: write e.g. --param claim=12."
            )
        if name in values:
            raise ParameterError(f"--param {name} is given twice: give it once.")
        values[name] = value
    return values


def check_values(query: NamedQuery, values: dict[str, str]) -> None:
    """Refuse missing and unexpected parameters, naming what the query takes."""
    declared = [p.name for p in query.parameters]
    takes = f"it takes {query.usage}" if declared else "it takes no parameters"
    extra = [name for name in values if name not in declared]
    if extra:
        raise ParameterError(f"Query {query.name} has no parameter {', '.join(extra)}: {takes}.")
    missing = [name for name in declared if name not in values]
    if missing:
        given = " ".join(f"--param {p.name}=..." for p in query.parameters if p.name in missing)
        raise ParameterError(f"Query {query.name} needs {given}: {takes}.")


def convert(query: NamedQuery, values: dict[str, str], session, *, dialect: str) -> dict[str, Any]:
    """Turn the text of each value into what the driver binds, or refuse it in one line."""
    check_values(query, values)
    bound: dict[str, Any] = {}
    for parameter in query.parameters:
        raw = values[parameter.name].strip()
        where = f"--param {parameter.name}"
        if parameter.type == "integer":
            # ASCII digits only: int() also takes "1_000" and other scripts' digits ("١").
            if not _WHOLE_NUMBER.fullmatch(raw):
                raise InvalidInput(f"{where} must be a whole number, not {raw!r}.")
            number = int(raw)
            if not -(2**63) <= number < 2**63:
                raise InvalidInput(f"{where} is too large for the database: {raw}.")
            bound[parameter.name] = number
        elif parameter.type == "date":
            from claims.services.articles import read_date

            try:
                day = read_date(raw)  # the rule every date option follows
            except ValueError as error:
                raise InvalidInput(f"{where}: bad date {raw!r}: {error}.") from None
            # SQLite keeps dates as ISO text; PostgreSQL compares real dates.
            bound[parameter.name] = day.isoformat() if dialect == "sqlite" else day
        elif parameter.type == "source":
            from claims.services.sources import resolve_source

            if not raw:
                raise InvalidInput(f"{where} is empty: give a source's name, alias or #ID.")
            bound[parameter.name] = resolve_source(session, raw).id
        else:
            bound[parameter.name] = values[parameter.name]
    return bound


def run_named_query(
    url: str,
    name: str,
    values: dict[str, str],
    *,
    limit: int,
    timeout: float,
    role: str | None = None,
):
    """Run a named query read-only, its parameters bound by the driver."""
    from sqlalchemy.orm import Session

    from claims.sql import check_limits, reading_engine, run_bound_query

    query = get_query(name)
    check_values(query, values)
    check_limits(limit, timeout)
    needs_session = any(p.type == "source" for p in query.parameters)
    # As the role, if any: a source is looked up with the grants the query runs with.
    engine = reading_engine(url, role)
    try:
        if needs_session:
            from claims.db import database_errors

            with database_errors(url), Session(engine) as session:
                bound = convert(query, values, session, dialect=engine.dialect.name)
        else:
            bound = convert(query, values, None, dialect=engine.dialect.name)
    finally:
        engine.dispose()
    return run_bound_query(url, query.sql, bound, limit=limit, timeout=timeout, role=role)
