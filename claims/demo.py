"""The demo: a fresh SQLite database holding the seed articles and their curated claims."""

from __future__ import annotations

from pathlib import Path

DEFAULT_DEMO_FILE = "claims-demo.db"
# Stamped into PRAGMA user_version of every demo database, so that the demo only ever
# replaces a database it built itself.
DEMO_MARK = 0x636C6D6F


def build_demo(path: str | Path, *, actor: str):
    """Recreate ``path`` from nothing: migrate, load the seeds. Returns (url, summary).

    Only an earlier demo database (or nothing) is replaced, so a typo in
    ``--path`` cannot wipe a real claims database or an unrelated file.
    """
    from claims import migrations
    from claims.db import open_session
    from claims.errors import InvalidInput
    from claims.seeds import load_seeds

    path = Path(path)
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder: give a file name for --path, e.g. demo.db.")
    if not path.parent.is_dir():
        raise InvalidInput(f"The folder {path.parent} does not exist: create it first.")
    if path.exists():
        if not _is_demo(path):
            raise InvalidInput(
                f"{path} exists and is not a demo database: choose another --path "
                "(the demo only replaces a database it built)."
            )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    migrations.upgrade(url)
    with open_session(url) as session:
        summary = load_seeds(session, actor=actor)
        session.connection().exec_driver_sql(f"PRAGMA user_version = {DEMO_MARK}")
    return url, summary


def _is_demo(path: Path) -> bool:
    import sqlite3

    if path.stat().st_size == 0:
        return True
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return False
    from urllib.request import pathname2url

    connection = sqlite3.connect(f"file:{pathname2url(str(path.resolve()))}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0] == DEMO_MARK
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()
