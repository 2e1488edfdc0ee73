"""Export the whole database, import it into an empty one: the same database comes back.

Not only the claims, articles, appearances and chains the rows of claims carry, but what
no appearance says: sources with their kinds, aliases and details, sources no chain
names, and articles no claim is found in yet.
"""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased

from claims.db import open_session
from claims.models import Appearance, Article, ChainHop, Claim, Source, SourceAlias
from claims.reports import REPORTS
from tests.conftest import Cli, table_rows
from tests.test_roundtrip import comparable

LOCAL_NEWS = "The harbour will close for repairs next winter, the council announced on Friday.\n"
# Tables an import adds to whatever it finds: its audit entries.
LOGS = ("audit_log",)


def sources(url: str) -> dict:
    with open_session(url, write=False) as session:
        found = {
            source.name: (
                source.kind,
                source.country,
                source.url,
                source.notes,
                sorted(alias.alias for alias in source.aliases),
            )
            for source in session.scalars(select(Source))
        }
        assert session.scalar(select(SourceAlias.id).limit(1)) is not None
    return found


def articles(url: str) -> dict:
    publisher, origin = aliased(Source), aliased(Source)
    with open_session(url, write=False) as session:
        rows = session.execute(
            select(
                Article.sha256,
                Article.text,
                Article.raw_text,
                Article.removed,
                publisher.name,
                origin.name,
                Article.origin_cue,
                Article.url,
                Article.title,
                Article.published,
                Article.language,
                Article.created_by,
            )
            .join(publisher, publisher.id == Article.publisher_id)
            .outerjoin(origin, origin.id == Article.origin_id)
        )
        return {row[0]: tuple(row[1:]) for row in rows}


def claims(url: str) -> dict:
    with open_session(url, write=False) as session:
        rows = session.execute(
            select(
                Claim.key, Claim.text, Claim.status, Claim.verdict, Claim.notes, Claim.created_by
            )
        )
        return {row[0]: tuple(row[1:]) for row in rows}


def appearances(url: str) -> dict:
    """Each appearance by claim, article and span, with its chain: source, cue, role, evidence."""
    with open_session(url, write=False) as session:
        hops: dict[int, list] = {}
        for appearance_id, name, cue, role, start, end in session.execute(
            select(
                ChainHop.appearance_id,
                Source.name,
                ChainHop.cue,
                ChainHop.role,
                ChainHop.evidence_start,
                ChainHop.evidence_end,
            )
            .join(Source, Source.id == ChainHop.source_id)
            .order_by(ChainHop.appearance_id, ChainHop.position)
        ):
            hops.setdefault(appearance_id, []).append((name, cue, role, start, end))
        rows = session.execute(
            select(
                Appearance.id,
                Claim.key,
                Article.sha256,
                Appearance.quote_start,
                Appearance.quote_end,
                Appearance.quote,
                Appearance.prefix,
                Appearance.suffix,
                Appearance.quoted,
                Appearance.provenance,
                Appearance.accepted_by,
                Appearance.created_by,
            )
            .join(Claim, Claim.id == Appearance.claim_id)
            .join(Article, Article.id == Appearance.article_id)
        )
        return {tuple(row[1:5]): (*row[5:], hops.get(row[0], [])) for row in rows}


def reports(url: str) -> dict:
    with open_session(url, write=False) as session:
        return {name: comparable(build(session)) for name, build in REPORTS.items()}


@pytest.fixture
def original(tmp_path, sqlite_template) -> str:
    """The seeds, an article no claim is found in yet, and a source no chain names."""
    path = tmp_path / "original.db"
    shutil.copy(sqlite_template, path)
    cli = Cli(f"sqlite:///{path}")
    for args in [
        ("seed",),
        (
            "source", "add", "Harbour Authority", "--kind", "state_body", "--country", "NZ",
            "--url", "https://harbour.example", "--alias", "the port authority",
            "--alias", "HA",
        ),
        (
            "article", "add", tmp_path / "local.txt", "--outlet", "Local News",
            "--create-sources", "--published", "2024-03-02", "--title", "Harbour to close",
            "--url", "https://local.example/harbour", "--language", "en",
        ),
    ]:  # fmt: skip
        (tmp_path / "local.txt").write_text(LOCAL_NEWS, encoding="utf-8")
        result = cli(*args)
        assert result.exit_code == 0, result.output
    return cli.url


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_whole_database_comes_back_the_same(fmt, original, db_url, tmp_path):
    import pandas as pd

    exported = tmp_path / f"all.{fmt}"
    result = Cli(original)("export", "-o", exported)
    assert result.exit_code == 0, result.output
    result = Cli(db_url)("import", exported)
    assert result.exit_code == 0, result.output

    got = sources(db_url)
    assert got == sources(original)
    assert len(got) == 13  # the seeds' 11, the unnamed Harbour Authority, Local News
    assert got["Wang Xiaohong"][0] == "person"
    assert articles(db_url) == articles(original)
    assert claims(db_url) == claims(original)
    assert appearances(db_url) == appearances(original)
    expected, imported = reports(original), reports(db_url)
    for name in REPORTS:
        pd.testing.assert_frame_equal(imported[name], expected[name], obj=f"report {name}")
    outlets = imported["outlets"]
    assert "Local News" in outlets.iloc[:, 0].tolist()

    # Importing the same file again finds everything and changes nothing.
    before = table_rows(db_url)
    result = Cli(db_url)("import", exported)
    assert result.exit_code == 0, result.output
    after = table_rows(db_url)
    assert {k: v for k, v in after.items() if k not in LOGS} == {
        k: v for k, v in before.items() if k not in LOGS
    }

    # What the other formats say of a source's kind follows.
    result = Cli(db_url)("export", "-f", "claimreview", "--publisher", "Fact Desk")
    assert result.exit_code == 0, result.output
    authors = [
        node["itemReviewed"]["author"] if node["@type"] == "ClaimReview" else node.get("author")
        for node in json.loads(result.stdout)["@graph"]
    ]
    flat = [
        a
        for author in authors
        if author
        for a in (author if isinstance(author, list) else [author])
    ]
    assert {"@type": "Person", "name": "Wang Xiaohong"} in flat


def test_a_selection_carries_the_sources_it_names(original, tmp_path):
    exported = tmp_path / "inquirer.jsonl"
    result = Cli(original)("export", "--outlet", "Inquirer", "-o", exported)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    named = {row["source"] for row in rows if row["source"]}
    assert {"Inquirer", "Reuters", "Xinhua", "Wang Xiaohong"} <= named
    assert not named & {"UNN", "Harbour Authority", "Local News"}
    # The article no claim is found in is not the Inquirer's: it stays out.
    assert all(row["claim"] or row["source"] for row in rows)

    local = Cli(original)("export", "--outlet", "Local News", "-f", "csv")
    assert local.exit_code == 0, local.output
    assert "Harbour to close" in local.stdout
    by_claim = Cli(original)("export", "--claim", "1")
    assert by_claim.exit_code == 0, by_claim.output
    assert "Harbour to close" not in by_claim.stdout


def test_source_rows_complete_a_stored_source_but_never_overwrite_it(cli, db_url, tmp_path):
    for args in [
        ("source", "add", "Xinhua", "--kind", "organisation"),
        ("source", "add", "Wang Xiaohong", "--country", "CN"),
    ]:
        result = cli(*args)
        assert result.exit_code == 0, result.output
    rows = [
        {"source": "Xinhua", "source_kind": "news_agency", "source_aliases": ["New China"],
         "source_country": "CN"},
        {"source": "Wang Xiaohong", "source_kind": "person", "source_country": "HK",
         "source_aliases": '["Wang"]'},
        {"source": "New Outlet", "source_kind": "outlet", "source_url": "https://new.example",
         "created_by": "alice"},
        {"claim": "Ties deepen.", "article_text": "Ties deepen, Wang said, New China reported.",
         "article_publisher": "New Outlet", "quote": "Ties deepen",
         "chain": "Wang [said] > New China [reported]"},
    ]  # fmt: skip
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = cli("import", path)
    assert result.exit_code == 0, result.output

    got = sources(db_url)
    # Curated kind stays; a blank country is filled, a given one is not replaced.
    assert got["Xinhua"] == ("organisation", "CN", None, None, ["New China", "Xinhua"])
    assert got["Wang Xiaohong"] == ("person", "CN", None, None, ["Wang", "Wang Xiaohong"])
    assert got["New Outlet"] == ("outlet", None, "https://new.example", None, ["New Outlet"])
    assert set(got) == {"Xinhua", "Wang Xiaohong", "New Outlet"}  # the chain's aliases resolved
    chain = next(iter(appearances(db_url).values()))[-1]
    assert [(name, role) for name, _, role, _, _ in chain] == [
        ("Wang Xiaohong", "stated"),
        ("Xinhua", "stated"),
        ("New Outlet", "publisher"),
    ]
    assert chain[0][3] is not None  # evidence found through the alias the file added

    before = table_rows(db_url)
    result = cli("import", path)
    assert result.exit_code == 0, result.output
    after = table_rows(db_url)
    assert {k: v for k, v in after.items() if k not in LOGS} == {
        k: v for k, v in before.items() if k not in LOGS
    }


@pytest.mark.parametrize(
    "row,column,match",
    [
        ({"claim": "A.", "source": "X"}, "claim", "a source row cannot hold claim"),
        ({"claim": "A.", "source_kind": "person"}, "source_kind", "belong on a source row"),
        ({"source": "X", "source_kind": "planet"}, "source_kind", "unknown source kind"),
        ({"source": "X", "source_aliases": "X, Y"}, "source_aliases", "json list"),
        ({"source": "#3"}, "source", "reference"),
        (
            # a quotation without its claim: the claim is what was forgotten
            {"article_text": "Text.", "article_publisher": "P", "quote": "Text"},
            "claim",
            "a row with a quotation names its claim",
        ),
        (
            {"article_text": "Text.", "article_publisher": "P", "chain": "Wang [said]"},
            "chain",
            "an article row (no claim) cannot hold chain",
        ),
    ],
)
def test_rows_without_a_claim_are_checked(row, column, match):
    from claims.flatrows import RowProblems, parse_row

    with pytest.raises(RowProblems) as caught:
        parse_row(row)
    assert any(c == column and match in reason.lower() for c, reason in caught.value.problems), (
        caught.value.problems
    )


def test_an_alias_that_is_another_sources_name_is_refused(cli, tmp_path):
    result = cli("source", "add", "Reuters", "--kind", "news_agency")
    assert result.exit_code == 0, result.output
    path = tmp_path / "rows.csv"
    path.write_text('claim,source,source_aliases\n,Thomson,"[""Reuters""]"\n', encoding="utf-8")
    result = cli("import", path)
    assert result.exit_code == 1
    assert "'Reuters' is the name of the source 'Reuters'" in result.output


def test_a_country_stored_before_codes_were_checked_comes_back_as_it_was(cli, db_url, tmp_path):
    from claims.db import open_session as session_of
    from tests.legacy_data import unchecked_source

    with session_of(db_url) as session:
        unchecked_source(session, "Magyar Hirlap", "outlet", country="Hungary")
    path = tmp_path / "out.jsonl"
    assert cli("export", "-o", str(path)).exit_code == 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {"source": "Magyar Hirlap", "source_country": "Hungary"}.items() <= next(
        row for row in rows if row.get("source") == "Magyar Hirlap"
    ).items()
    imported = cli("import", str(path))
    assert imported.exit_code == 0, imported.output


def test_a_csv_of_source_rows_needs_no_claim_column(cli, db_url, tmp_path):
    path = tmp_path / "sources.csv"
    path.write_text("source,source_kind\nCSV Source,person\n", encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.output
    shown = cli("source", "show", "CSV Source", "--format", "json")
    assert '"kind": "person"' in shown.stdout
