"""Docs stay true: every command has help text and a section in docs/cli.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from cli.main import app

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands(command, path=("claims",)):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help(path, command):
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    for param in command.params:
        if param.name in ("help",) or getattr(param, "hidden", False):
            continue
        if param.param_type_name == "option" and param.name not in (
            "install_completion",
            "show_completion",
        ):
            assert (param.help or "").strip(), f"{' '.join(path)} {param.name} has no help"


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_is_documented(path, command):
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    heading = re.compile(rf"^#+ `{re.escape(' '.join(path))}( [^`]*)?`", re.MULTILINE)
    assert heading.search(text), f"docs/cli.md has no section for `{' '.join(path)}`"


def _section(path) -> str:
    """The text of a command's section of docs/cli.md: its heading down to the next one."""
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    heading = re.compile(rf"^#+ `{re.escape(' '.join(path))}( [^`]*)?`.*$", re.MULTILINE)
    found = heading.search(text)
    assert found, f"docs/cli.md has no section for `{' '.join(path)}`"
    end = re.compile(r"^#", re.MULTILINE).search(text, found.end())
    return text[found.start() : end.start() if end else len(text)]


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_option_is_in_its_commands_section(path, command):
    """Each option, long and short form (and --no- form), is written in the command's section,
    as `--help` lists it; -h/--help is said once, among the conventions."""
    section = _section(path)
    for param in command.params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        flags = (*param.opts, *param.secondary_opts)
        if set(flags) in ({"-f", "--format"}, {"-o", "--output"}):
            # The short forms are given once among the conventions: either form will do.
            flags = (
                (next(f for f in flags if f.startswith("--")),)
                if not any(re.search(rf"(?<![\w-]){f}(?![\w-])", section) for f in flags)
                else ()
            )
        for flag in flags:
            assert re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", section), (
                f"docs/cli.md: `{' '.join(path)}` does not mention {flag}"
            )


def test_the_conventions_give_the_short_forms_of_help_format_and_output():
    conventions = (DOCS / "cli.md").read_text(encoding="utf-8").split("\n## ")[0]
    for short in ("`-h`", "`-f`", "`-o FILE`"):
        assert short in conventions, short


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_usage_lines_have_no_doubled_brackets(path, command):
    import click

    with click.Context(command, info_name=" ".join(path)) as ctx:
        usage = command.collect_usage_pieces(ctx)
    assert not any("[[" in piece or "]]" in piece for piece in usage), usage


# What Typer shows where a metavar is missing: a Python type, not a word for the value.
PYTHON_PLACEHOLDER = re.compile(
    r"<(?:str|int|float|path|bool|list\[[^>]*\]|[a-z]+ range)>"  # --alias <list[str]>
    r"|\.\.\.\}\.\.\."  # {ID...}... : a list argument's dots said twice over
)
LOWER_CASE_ARGUMENT = re.compile(r"[{\[][a-z_]+[}\]]")  # {name} beside {ID}


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_names_every_value_in_words_not_python_types(path, command):
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [*path[1:], "--help"])
    assert result.exit_code == 0, result.output
    found = PYTHON_PLACEHOLDER.findall(result.output)
    assert not found, f"{' '.join(path)} --help shows {found}"
    usage = result.output.split("\n\n")[0]
    assert not LOWER_CASE_ARGUMENT.search(usage), usage


def test_a_list_argument_is_shown_once_with_its_dots():
    from typer.testing import CliRunner

    shown = CliRunner().invoke(app, ["source", "alias", "--help"]).output
    assert "[OPTIONS] {NAME} {ALIAS}..." in shown
    assert re.search(r"^  ALIAS\.\.\.\s+New spellings", shown, re.MULTILINE), shown
    assert "-a, --alias ALIAS " in CliRunner().invoke(app, ["source", "add", "-h"]).output


def test_architecture_page_names_every_library_module():
    """A newcomer finds every module of the library on the architecture page."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    package = Path(__file__).resolve().parent.parent / "claims"
    for module in sorted(package.rglob("*.py")):
        if module.name.startswith("_") and module.name != "__init__.py":
            continue  # private helpers
        folder = module.parent.relative_to(package.parent).as_posix() + "/"
        relative = folder + module.name
        if module.name == "__init__.py":
            assert folder.rstrip("/") in text, folder
        else:
            assert relative in text or (folder in text and f"`{module.name}`" in text), relative


def test_schema_page_describes_every_table_and_column():
    from claims.models import Base

    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    sections = dict(
        (m.group(1), m.group(2))
        for m in re.finditer(r"^## `(\w+)`\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    )
    for table in Base.metadata.sorted_tables:
        assert table.name in sections, f"docs/schema.md has no section for {table.name}"
        for column in table.columns:
            assert f"| `{column.name}` |" in sections[table.name], f"{table.name}.{column.name}"


EXAMPLES = re.findall(
    r"```(sql|sqlite|postgresql)\n(.*?)```",
    (DOCS / "schema.md").read_text(encoding="utf-8"),
    re.DOTALL,
)


@pytest.mark.parametrize("dialect,example", EXAMPLES)
def test_schema_examples_run(dialect, example, db_url):
    """Every example on the page runs: ```sql ones on both databases, the others on theirs."""
    from claims.sql import run_query

    if dialect != "sql" and not db_url.startswith(dialect):
        pytest.skip(f"a {dialect} example")
    run_query(db_url, example)
