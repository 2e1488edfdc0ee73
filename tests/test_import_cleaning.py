"""``claims import`` stores articles as ``claims article add`` does: raw, cuts, cleaned text."""

from __future__ import annotations

import json

from sqlalchemy import select

from claims.cleaning import apply_cuts, clean_text
from claims.db import open_session
from claims.importer import import_file
from claims.models import Appearance, Article, DriftFinding
from claims.services.articles import add_article, text_sha256
from claims.services.drift import refresh_drift
from tests.test_import import write_csv, write_jsonl

PAGE = """Port expansion approved after long debate
Port expansion approved after long debate
By Jane Roe
The city council approved the harbour expansion on Monday, officials told the Gazette.
Article continues after this advertisement
The council said the new quay will open in 2026, according to the mayor.
Subscribe to our newsletter for daily updates
Follow us on social media
"""
OTHER = """Harbour expansion gets the green light
The city council approved the harbour expansion on Monday, the mayor said.
The council said the new quay would open in 2027.
"""
APPROVED = "The city council approved the harbour expansion on Monday"


def page_row(**values) -> dict:
    row = {
        "claim": "The city council approved the harbour expansion.",
        "article_text": PAGE,
        "article_publisher": "Harbour Gazette",
        "article_published": "2024-03-01",
        "quote": APPROVED,
        "chain": "officials [told]",
    }
    row.update(values)
    return row


def stored(url: str, sha: str) -> tuple[str, str | None, list | None]:
    with open_session(url, write=False) as session:
        article = session.scalar(select(Article).where(Article.sha256 == sha))
        return article.text, article.raw_text, article.removed


def anchored(url: str) -> list[tuple[str, str]]:
    """Each appearance's stored quotation and the text at its span, which must agree."""
    with open_session(url, write=False) as session:
        return [
            (quote, text[start:end])
            for quote, start, end, text in session.execute(
                select(
                    Appearance.quote, Appearance.quote_start, Appearance.quote_end, Article.text
                ).join(Appearance.article)
            )
        ]


def test_recorded_cuts_are_applied_exactly(db_url, tmp_path):
    # Only the advertisement, though the rules would cut more: the file's cuts stand.
    start = PAGE.index("Article continues")
    end = PAGE.index("\n", start)
    row = page_row(article_cuts=json.dumps([[start, end, "advertisement"]]))
    import_file(db_url, write_jsonl(tmp_path / "rows.jsonl", [row]), actor="tester")
    text, raw, removed = stored(db_url, text_sha256(PAGE))
    assert raw == PAGE
    assert text == apply_cuts(PAGE, [(start, end, "advertisement")]).text
    assert "Subscribe to our newsletter" in text and "advertisement" not in text
    assert removed == [
        {"start": start, "end": end, "text": PAGE[start:end], "reason": "advertisement"}
    ]
    assert all(quote == span for quote, span in anchored(db_url))


def test_a_list_of_cuts_is_read_from_json_lines_too(db_url, tmp_path):
    row = page_row(article_cuts=[[0, 42, "repeated line"]])
    import_file(db_url, write_jsonl(tmp_path / "rows.jsonl", [row]), actor="tester")
    text, _, removed = stored(db_url, text_sha256(PAGE))
    assert [cut["reason"] for cut in removed] == ["repeated line"]
    assert text.startswith("Port expansion approved after long debate\nBy Jane Roe")


def test_empty_cuts_keep_the_text_whole(db_url, tmp_path):
    import_file(db_url, write_csv(tmp_path / "rows.csv", [page_row(article_cuts="[]")]), actor="t")
    assert stored(db_url, text_sha256(PAGE)) == (PAGE, PAGE, [])


def test_blank_cuts_clean_by_the_rules_keeping_every_quoted_line(db_url, tmp_path):
    sha = text_sha256(PAGE)
    rows = [
        page_row(),
        # Later rows, in later batches, quote lines the rules would cut: they are kept.
        {
            "claim": "Readers are asked to subscribe to a newsletter.",
            "article": sha,
            "quote": "Subscribe to our newsletter for daily updates",
        },
        {"claim": "The Gazette is on social media.", "article": sha, "quote": "Follow us"},
    ]
    summary = import_file(
        db_url, write_csv(tmp_path / "rows.csv", rows), actor="tester", batch_rows=1
    )
    assert summary.appearances_created == 3
    text, raw, removed = stored(db_url, sha)
    assert raw == PAGE
    reasons = {cut["reason"] for cut in removed}
    assert {"advertisement", "repeated line", "byline or timestamp"} <= reasons
    assert "Subscribe to our newsletter" in text and "Follow us on social media" in text
    assert "Article continues" not in text
    keep = [(PAGE.index(q), PAGE.index(q) + len(q)) for q in ("Subscribe", "Follow us")]
    assert (text, removed) == (
        clean_text(PAGE, keep=keep).text,
        [cut.as_dict() for cut in clean_text(PAGE, keep=keep).removed],
    )
    assert all(quote == span for quote, span in anchored(db_url))


def test_no_clean_stores_the_text_as_received(cli, db_url, tmp_path):
    result = cli("import", str(write_csv(tmp_path / "rows.csv", [page_row()])), "--no-clean")
    assert result.exit_code == 0, result.output
    assert stored(db_url, text_sha256(PAGE)) == (PAGE, PAGE, [])


def test_no_clean_still_applies_recorded_cuts(db_url, tmp_path):
    row = page_row(article_cuts=json.dumps([[0, 42, "repeated line"]]))
    import_file(db_url, write_csv(tmp_path / "rows.csv", [row]), actor="tester", clean=False)
    assert stored(db_url, text_sha256(PAGE))[2][0]["reason"] == "repeated line"


def test_rows_on_an_article_already_stored_anchor_in_its_cleaned_text(db_url, tmp_path):
    with open_session(db_url) as session:
        add_article(session, text=PAGE, outlet="Harbour Gazette", actor="a", create_sources=True)
        session.commit()
    before = stored(db_url, text_sha256(PAGE))
    rows = [
        # Given inline again (the text as received) and by reference: both use the stored one.
        page_row(),
        {
            "claim": "The new quay opens in 2026.",
            "article": text_sha256(PAGE),
            "quote": "the new quay will open in 2026",
        },
    ]
    summary = import_file(db_url, write_csv(tmp_path / "rows.csv", rows), actor="tester")
    assert (summary.articles_created, summary.appearances_created) == (0, 2)
    assert stored(db_url, text_sha256(PAGE)) == before
    assert all(quote == span for quote, span in anchored(db_url))


def test_drift_findings_are_those_a_recomputation_gives(db_url, tmp_path):
    rows = [
        page_row(),
        page_row(
            article_text=OTHER,
            article_publisher="Harbour Bulletin",
            chain="the mayor [said]",
        ),
        page_row(
            claim="The new quay opens in 2026.",
            article_text=None,
            article_publisher=None,
            article_published=None,
            article=text_sha256(PAGE),
            quote="the new quay will open in 2026",
            chain=None,
        ),
        page_row(
            claim="The new quay opens in 2026.",
            article_text=None,
            article_publisher=None,
            article_published=None,
            article=text_sha256(OTHER),
            quote="the new quay would open in 2027",
            chain=None,
        ),
    ]
    import_file(db_url, write_csv(tmp_path / "rows.csv", rows), actor="tester", batch_rows=1)

    def findings(session):
        columns = [c for c in DriftFinding.__table__.columns if c.name != "id"]
        return sorted(tuple(map(str, row)) for row in session.execute(select(*columns)))

    with open_session(db_url, write=False) as session:
        imported = findings(session)
        kinds = set(session.scalars(select(DriftFinding.kind)))
        refresh_drift(session)
        fresh = findings(session)
        session.rollback()
    assert imported == fresh
    assert {"attribution", "wording"} <= kinds, imported  # the source, and the words


def _stored_meanwhile(db_url) -> None:
    """Another program stores the page as ``claims article add`` does: cleaned."""
    with open_session(db_url) as session:
        add_article(session, text=PAGE, outlet="Harbour Gazette", actor="x", create_sources=True)
        session.commit()


def test_a_span_found_in_the_files_text_is_not_used_in_a_text_stored_meanwhile(
    db_url, tmp_path, monkeypatch
):
    """The row keeps its article whole, so checking anchors the quotation in the text as
    received; the same article (same SHA-256), stored cleaned by another program before
    the writing pass, holds another text: the quotation is found in that one."""
    from claims import importer

    real_write = importer._write

    def meanwhile(*args, **kwargs):
        _stored_meanwhile(db_url)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(importer, "_write", meanwhile)
    import_file(db_url, write_csv(tmp_path / "rows.csv", [page_row(article_cuts="[]")]), actor="t")
    with open_session(db_url, write=False) as session:
        assert list(session.scalars(select(Appearance.quote))) == [APPROVED]


def test_a_batch_planned_anew_finds_its_quotation_in_the_article_stored_meanwhile(
    db_url, tmp_path, monkeypatch
):
    """The same, when the other program stores the article after batch 2 is planned: the
    batch fails on the article's key, is planned anew, and finds the stored article."""
    from claims.import_writer import BatchWriter

    real_submit = BatchWriter.submit
    submits = []

    def submit(self, writes, label, **kwargs):
        submits.append(label)
        if len(submits) == 2:
            self.wait()
            _stored_meanwhile(db_url)
        real_submit(self, writes, label, **kwargs)

    monkeypatch.setattr(BatchWriter, "submit", submit)
    rows = [{"claim": "Something else entirely."}, page_row(article_cuts="[]")]
    import_file(db_url, write_csv(tmp_path / "rows.csv", rows), actor="t", batch_rows=1)
    assert submits.count("batch 2 (rows 3-3)") == 2  # planned anew
    with open_session(db_url, write=False) as session:
        assert list(session.scalars(select(Appearance.quote))) == [APPROVED]
