"""``claims import``: flat rows and ClaimReview in, idempotent, batch by batch, resumable."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from claims import importer
from claims.flatrows import FIELDS
from claims.import_writer import BatchWriter
from claims.importer import import_file
from claims.services.articles import prepare_text, text_sha256
from tests.conftest import INQUIRER, UNN, table_rows

DATA = Path(__file__).resolve().parent / "data"
BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
UNN_TEXT = UNN.read_text(encoding="utf-8")
INQUIRER_TEXT = INQUIRER.read_text(encoding="utf-8")
UNN_SHA = text_sha256(prepare_text(UNN_TEXT))
INQUIRER_SHA = text_sha256(prepare_text(INQUIRER_TEXT))

ROWS = [
    {
        "claim": "China hopes to deepen law enforcement and security ties with Hungary.",
        "article_text": UNN_TEXT,
        "article_publisher": "UNN",
        "article_origin": "Reuters",
        "article_origin_cue": "citing",
        "article_published": "2024-02-19",
        "quote": "China hopes to deepen law enforcement and security ties with Hungary",
        "chain": "Wang Xiaohong [told] > the official Xinhua news agency [according to]",
    },
    {
        "claim": "China has offered to support Hungary on public security issues.",
        "claim_status": "approved",
        "claim_verdict": "accurate",
        "article": UNN_SHA,
        "quote": "China has offered to support its longtime strategic partner Hungary",
    },
    {
        "claim": "China hopes to deepen law enforcement and security ties with Hungary.",
        "article_text": INQUIRER_TEXT,
        "article_publisher": "Philippine Daily Inquirer",
        "article_origin": "Reuters",
        "article_origin_cue": "republished",
        "quote": "China hopes to deepen law enforcement and security ties with Hungary",
        "chain": "Wang Xiaohong [told] > Xinhua [according to]",
        "provenance": "proposed",
        "accepted_by": "alice",
    },
    {"claim": "A claim nobody has been seen carrying yet.", "claim_notes": "from a tip line"},
]


def write_csv(path: Path, rows: list[dict], columns=FIELDS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def content(url: str) -> dict[str, list[tuple]]:
    """What the database holds by natural keys, without ids or times (which a re-run changes)."""
    queries = {
        "claims": "SELECT key, text, status, verdict, notes FROM claims",
        "articles": "SELECT a.sha256, p.name, o.name, a.origin_cue, a.published FROM articles a "
        "JOIN sources p ON p.id = a.publisher_id LEFT JOIN sources o ON o.id = a.origin_id",
        "appearances": "SELECT c.key, a.sha256, x.quote_start, x.quote_end, x.quote, x.prefix, "
        "CASE WHEN x.quoted THEN 1 ELSE 0 END, x.provenance, x.accepted_by FROM appearances x "
        "JOIN claims c ON c.id = x.claim_id JOIN articles a ON a.id = x.article_id",
        "hops": "SELECT c.key, a.sha256, x.quote_start, h.position, s.name, h.cue, h.role, "
        "h.evidence_start, h.evidence_end FROM chain_hops h "
        "JOIN appearances x ON x.id = h.appearance_id JOIN claims c ON c.id = x.claim_id "
        "JOIN articles a ON a.id = x.article_id JOIN sources s ON s.id = h.source_id",
        "sources": "SELECT s.name, s.kind, a.key FROM sources s JOIN source_aliases a "
        "ON a.source_id = s.id",
    }
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                name: sorted(tuple(map(str, row)) for row in connection.execute(text(sql)))
                for name, sql in queries.items()
            }
    finally:
        engine.dispose()


def test_csv_import_creates_claims_articles_appearances_and_chains(db_url, tmp_path):
    summary = import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester")
    assert (summary.claims_created, summary.articles_created, summary.appearances_created) == (
        3,
        2,
        3,
    )
    held = content(db_url)
    chains = {(row[1][:8], row[3]): row[4] for row in held["hops"]}
    assert chains[(UNN_SHA[:8], "0")] == "Wang Xiaohong"
    assert chains[(UNN_SHA[:8], "1")] == "the official Xinhua news agency"
    unn_roles = [row[6] for row in held["hops"] if row[1] == UNN_SHA and row[4] != "Reuters"]
    assert "publisher" in unn_roles
    assert ("China has offered to support its longtime strategic partner Hungary") in [
        row[4] for row in held["appearances"]
    ]
    statuses = {row[1]: row[2] for row in held["claims"]}
    assert statuses["China has offered to support Hungary on public security issues."] == (
        "approved"
    )
    # Names are resolved like everywhere: "Xinhua" on the third row is not a new source
    # when "the official Xinhua news agency" ... is a different spelling; both stay as given.
    assert {row[0] for row in held["sources"]} >= {"UNN", "Reuters", "Wang Xiaohong"}


def test_importing_the_same_file_twice_changes_nothing(db_url, tmp_path):
    path = write_csv(tmp_path / "rows.csv", ROWS)
    import_file(db_url, path, actor="tester")
    before = table_rows(db_url)
    again = import_file(db_url, path, actor="tester")
    assert (again.claims_created, again.articles_created, again.appearances_created) == (0, 0, 0)
    assert (again.claims_present, again.articles_present, again.appearances_present) == (3, 2, 3)
    after = table_rows(db_url)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }


def test_jsonl_and_csv_give_the_same_database(db_url, tmp_path, sqlite_template):
    import_file(db_url, write_jsonl(tmp_path / "rows.jsonl", ROWS), actor="tester")
    other = tmp_path / "other.db"
    shutil.copy(sqlite_template, other)
    import_file(f"sqlite:///{other}", write_csv(tmp_path / "rows.csv", ROWS), actor="tester")
    assert content(db_url) == content(f"sqlite:///{other}")


def test_rows_checked_by_worker_processes_give_the_same_database_and_rejects(
    db_url, tmp_path, sqlite_template, monkeypatch
):
    """Big JSON Lines files are decoded, parsed and tried against the cleaning rules in
    worker processes: the outcome is the same as checking every row in one process."""
    rows = [
        *ROWS,
        {"claim": "A bad status", "claim_status": "maybe"},
        {"claim": "Quoted wrongly", "article": UNN_SHA, "quote": "words not there"},
    ]
    path = write_jsonl(tmp_path / "rows.jsonl", rows)
    with path.open("a", encoding="utf-8") as file:
        file.write("{not json\n\n[1, 2]\n")
    other = tmp_path / "other.db"
    shutil.copy(sqlite_template, other)
    results = {}
    for url, workers in ((f"sqlite:///{other}", 0), (db_url, 1)):
        monkeypatch.setattr(importer, "worker_count", lambda size, n=workers: n)
        with pytest.raises(importer.ImportRejected) as rejected:
            import_file(url, path, actor="tester")
        summary = import_file(url, path, actor="tester", skip_bad=True, batch_rows=2)
        rejects = Path(summary.rejects_file).read_text(encoding="utf-8")
        results[workers] = (rejected.value.problems, summary.rejected, rejects, content(url))
    assert results[1] == results[0]
    problems, rejected_count, rejects, stored = results[1]
    assert rejected_count == 4 and len(problems) == 4
    assert "A bad status" in rejects and "Quoted wrongly" in rejects
    assert len(stored["appearances"]) == 3


def test_the_same_rules_as_appearance_add(db_url, tmp_path, cli):
    """An appearance imported and one added by hand are stored alike."""
    import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS[:1]), actor="tester")
    imported = content(db_url)
    cli("claim", "delete", "1", "--yes")
    result = cli(
        "appearance",
        "add",
        str(cli("claim", "add", ROWS[0]["claim"]).stdout.strip()),
        "1",
        "--quote",
        ROWS[0]["quote"],
        "--chain",
        ROWS[0]["chain"],
    )
    assert result.exit_code == 0, result.output
    by_hand = content(db_url)
    assert by_hand["appearances"] == imported["appearances"]
    assert by_hand["hops"] == imported["hops"]


def test_one_audit_entry_per_batch(db_url, tmp_path):
    import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester", batch_rows=2)
    engine = create_engine(db_url)
    with engine.connect() as connection:
        entries = connection.execute(
            text("SELECT action, entity, actor, note FROM audit_log ORDER BY id")
        ).all()
    engine.dispose()
    assert [(e[0], e[1], e[2]) for e in entries] == [("import", "import", "tester")] * 2
    assert "rows.csv" in entries[0][3]


def test_a_failed_batch_leaves_earlier_batches_and_a_rerun_completes(
    db_url, tmp_path, sqlite_template, monkeypatch
):
    path = write_csv(tmp_path / "rows.csv", ROWS)
    reference = tmp_path / "reference.db"
    shutil.copy(sqlite_template, reference)
    import_file(f"sqlite:///{reference}", path, actor="tester", batch_rows=1)

    real = importer.write_batch
    calls = []

    def crash_at_third(engine, plan, chunk, summary):
        calls.append(chunk[0].number)
        if len(calls) == 3:
            raise KeyboardInterrupt("killed")
        real(engine, plan, chunk, summary)

    monkeypatch.setattr(importer, "write_batch", crash_at_third)
    with pytest.raises(KeyboardInterrupt):
        import_file(db_url, path, actor="tester", batch_rows=1)
    partial = content(db_url)
    assert len(partial["claims"]) == 2  # two batches stored, the third rolled back whole
    assert len(partial["appearances"]) == 2
    monkeypatch.setattr(importer, "write_batch", real)

    summary = import_file(db_url, path, actor="tester", batch_rows=1)
    assert summary.appearances_present == 2 and summary.appearances_created == 1
    assert content(db_url) == content(f"sqlite:///{reference}")


class LaggingWriter(importer.BatchWriter):
    """Writes each batch only once the next one is planned, as a busy writer would."""

    held = None
    flushing = False

    def submit(self, writes, label, **kwargs):
        held, self.held = self.held, (writes, label, kwargs)
        if held:
            self._flush(held)

    def wait(self):
        if not self.flushing and self.held:
            held, self.held = self.held, None
            self._flush(held)
        super().wait()

    def _flush(self, held):
        self.flushing = True
        try:
            writes, label, kwargs = held
            super().submit(writes, label, **kwargs)
        finally:
            self.flushing = False


def test_a_batch_planned_before_the_one_before_is_written_knows_what_that_one_writes(
    db_url, tmp_path, monkeypatch
):
    """Batch 2 repeats an appearance of batch 1, in the article batch 1 creates, and is
    planned before batch 1 is stored: the appearance is found present, not written twice."""
    monkeypatch.setattr(importer, "BatchWriter", LaggingWriter)
    again = {key: ROWS[0][key] for key in ("claim", "quote", "chain")}
    rows = [ROWS[0], dict(again, article=UNN_SHA), ROWS[1], ROWS[2]]
    path = write_jsonl(tmp_path / "rows.jsonl", rows)
    summary = import_file(db_url, path, actor="t", batch_rows=1)
    assert (summary.appearances_created, summary.appearances_present) == (3, 1)
    assert summary.articles_created == 2 and summary.claims_created == 2
    assert len(content(db_url)["appearances"]) == 3


@pytest.mark.parametrize("separate", [False, True], ids=["in-turn", "writing-process"])
def test_an_import_written_by_a_process_of_its_own_stores_the_same(
    db_url, tmp_path, sqlite_template, monkeypatch, separate
):
    """Big files are written by a process of their own while the next batch is planned."""
    monkeypatch.setattr(importer, "separate_process", lambda size: separate)
    path = write_csv(tmp_path / "rows.csv", ROWS)
    summary = import_file(db_url, path, actor="tester", batch_rows=1)
    assert summary.appearances_created == 3
    reference = tmp_path / "reference.db"
    shutil.copy(sqlite_template, reference)
    monkeypatch.setattr(importer, "separate_process", lambda size: False)
    import_file(f"sqlite:///{reference}", path, actor="tester")
    assert content(db_url) == content(f"sqlite:///{reference}")
    stored, fresh, pending = drift_state(db_url)
    assert stored == fresh and stored and pending == 0


def _another_writer_meanwhile(monkeypatch, db_url) -> list[str]:
    """After batch 1 is stored and batch 2 planned, another program stores batch 2's
    claim."""
    from claims.db import open_session
    from claims.services.claims import add_claim

    real_submit = BatchWriter.submit
    submits: list[str] = []

    def submit(self, writes, label, **kwargs):
        submits.append(label)
        if len(submits) == 2:  # batch 1 is stored; batch 2 is planned, not written
            self.wait()
            with open_session(db_url) as session:
                add_claim(session, text=ROWS[1]["claim"], actor="someone else")
                session.commit()
        real_submit(self, writes, label, **kwargs)

    monkeypatch.setattr(BatchWriter, "submit", submit)
    return submits


@pytest.mark.parametrize("separate", [False, True], ids=["in-turn", "writing-process"])
def test_a_batch_another_writer_got_ahead_of_is_planned_again_and_the_import_completes(
    db_url, tmp_path, monkeypatch, separate
):
    """Ids and keys are planned a batch ahead of the write: a claim another program stores
    in between makes the batch fail whole; it is planned anew on what is stored then."""
    submits = _another_writer_meanwhile(monkeypatch, db_url)
    monkeypatch.setattr(importer, "separate_process", lambda size: separate)
    path = write_csv(tmp_path / "rows.csv", ROWS)
    summary = import_file(db_url, path, actor="tester", batch_rows=1)
    stored = content(db_url)
    assert len(stored["claims"]) == 3 and len(stored["appearances"]) == 3
    # The other writer's claim is found, not created twice; the claim and the article
    # batch 1 created are this import's own, not "present", in the plan made anew too.
    assert (summary.claims_created, summary.claims_present) == (2, 1)
    assert (summary.articles_created, summary.articles_present) == (2, 0)
    assert (summary.batches, summary.rows, summary.appearances_created) == (4, 4, 3)
    assert submits.count("batch 2 (rows 3-3)") == 2  # handed over again, planned anew
    assert [label for label in submits if label.startswith("batch")][-1] == "batch 4 (rows 5-5)"
    engine = create_engine(db_url)
    with engine.connect() as connection:
        entries = connection.execute(
            text("SELECT count(*) FROM audit_log WHERE action = 'import'")
        ).scalar_one()
    engine.dispose()
    assert entries == 4  # one per batch stored: the failed one's went with it
    stored_findings, fresh, pending = drift_state(db_url)
    assert stored_findings == fresh and pending == 0


@pytest.mark.parametrize("separate", [False, True], ids=["in-turn", "writing-process"])
def test_a_source_another_writer_creates_meanwhile_is_not_created_twice(
    db_url, tmp_path, monkeypatch, separate
):
    """Batch 2 plans a new source; before it is written, someone adds a source of that name
    (``claims source add``). The batch is planned anew and uses theirs: on PostgreSQL no id
    shows the other writer's row, so only the name lock and a look at the names catch it."""
    from claims.db import open_session
    from claims.services.sources import add_source

    real_submit = BatchWriter.submit
    submits: list[str] = []

    def submit(self, writes, label, **kwargs):
        submits.append(label)
        if len(submits) == 2:  # batch 1 is stored; batch 2 is planned, not written
            self.wait()
            with open_session(db_url) as session:
                add_source(session, name="Evening  Star", actor="someone else")
                session.commit()
        real_submit(self, writes, label, **kwargs)

    monkeypatch.setattr(BatchWriter, "submit", submit)
    monkeypatch.setattr(importer, "separate_process", lambda size: separate)
    rows = [
        {"claim": "Ferries resumed on Monday.", "article_text": "Ferries resumed on Monday.",
         "article_publisher": "Daily Planet", "quote": "Ferries resumed on Monday"},
        {"claim": "The bridge reopens in May.", "article_text": "The bridge reopens in May.",
         "article_publisher": "Evening Star", "quote": "The bridge reopens in May"},
    ]  # fmt: skip
    summary = import_file(db_url, write_csv(tmp_path / "rows.csv", rows), actor="t", batch_rows=1)
    assert summary.appearances_created == 2
    assert submits.count(submits[1]) == 2  # batch 2 handed over again, planned anew
    with open_session(db_url, write=False) as session:
        names = session.execute(text("SELECT name, created_by FROM sources ORDER BY id")).all()
    expected = [("Daily Planet", "t"), ("Evening Star", "someone else")]
    assert [tuple(row) for row in names] == expected


def test_a_claim_stored_before_the_import_counts_once_as_present_through_a_plan_made_anew(
    db_url, tmp_path, monkeypatch
):
    from claims.db import open_session
    from claims.services.claims import add_claim

    with open_session(db_url) as session:
        add_claim(session, text=ROWS[0]["claim"], actor="before")
        session.commit()
    _another_writer_meanwhile(monkeypatch, db_url)
    summary = import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="t", batch_rows=1)
    # Stored before: the first claim; by the other writer: the second; created: the third.
    assert (summary.claims_created, summary.claims_present) == (1, 2)


@pytest.mark.parametrize("separate", [False, True], ids=["in-turn", "writing-process"])
def test_an_import_another_writer_keeps_getting_ahead_of_stops_cleanly(
    db_url, tmp_path, monkeypatch, separate
):
    """Planned anew only so often (here, never): then the batches before are stored and
    a re-run completes."""
    from claims.import_writer import ConcurrentWrite

    monkeypatch.setattr(importer, "REPLANS", 0)
    _another_writer_meanwhile(monkeypatch, db_url)
    monkeypatch.setattr(importer, "separate_process", lambda size: separate)
    path = write_csv(tmp_path / "rows.csv", ROWS)
    with pytest.raises(ConcurrentWrite, match="run the same import again"):
        import_file(db_url, path, actor="tester", batch_rows=1)
    assert len(content(db_url)["appearances"]) == 1  # batch 1's
    monkeypatch.undo()
    summary = import_file(db_url, path, actor="tester", batch_rows=1)
    assert summary.appearances_created == 2
    assert len(content(db_url)["appearances"]) == 3


def test_skip_bad_imports_the_good_rows_and_sets_the_bad_ones_aside(db_url, tmp_path):
    rows = [*ROWS, {"claim": "Bad date", "article": UNN_SHA, "quote": "Hungary"}]
    rows.insert(1, {"claim": "Quoted wrongly", "article": UNN_SHA, "quote": "words not there"})
    path = write_csv(tmp_path / "rows.csv", rows)
    summary = import_file(db_url, path, actor="tester", skip_bad=True)
    assert summary.rejected == 2
    assert summary.claims_created == 3
    with open(summary.rejects_file, encoding="utf-8", newline="") as file:
        rejects = list(csv.DictReader(file))
    assert [r["row"] for r in rejects] == ["3", "7"]
    assert "not in the article" in rejects[0]["reason"]
    assert "occurs" in rejects[1]["reason"]  # "Hungary" is in the article many times
    assert rejects[0]["claim"] == "Quoted wrongly"


def test_article_defined_inline_with_its_sha256_and_referenced_later(db_url, tmp_path):
    rows = [dict(ROWS[0], article=UNN_SHA), ROWS[1]]
    summary = import_file(db_url, write_jsonl(tmp_path / "rows.jsonl", rows), actor="tester")
    assert summary.articles_created == 1 and summary.appearances_created == 2


def test_claimreview_markup_becomes_claims_with_verdicts_and_notes(db_url, tmp_path):
    summary = import_file(db_url, DATA / "claimreview.json", actor="tester")
    assert summary.claims_created == 2 and summary.appearances_created == 0
    claims = {row[1]: row for row in content(db_url)["claims"]}
    patrols = claims[
        "Chinese police officers will patrol the streets of Hungarian cities under the new "
        "security agreement."
    ]
    assert patrols[3] == "Mostly false"
    assert "Fact-checked by Example Fact Check" in patrols[4]
    assert "Claimed by A viral Facebook post" in patrols[4]
    assert "First appeared in: https://www.facebook.com/example/posts/123456789" in patrols[4]
    assert (
        "Example News: https://news.example.com/2024/02/20/chinese-police-budapest" in (patrols[4])
    )
    assert content(db_url)["sources"] == []
    again = import_file(db_url, DATA / "claimreview.json", actor="tester")
    assert again.claims_created == 0 and again.claims_present == 2


def test_cli_prints_the_summary_on_stdout_only(cli, tmp_path):
    path = write_csv(tmp_path / "rows.csv", ROWS)
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["claims", "3", "0"]
    assert lines[3].split() == ["appearances", "3", "0"]
    again = cli("import", str(path), "--format", "csv")
    assert again.stdout.splitlines()[1].split() == ["claims", "0", "3"]


def test_cli_skip_bad_says_where_the_rejects_are(cli, tmp_path):
    path = write_csv(tmp_path / "rows.csv", [ROWS[0], {"claim": "x", "claim_status": "maybe"}])
    result = cli("import", str(path), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert "rows.csv.rejects.csv" in result.stderr
    assert (tmp_path / "rows.csv.rejects.csv").exists()


def test_a_named_encoding_is_read(cli, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes("claim,claim_notes\nOrbán met Wang in Budapest,café\n".encode("cp1252"))
    result = cli("import", str(path), "--encoding", "cp1252")
    assert result.exit_code == 0, result.output
    shown = cli("claim", "show", "1", "--format", "json")
    assert json.loads(shown.stdout)["text"] == "Orbán met Wang in Budapest"


def drift_state(url: str) -> tuple[list[tuple], list[tuple], int]:
    """(stored findings, findings a full recomputation gives, claims listed as pending)."""
    from claims.db import open_session
    from claims.models import DriftFinding
    from claims.services.drift import pending_drift, refresh_drift

    def findings(session):
        columns = [c for c in DriftFinding.__table__.columns if c.name != "id"]
        return sorted(tuple(map(str, row)) for row in session.execute(select(*columns)))

    with open_session(url, write=False) as session:
        stored, pending = findings(session), pending_drift(session)
        refresh_drift(session)
        fresh = findings(session)
        session.rollback()
    return stored, fresh, pending


def test_the_planner_knows_the_size_of_what_the_import_filled(db_url, tmp_path):
    if not db_url.startswith("postgresql"):
        pytest.skip("planner statistics are PostgreSQL's: SQLite's planner needs none")
    import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester", batch_rows=1)
    engine = create_engine(db_url)
    with engine.connect() as connection:
        estimated = connection.execute(
            text("SELECT reltuples FROM pg_class WHERE oid = 'appearances'::regclass")
        ).scalar_one()
        analysed = set(
            connection.execute(
                text(
                    "SELECT attname FROM pg_stats WHERE tablename = 'appearances' "
                    "AND schemaname = current_schema()"
                )
            ).scalars()
        )
    engine.dispose()
    assert estimated == 3  # never analysed, it would say -1
    # Only what look-ups go by: the quotations' text is not sampled.
    assert {"claim_id", "article_id"} <= analysed and "quote" not in analysed


def test_the_import_s_connections_plan_without_parallel_workers(db_url):
    if not db_url.startswith("postgresql"):
        pytest.skip("parallel query is PostgreSQL's")
    from claims.db import make_engine

    settings = {}
    for bulk in (True, False):
        engine = make_engine(db_url, bulk=bulk)
        with engine.connect() as connection:
            settings[bulk] = connection.exec_driver_sql(
                "SHOW max_parallel_workers_per_gather"
            ).scalar_one()
        engine.dispose()
    # The import's own connections only: analysts' queries keep the server's setting.
    assert settings[True] == "0" and settings[False] != "0"


def test_drift_is_current_when_the_import_returns_and_nothing_is_left_pending(db_url, tmp_path):
    import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester", batch_rows=1)
    stored, fresh, pending = drift_state(db_url)
    assert stored == fresh and stored  # the two carriers of the first claim differ
    assert pending == 0


def test_an_import_cut_short_before_its_drift_leaves_it_pending_and_a_rerun_completes(
    db_url, tmp_path, monkeypatch, cli
):
    path = write_csv(tmp_path / "rows.csv", ROWS)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(importer, "complete_drift", killed)
    with pytest.raises(KeyboardInterrupt):
        import_file(db_url, path, actor="tester", batch_rows=1)
    stored, fresh, pending = drift_state(db_url)
    assert pending == 2  # every claim the batches gave an appearance, named as lagging
    assert stored != fresh
    report = cli("report", "drift", "--format", "csv")
    assert report.exit_code == 0, report.output
    assert "2 claim(s) have drift findings to recompute (left by an unfinished" in report.stderr
    monkeypatch.undo()

    summary = import_file(db_url, path, actor="tester", batch_rows=1)
    assert summary.appearances_created == 0  # nothing left to write, only the drift
    stored, fresh, pending = drift_state(db_url)
    assert (stored, pending) == (fresh, 0)
    assert "pending" not in cli("report", "drift", "--format", "csv").stderr


def test_drift_stored_by_two_writing_processes_in_turn_is_complete(db_url, tmp_path, monkeypatch):
    """On PostgreSQL the drift step stores batches of claims two at a time, one per
    writing process: the claims of each batch are its own, so the findings are the same."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = tmp_path / "rows.jsonl"
    generate.write_flat(path, 200, seed=3)

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(importer, "complete_drift", killed)
    with pytest.raises(KeyboardInterrupt):
        import_file(db_url, path, actor="tester")
    monkeypatch.undo()
    _, _, pending = drift_state(db_url)
    batches: list[int] = []

    class Counted(BatchWriter):
        def submit(self, writes, label):
            batches.append(id(self))
            super().submit(writes, label)

    writers = [Counted(db_url, separate=True), Counted(db_url, separate=True)]
    try:
        done = importer.complete_drift(db_url, 5, writers=writers)
    finally:
        for writer in writers:
            writer.close()
    stored, fresh, left = drift_state(db_url)
    assert done == pending > 10 and left == 0
    assert stored == fresh and stored
    assert batches[:2] == [id(writers[1]), id(writers[0])] and len(set(batches)) == 2


def test_a_kill_while_drift_is_recomputed_leaves_it_pending_for_claims_drift(
    db_url, tmp_path, monkeypatch, cli
):
    from claims.services import drift

    real = drift.store_drift_rows
    calls: list[tuple[int, int]] = []

    def killed_after_recomputing(connection, ids, rows, *, cleared=False):
        real(connection, ids, rows, cleared=cleared)
        calls.append((len(ids), len(rows)))
        raise KeyboardInterrupt("killed")  # before the transaction commits

    monkeypatch.setattr(drift, "store_drift_rows", killed_after_recomputing)
    with pytest.raises(KeyboardInterrupt):
        import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester", batch_rows=1)
    monkeypatch.undo()
    stored, fresh, pending = drift_state(db_url)
    # The first claim recomputed, its findings rolled back.
    assert len(calls) == 1 and calls[0][0] == 1 and calls[0][1] >= 1
    assert pending == 2
    assert stored != fresh

    result = cli("drift", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "Recomputed the findings of 2 claim(s)" in result.stderr
    assert len(result.stdout.strip().splitlines()) - 1 == len(fresh)
    stored, fresh, pending = drift_state(db_url)
    assert (stored, pending) == (fresh, 0)


def _all_pending(url: str) -> list[int]:
    """Every claim listed in drift_pending, as an upgrade that changed the rules leaves it."""
    from claims.db import open_session
    from claims.models import Claim
    from claims.services.drift import mark_drift_pending, pending_claims

    with open_session(url) as session:
        mark_drift_pending(session, session.scalars(select(Claim.id)))
    with open_session(url, write=False) as session:
        return pending_claims(session.connection())


def test_claims_drift_of_one_claim_completes_that_claim_only(db_url, tmp_path, cli):
    import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester")
    listed = _all_pending(db_url)
    assert len(listed) >= 2
    result = cli("drift", str(listed[0]), "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "Recomputed the findings of 1 claim(s)" in result.stderr
    assert drift_state(db_url)[2] == len(listed) - 1


def test_claims_drift_completes_every_listed_claim_a_batch_at_a_time(
    db_url, tmp_path, cli, monkeypatch
):
    import cli.drift as command
    from claims.services import drift

    import_file(db_url, write_csv(tmp_path / "rows.csv", ROWS), actor="tester")
    listed = _all_pending(db_url)
    batches = []
    real = drift.refresh_pending_drift

    def counted(session, limit=None):
        batches.append(limit)
        return real(session, limit=limit)

    monkeypatch.setattr(command, "PENDING_BATCH", 1)
    monkeypatch.setattr(drift, "refresh_pending_drift", counted)
    result = cli("drift", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert f"Recomputed the findings of {len(listed)} claim(s)" in result.stderr
    assert batches == [1] * len(listed)
    stored, fresh, pending = drift_state(db_url)
    assert (stored, pending) == (fresh, 0)


def test_a_checked_row_set_aside_for_the_writing_pass_comes_back_the_same():
    from claims.flatrows import pack_row, parse_row, unpack_row

    full = {
        **ROWS[0],
        "claim_status": "approved",
        "claim_verdict": "accurate",
        "claim_notes": "a note",
        "article_cuts": [[0, 5, "advertisement"]],
        "article_url": "https://example.org/a",
        "article_title": "A title",
        "article_language": "en",
        "occurrence": "2",
        "provenance": "proposed",
        "accepted_by": "alice",
        "created_by": "bob",
    }
    for values in (full, ROWS[1], ROWS[3]):
        row = parse_row(values)
        assert unpack_row(pack_row(row)) == row
