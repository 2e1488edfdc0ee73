"""The demo: a fresh SQLite database holding the seed articles and their curated claims."""

from __future__ import annotations

import os
import tempfile
import zlib
from pathlib import Path

DEFAULT_DEMO_FILE = "claims-demo.db"
# Stamped into PRAGMA user_version of every demo database, so that the demo only ever
# replaces a database it built itself.
DEMO_MARK = 0x636C6D6F
# Tables whose rows are not claims work: the schema's revision, and the claims an upgrade
# lists for their drift findings to be recomputed (upgrading is no work added).
_NOT_WORK = ("alembic_version", "claims_schema_version", "drift_pending")


def build_demo(path: str | Path, *, actor: str):
    """Recreate ``path`` from nothing: migrate, load the seeds. Returns (url, summary).

    Only an earlier demo database (or nothing) is replaced, so a typo in
    ``--path`` cannot wipe a real claims database or an unrelated file.
    """
    from claims import migrations
    from claims.db import open_session
    from claims.errors import InvalidInput
    from claims.seeds import load_seeds

    if not str(path).strip() or not Path(path).name.strip():
        raise InvalidInput("--path is empty: give a file name, e.g. demo.db.")
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
        if not _is_untouched(path):
            raise InvalidInput(
                f"{path} is a demo database with work added since it was built: delete the "
                "file yourself to rebuild it, or give another --path."
            )
        if not os.access(path, os.W_OK):
            raise InvalidInput(
                f"{path} is read-only: make it writable or delete it to rebuild the demo, "
                "or give another --path."
            )
    # Built beside it under another name and put in its place whole: a build that fails or
    # is interrupted leaves the earlier demo (or nothing), never a half-built file that
    # every later run would refuse as not a demo.
    try:
        handle, building = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".building", dir=path.parent
        )
    except OSError as error:
        raise InvalidInput(
            f"Cannot build the demo in {path.parent} ({error.strerror}): give a --path in a "
            "folder you may write."
        ) from None
    os.close(handle)
    building = Path(building)
    try:
        building.unlink()
        url = f"sqlite:///{building}"
        migrations.upgrade(url)
        with open_session(url) as session:
            summary = load_seeds(session, actor=actor)
            session.flush()
            connection = session.connection()
            connection.exec_driver_sql(f"PRAGMA user_version = {DEMO_MARK}")
            connection.exec_driver_sql(
                f"PRAGMA application_id = {_fingerprint(connection.connection.driver_connection)}"
            )
        _close_journal(building)
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        try:
            os.replace(building, path)
        except OSError as error:
            raise InvalidInput(
                f"Cannot put the demo at {path} ({error.strerror}): close what holds it open, "
                "or give another --path."
            ) from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}", summary


def _close_journal(path: Path) -> None:
    """Fold the write-ahead log into the file and leave it in rollback-journal mode, so the
    one file moved into place holds everything; the next connection turns WAL on again."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


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


def _fingerprint(connection) -> int:
    """The row count of every table holding rows, as a signed 32-bit number.

    Stamped into PRAGMA application_id when the demo is built: whatever is added later
    (articles, matches, reviews, and the audit entry each of them writes) changes it.
    """
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        if name not in _NOT_WORK
    ]
    counts = []
    for name in tables:
        quoted = name.replace('"', '""')
        (count,) = connection.execute(f'SELECT count(*) FROM "{quoted}"').fetchone()
        if count:
            counts.append(f"{name}={count}")
    value = zlib.crc32(";".join(counts).encode()) or 1  # 0 is an unstamped file
    return value - (1 << 32) if value >= 1 << 31 else value


def _is_untouched(path: Path) -> bool:
    """Whether the demo database at ``path`` holds only what the demo put in it."""
    import sqlite3
    from urllib.request import pathname2url

    if path.stat().st_size == 0:
        return True
    connection = sqlite3.connect(f"file:{pathname2url(str(path.resolve()))}?mode=ro", uri=True)
    try:
        (stamp,) = connection.execute("PRAGMA application_id").fetchone()
        return stamp == _fingerprint(connection)
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()
