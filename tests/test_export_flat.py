"""The flat rows (CSV and JSON Lines) say exactly what the database holds, in a fixed order."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select

from claims.anchoring import find_quotation
from claims.chains import StatedHop, parse_chain
from claims.cleaning import apply_cuts
from claims.db import open_session
from claims.export import export
from claims.export.flat import FIELDS, flat_rows
from claims.export.selection import batches, iter_rows
from claims.models import Appearance, Article, Claim
from tests.export_data import (
    HARBOUR_CLAIM,
    LONELY_CLAIM,
    ODD_NOTES,
    XINHUA_CLAIM,
    load,
    selection,
)


@pytest.fixture
def url(db_url):
    load(db_url)
    return db_url


def exported(url: str, **options) -> list[dict]:
    """The rows of claims (the source rows and article rows before them left out)."""
    return [row for row in all_rows(url, **options) if row["claim"] is not None]


def all_rows(url: str, **options) -> list[dict]:
    with open_session(url, write=False) as session:
        return list(flat_rows(session, selection(session, **options)))


def appearance_count(url: str) -> int:
    with open_session(url, write=False) as session:
        return len(session.scalars(select(Appearance.id)).all())


def test_one_row_per_appearance_and_one_per_claim_without_any(url):
    rows = exported(url)
    assert all(list(row) == list(FIELDS) for row in rows)
    with_article = [row for row in rows if row["article"] is not None]
    assert len(with_article) == appearance_count(url)
    lonely = [row for row in rows if row["claim"] == LONELY_CLAIM]
    assert len(lonely) == 1
    assert lonely[0]["article"] is None and lonely[0]["quote"] is None
    assert lonely[0]["article_text"] is None
    assert lonely[0]["created_by"] == "export-test"


def test_article_text_and_metadata_only_on_the_first_row_of_each_article(url):
    rows = exported(url)
    with open_session(url, write=False) as session:
        stored = {
            sha: (text, raw, removed)
            for sha, text, raw, removed in session.execute(
                select(Article.sha256, Article.text, Article.raw_text, Article.removed)
            )
        }
    texts = {sha: text for sha, (text, _, _) in stored.items()}
    seen = set()
    for row in rows:
        if row["article"] is None:
            continue
        if row["article"] in seen:
            assert row["article_text"] is None and row["article_publisher"] is None
            assert row["article_cuts"] is None
        else:
            seen.add(row["article"])
            text, raw, removed = stored[row["article"]]
            # The text as received, with the cuts that turn it into the stored text.
            assert row["article_text"] == (raw if raw is not None else text)
            cuts = json.loads(row["article_cuts"])
            assert cuts == [[cut["start"], cut["end"], cut["reason"]] for cut in removed or []]
            assert apply_cuts(row["article_text"], cuts).text == text
            assert row["article_publisher"]
    assert seen == set(texts)
    radio = next(row for row in rows if row["article_publisher"] == "Harbour Radio")
    assert radio["article_published"] == "2024-02-01"
    assert radio["article_url"] == "https://radio.example/bulletin"
    assert radio["article_origin"] is None


def test_order_is_claim_then_record_order(url):
    """Drift reads record order as upstream order; an import records rows in file order."""
    rows = exported(url)
    with open_session(url, write=False) as session:
        ids = dict(session.execute(select(Claim.text, Claim.id)).all())
        recorded = session.execute(
            select(Claim.id, Article.sha256, Appearance.quote)
            .join(Appearance.claim)
            .join(Appearance.article)
            .order_by(Claim.id, Appearance.id)
        ).all()
    keys = [(ids[row["claim"]], row["article"] or "") for row in rows]
    assert [key[0] for key in keys] == sorted(key[0] for key in keys)
    written = [(ids[row["claim"]], row["article"], row["quote"]) for row in rows if row["quote"]]
    assert written == [tuple(row) for row in recorded]
    harbour = [row for row in rows if row["claim"] == HARBOUR_CLAIM]
    assert [row["occurrence"] for row in harbour] == [1, 2]


def test_occurrence_finds_the_same_passage_again(url):
    """Each row's quotation and occurrence anchor back to the stored span, as import does."""
    rows = exported(url)
    with open_session(url, write=False) as session:
        texts = dict(session.execute(select(Article.sha256, Article.text)).all())
        spans = {
            (claim, sha, quote_start)
            for claim, sha, quote_start in session.execute(
                select(Claim.text, Article.sha256, Appearance.quote_start)
                .join(Appearance.claim)
                .join(Appearance.article)
            )
        }
    checked = 0
    for row in rows:
        if row["quote"] is None:
            continue
        anchor = find_quotation(texts[row["article"]], row["quote"], occurrence=row["occurrence"])
        assert (row["claim"], row["article"], anchor.start) in spans
        assert anchor.exact == row["quote"]
        checked += 1
    assert checked == len(spans)
    repeated = [row for row in rows if row["occurrence"] is not None]
    # The seed headline (printed three times) and the bulletin's passage read out twice.
    assert {row["claim"] for row in repeated} >= {HARBOUR_CLAIM}
    assert all(row["occurrence"] >= 1 for row in repeated)


def test_chain_holds_the_stated_hops_only_and_parses_back(url):
    rows = exported(url)
    with open_session(url, write=False) as session:
        stated = {}
        for row in iter_rows(session, selection(session)):
            if row.appearance_id is not None:
                key = (row.claim_text, row.article_sha256, row.quote)
                stated[key] = [StatedHop(hop.name, hop.cue) for hop in row.stated_hops]
    for row in rows:
        if row["quote"] is None:
            continue
        assert parse_chain(row["chain"]) == stated[(row["claim"], row["article"], row["quote"])]
    xinhua = [row["chain"] for row in rows if row["claim"] == XINHUA_CLAIM]
    assert "Wang Xiaohong [told] > Xinhua [said]" in xinhua
    assert None in xinhua  # the bulletin's sentence names no source
    assert not any(
        "Reuters" in (row["chain"] or "") for row in rows if row["claim"] == XINHUA_CLAIM
    )


def test_batches_of_any_size_give_the_same_rows(url):
    with open_session(url, write=False) as session:
        chosen = selection(session)
        whole = [row for batch in batches(session, chosen, batch_size=10_000) for row in batch]
        small = [row for batch in batches(session, chosen, batch_size=3) for row in batch]
    assert small == whole
    assert len(whole) > 3


def write(url: str, fmt: str, **options) -> str:
    buffer = io.StringIO()
    with open_session(url, write=False) as session:
        export(session, selection(session, **options), fmt, buffer)
    return buffer.getvalue()


def test_jsonl_and_csv_carry_the_same_rows_and_csv_is_not_neutralised(url):
    # str.splitlines() breaks at more than newlines: records must survive it too.
    from_jsonl = [json.loads(line) for line in write(url, "jsonl").splitlines()]
    text = write(url, "csv")
    from_csv = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(from_csv[0]) == list(FIELDS)
    assert len(from_csv) == len(from_jsonl)
    for left, right in zip(from_jsonl, from_csv, strict=True):
        expected = {k: "" if v is None else str(v) for k, v in left.items()}
        assert right == expected
    # Data, not a spreadsheet: a cell that looks like a formula keeps its first character.
    assert any(row["claim"] == LONELY_CLAIM for row in from_csv)
    # Article texts with line breaks stay one field, and so does every odd character.
    assert any("\n" in row["article_text"] for row in from_csv)
    lonely = next(row for row in from_csv if row["claim"] == LONELY_CLAIM)
    assert lonely["claim_notes"] == ODD_NOTES


def test_export_is_deterministic(url):
    assert write(url, "csv") == write(url, "csv")
    assert write(url, "jsonl") == write(url, "jsonl")


def test_selection_by_claim_outlet_dates_and_status(url):
    with open_session(url, write=False) as session:
        ids = dict(session.execute(select(Claim.text, Claim.id)).all())
    rows = exported(url, claim_ids=[ids[XINHUA_CLAIM], ids[LONELY_CLAIM]])
    assert {row["claim"] for row in rows} == {XINHUA_CLAIM, LONELY_CLAIM}
    assert len(rows) == 4  # two seed articles, the bulletin, and the claim without appearance

    radio = exported(url, outlets=["harbour radio"])
    assert {row["claim"] for row in radio} == {HARBOUR_CLAIM, XINHUA_CLAIM}
    assert radio[0]["article_text"] is not None  # the first row of a selection carries the text

    early = exported(url, until="2024-02-10")
    assert {row["article_publisher"] for row in early if row["article_text"]} == {"Harbour Radio"}
    late = exported(url, since="2024-02-10")
    assert "Harbour Radio" not in {row["article_publisher"] for row in late}
    assert LONELY_CLAIM not in {row["claim"] for row in late}  # date filters select appearances
    assert len(early) + len(late) == appearance_count(url)

    drafts = exported(url, status="draft")
    assert LONELY_CLAIM in {row["claim"] for row in drafts}
    assert {row["claim_status"] for row in drafts} == {"draft"}
    assert exported(url, status="approved") == []
