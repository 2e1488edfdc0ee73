"""The demo: a fresh SQLite database holding the seed articles and their curated claims."""

from __future__ import annotations

from pathlib import Path

DEFAULT_DEMO_FILE = "claims-demo.db"


def build_demo(path: str | Path, *, actor: str):
    """Recreate ``path`` from nothing: migrate, load the seeds. Returns (url, summary).

    Only a file that is a SQLite database (or absent) is replaced, so a typo in
    ``--path`` cannot wipe an unrelated file.
    """
    from claims import migrations
    from claims.db import open_session
    from claims.errors import InvalidInput
    from claims.seeds import load_seeds

    path = Path(path)
    if path.exists():
        with path.open("rb") as handle:
            if handle.read(16) not in (b"SQLite format 3\x00", b""):
                raise InvalidInput(
                    f"{path} exists and is not a SQLite database: choose another --path."
                )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    migrations.upgrade(url)
    with open_session(url) as session:
        summary = load_seeds(session, actor=actor)
    return url, summary
