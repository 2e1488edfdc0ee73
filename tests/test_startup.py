"""Start-up stays light: ``claims --help`` must not pay for SQLAlchemy or pandas."""

import subprocess
import sys

HEAVY = (
    "sqlalchemy",
    "pandas",
    "alembic",
    "openpyxl",
    "rapidfuzz",
    "numpy",
    "psycopg",
    "syntok",
    "matplotlib",
    "networkx",
    "jellyfish",
    "datasette",
    "uvicorn",
    "trafilatura",
    "lxml",
    "prov",
    "bm25s",
    "scipy",
    "Stemmer",
    "sklearn",
    "torch",
    "sentence_transformers",
    "sqlite3",
    "pycrfsuite",
    "onnxruntime",
    "tokenizers",
)


def test_cli_import_loads_no_heavy_module():
    code = f"import sys, cli.main\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "", f"imported at start-up: {loaded}"


def test_help_runs_without_heavy_modules():
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from cli.main import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "", f"imported by --help: {loaded}"
