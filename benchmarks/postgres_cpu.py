"""CPU seconds, client and server, of the PostgreSQL import and of its COPY baseline.

    CLAIMS_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python benchmarks/postgres_cpu.py --scale medium

The wall-clock ratio ``run.py`` reports depends on how many cores the client and the
server share. This says how much work each side does: the import's own CPU (its process
and the processes it starts, from ``getrusage``) and the server's (the postmaster's
``cutime + cstime``, which its backends add to when they end, read from /proc before
and after). Needs the server on this machine, and Linux.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import generate  # noqa: E402
import run  # noqa: E402


def postmaster_pid() -> int:
    for candidate in Path("/var/run/postgresql").glob("*.pid"):
        return int(candidate.read_text().split()[0])
    return int(os.popen("pgrep -o postgres").read().split()[0])


def server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")  # cutime, cstime


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["small", "medium"], default="medium")
    parser.add_argument("--postgres", metavar="URL", default=os.environ.get(run.PG_ENV))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.postgres:
        parser.error(f"give --postgres URL or set ${run.PG_ENV}")
    from sqlalchemy import create_engine, text

    from claims import migrations

    appearances = run.SCALES[args.scale]
    postmaster = postmaster_pid()
    engine = create_engine(args.postgres)
    schemas = [f"claims_bench_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    try:
        with engine.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        urls = [run._with_search_path(args.postgres, schema) for schema in schemas]
        for url in urls:
            migrations.upgrade(url)
        with tempfile.TemporaryDirectory(prefix="claims-bench-") as folder:
            rows_file = Path(folder) / "rows.jsonl"
            generate.write_flat(rows_file, appearances, args.seed)
            time.sleep(1)  # backends of the set-up end
            server, client = server_cpu(postmaster), children_cpu()
            seconds, _ = run.run_import(urls[0], rows_file)
            time.sleep(1)
            import_server = server_cpu(postmaster) - server
            import_client = children_cpu() - client
        server, client = server_cpu(postmaster), own_cpu()
        baseline = run.postgres_copy(args.postgres, schemas[1], appearances, args.seed)
        time.sleep(1)
        copy_server = server_cpu(postmaster) - server
        copy_client = own_cpu() - client
    finally:
        with engine.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
    print(f"{'':24}{'wall s':>8}{'client CPU s':>14}{'server CPU s':>14}{'CPU in all':>12}")
    print(
        f"{'claims import':24}{seconds:8.1f}{import_client:14.1f}{import_server:14.1f}"
        f"{import_client + import_server:12.1f}"
    )
    print(
        f"{'COPY baseline':24}{baseline:8.1f}{copy_client:14.1f}{copy_server:14.1f}"
        f"{copy_client + copy_server:12.1f}   (client CPU includes making the rows)"
    )
    cores = os.cpu_count() or 1
    print(
        f"at half the baseline's speed the import has {2 * baseline:.1f} s; on {cores} "
        f"cores that is at most {2 * baseline * cores:.1f} CPU seconds"
    )


if __name__ == "__main__":
    main()
