"""Reports on a small made-up newsroom, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from claims.errors import InvalidInput
from claims.reports import REPORTS, build
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim
from claims.services.review import submit
from claims.services.sources import add_source
from claims.workbook import write_xlsx

ACTOR = "analyst"
PLANET_TEXT = (
    'Minister Jane Doe told reporters that "the bridge will open in May", the State Agency '
    "said.\n\nOfficials said exports rose five percent last year."
)
STAR_TEXT = "Jane Doe said on Monday that the bridge will open in May, weeks ahead of the campaign."
PORT_TEXT = "The State Agency reported that the bridge will open in May."
GAZETTE_TEXT = "Rain is expected on Sunday."

EMPTY_COLUMNS = {
    "carriers": ["claim_id", "claim", "status"],
    "chains": [
        "appearance_id",
        "claim_id",
        "claim",
        "outlet",
        "article_id",
        "article",
        "published",
        "quotation",
        "quoted",
        "chain",
        "cues",
        "provenance",
    ],
    "outlets": ["outlet", "articles", "claims", "appearances", "upstream"],
    "claims": [
        "claim_id",
        "claim",
        "status",
        "verdict",
        "outlets",
        "appearances",
        "created_by",
        "created_at",
        "updated_at",
    ],
    "derivation": [
        "article_a",
        "outlet_a",
        "published_a",
        "article_b",
        "outlet_b",
        "published_b",
        "sentences_a",
        "sentences_b",
        "share_a_in_b",
        "share_b_in_a",
        "mean_score",
        "relation",
        "derived",
        "upstream",
        "basis",
    ],
}


@pytest.fixture
def newsroom(session):
    """Three outlets, a wire, four articles, three claims (one carried nowhere), four appearances.

    Daily Planet carries the bridge claim twice (once via the Wire Agency) and
    the exports claim once; Morning Star carries the bridge claim in an undated,
    untitled article; Quiet Gazette publishes but carries nothing.
    """
    for outlet in ("Daily Planet", "Morning Star", "Quiet Gazette"):
        add_source(session, name=outlet, kind="outlet", actor=ACTOR)
    add_source(session, name="Wire Agency", kind="news_agency", actor=ACTOR)
    planet = add_article(
        session,
        text=PLANET_TEXT,
        outlet="Daily Planet",
        origin="Wire Agency",
        origin_cue="citing",
        published="2024-02-19",
        title="Bridge to open in May",
        actor=ACTOR,
    )
    star = add_article(session, text=STAR_TEXT, outlet="Morning Star", actor=ACTOR)
    port = add_article(
        session, text=PORT_TEXT, outlet="Daily Planet", published="2024-02-18", actor=ACTOR
    )
    add_article(
        session, text=GAZETTE_TEXT, outlet="Quiet Gazette", published="2024-03-01", actor=ACTOR
    )
    bridge = add_claim(session, text="The bridge will open in May.", actor=ACTOR)
    exports = add_claim(session, text="Exports rose five percent last year.", actor=ACTOR)
    cheese = add_claim(session, text="The moon is made of cheese.", verdict="false", actor=ACTOR)
    session.flush()

    def appear(claim, article, quote, chain):
        return add_appearance(
            session,
            claim_id=claim.id,
            article_id=article.id,
            quote=quote,
            chain=chain,
            create_sources=True,
            actor=ACTOR,
        ).id

    ids = SimpleNamespace(
        bridge=bridge.id,
        exports=exports.id,
        cheese=cheese.id,
        planet=planet.id,
        star=star.id,
        port=port.id,
        bridge_planet=appear(
            bridge, planet, "the bridge will open in May", "Jane Doe [told] > State Agency [said]"
        ),
        bridge_star=appear(bridge, star, "the bridge will open in May", "Jane Doe [said]"),
        bridge_port=appear(bridge, port, "the bridge will open in May", "State Agency [reported]"),
        exports_planet=appear(
            exports, planet, "exports rose five percent last year", "Officials [said]"
        ),
    )
    submit(session, exports.id, actor=ACTOR)
    session.flush()
    return ids


def cells(frame: pd.DataFrame, column: str) -> list:
    """A column as plain values, every kind of missing as None, to compare with a literal."""
    return [None if pd.isna(value) else value for value in frame[column]]


def test_reports_are_registered_in_order():
    assert list(REPORTS) == ["carriers", "chains", "outlets", "claims", "drift", "derivation"]


def test_unknown_report_names_the_known_ones():
    with pytest.raises(InvalidInput, match="carriers, chains, outlets, claims, drift"):
        build("carrier", None)


@pytest.mark.parametrize("name", list(EMPTY_COLUMNS))
def test_empty_database_gives_columns_and_no_rows(session, name):
    frame = build(name, session)
    assert list(frame.columns) == EMPTY_COLUMNS[name]
    assert frame.empty


def test_carriers_counts_appearances_per_outlet_and_leaves_the_rest_blank(session, newsroom):
    frame = build("carriers", session)
    assert list(frame.columns) == [
        "claim_id",
        "claim",
        "status",
        "Daily Planet",
        "Morning Star",
        "Quiet Gazette",
    ]
    assert list(frame["claim_id"]) == [newsroom.bridge, newsroom.exports, newsroom.cheese]
    assert list(frame["status"]) == ["draft", "in_review", "draft"]
    assert cells(frame, "Daily Planet") == [2, 1, None]
    assert cells(frame, "Morning Star") == [1, None, None]
    assert cells(frame, "Quiet Gazette") == [None, None, None]
    assert all(str(frame[outlet].dtype) == "Int64" for outlet in frame.columns[3:])


def test_carriers_has_a_row_for_a_claim_the_session_has_not_committed(session, newsroom):
    add_claim(session, text="Tolls will double next year.", actor=ACTOR)
    frame = build("carriers", session)
    assert list(frame["claim"])[-1] == "Tolls will double next year."
    assert [cells(frame, outlet)[-1] for outlet in frame.columns[3:]] == [None, None, None]


def test_carriers_puts_counts_on_their_claims_row_when_ids_have_gaps(session, newsroom):
    gone = add_claim(session, text="Tolls will double next year.", actor=ACTOR)
    session.flush()
    session.delete(gone)
    campaign = add_claim(session, text="The campaign starts in June.", actor=ACTOR)
    session.flush()
    add_appearance(
        session, claim_id=campaign.id, article_id=newsroom.star, quote="the campaign", actor=ACTOR
    )
    frame = build("carriers", session)
    assert list(frame["claim_id"]) == [
        newsroom.bridge,
        newsroom.exports,
        newsroom.cheese,
        campaign.id,
    ]
    assert campaign.id > newsroom.cheese + 1
    assert cells(frame, "Morning Star") == [1, None, None, 1]
    assert cells(frame, "Daily Planet") == [2, 1, None, None]


def test_carriers_gives_outlets_named_like_a_column_labels_of_their_own(session, newsroom):
    names = ["status", "status (outlet)", "claim_id", "claim (outlet)", "claim"]
    for name in names:
        add_source(session, name=name, kind="outlet", actor=ACTOR)
        article = add_article(
            session, text=f"{name} says the bridge will open in May.", outlet=name, actor=ACTOR
        )
        session.flush()
        add_appearance(
            session,
            claim_id=newsroom.bridge if name != "claim" else newsroom.exports,
            article_id=article.id,
            quote="the bridge will open in May" if name != "claim" else "bridge",
            actor=ACTOR,
        )
    frame = build("carriers", session)
    assert len(set(frame.columns)) == len(frame.columns) == 3 + 3 + len(names)
    assert list(frame.columns[:3]) == ["claim_id", "claim", "status"]
    assert list(frame["status"]) == ["draft", "in_review", "draft"]
    outlets = set(frame.columns[3:])
    assert outlets == {
        "Daily Planet",
        "Morning Star",
        "Quiet Gazette",
        "status (outlet)",  # the outlet of that name keeps it
        "status (outlet 2)",  # the outlet "status"
        "claim_id (outlet)",
        "claim (outlet)",
        "claim (outlet 2)",
    }
    for label in outlets - {"Daily Planet", "Morning Star", "Quiet Gazette", "claim (outlet 2)"}:
        assert cells(frame, label) == [1, None, None], label
    assert cells(frame, "claim (outlet 2)") == [None, 1, None]


def test_carriers_reads_ids_a_slice_at_a_time_with_the_same_result(session, newsroom, monkeypatch):
    import claims.reports.carriers as carriers_module

    whole = build("carriers", session)
    monkeypatch.setattr(carriers_module, "ID_SLICE", 1)
    sliced = build("carriers", session)
    pd.testing.assert_frame_equal(sliced, whole)
    assert cells(sliced, "Daily Planet") == [2, 1, None]


def test_chains_render_stated_hops_then_origin_then_publisher(session, newsroom):
    frame = build("chains", session).set_index("appearance_id")
    planet = frame.loc[newsroom.bridge_planet]
    assert planet["chain"] == "Jane Doe → State Agency → Wire Agency → Daily Planet"
    assert planet["cues"] == "told → said → citing → —"
    assert planet["outlet"] == "Daily Planet"
    assert planet["article"] == "Bridge to open in May"
    assert planet["published"] == dt.date(2024, 2, 19)
    assert planet["quotation"] == "the bridge will open in May"
    assert planet["quoted"]
    assert planet["provenance"] == "manual"
    star = frame.loc[newsroom.bridge_star]
    assert star["chain"] == "Jane Doe → Morning Star"
    assert star["cues"] == "said → —"
    assert not star["quoted"]
    # untitled: its opening words, cut as article listings cut them
    assert star["article"] == " ".join(STAR_TEXT.split())[:59] + "…"
    assert pd.isna(star["published"])
    assert frame.loc[newsroom.exports_planet, "chain"] == "Officials → Wire Agency → Daily Planet"


def test_chains_order_by_claim_then_date_with_undated_last(session, newsroom):
    frame = build("chains", session)
    assert list(frame["appearance_id"]) == [
        newsroom.bridge_port,  # 2024-02-18
        newsroom.bridge_planet,  # 2024-02-19
        newsroom.bridge_star,  # no date: last on both backends
        newsroom.exports_planet,
    ]


def test_chains_fetch_hops_in_one_query_not_one_per_appearance(session, newsroom):
    statements: list[str] = []
    engine = session.connection().engine

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        build("chains", session)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == 2, statements


def test_outlets_count_and_rank_upstream_sources(session, newsroom):
    frame = build("outlets", session)
    assert list(frame["outlet"]) == ["Daily Planet", "Morning Star", "Quiet Gazette"]
    assert list(frame["articles"]) == [2, 1, 1]
    assert list(frame["claims"]) == [2, 1, 0]
    assert list(frame["appearances"]) == [3, 1, 0]
    assert list(frame["upstream"]) == [
        "State Agency ×2; Wire Agency ×2; Jane Doe ×1; Officials ×1",
        "Jane Doe ×1",
        "",
    ]


def test_claims_list_counts_outlets_and_appearances(session, newsroom):
    frame = build("claims", session)
    assert list(frame["claim_id"]) == [newsroom.bridge, newsroom.exports, newsroom.cheese]
    assert list(frame["outlets"]) == [2, 1, 0]
    assert list(frame["appearances"]) == [3, 1, 0]
    assert cells(frame, "verdict") == [None, None, "false"]
    assert set(frame["created_by"]) == {ACTOR}
    assert frame["created_at"].notna().all()


def test_column_types_do_not_depend_on_the_backend(session, newsroom):
    types = {name: build(name, session).dtypes.astype(str).to_dict() for name in REPORTS}
    assert types["carriers"]["claim_id"] == "int64"
    assert types["chains"]["quoted"] == "bool"
    assert types["chains"]["published"] == "object"
    assert types["outlets"]["upstream"] == "str"
    assert types["claims"]["verdict"] == "str"
    assert types["claims"]["created_at"] == "datetime64[us, UTC]"
    assert types["claims"]["updated_at"] == "datetime64[us, UTC]"


def test_every_report_writes_to_one_workbook_with_real_dates(session, newsroom, tmp_path):
    path = tmp_path / "reports.xlsx"
    write_xlsx({name: build(name, session) for name in REPORTS}, path)
    book = load_workbook(path)
    assert book.sheetnames == ["carriers", "chains", "outlets", "claims", "drift", "derivation"]
    chains = book["chains"]
    header = [cell.value for cell in chains[1]]
    published = chains.cell(row=2, column=header.index("published") + 1)
    assert published.value == dt.datetime(2024, 2, 18)  # the port article comes first
    assert published.number_format == "yyyy-mm-dd"
    claims = book["claims"]
    created = claims.cell(row=2, column=[c.value for c in claims[1]].index("created_at") + 1)
    assert isinstance(created.value, dt.datetime) and created.value.tzinfo is None


def test_carriers_leaves_out_appearances_of_claims_or_articles_read_before_they_existed():
    # On PostgreSQL the appearance ids are read after the claims and articles, so a
    # writer may commit a claim (id 9) or an article (id 7, by an outlet the report
    # has no column for) in between; their appearances must not land in other cells.
    np = pytest.importorskip("numpy")
    from claims.reports.carriers import _counts

    counts = _counts(
        np,
        claim_ids=np.array([2, 5]),
        outlet_ids=np.array([30, 10]),
        article_ids=np.array([1, 4, 6]),
        publisher_ids=np.array([10, 30, 40]),
        claim_of=np.array([2, 5, 5, 9, 2, 5, 3]),
        article_of=np.array([1, 1, 4, 1, 7, 6, 4]),
    )
    assert counts.tolist() == [[0, 1], [1, 1]]  # outlet 30: claim 5 once; outlet 10: each once


def test_report_all_leaves_out_a_sheet_excel_could_not_hold_and_says_how(
    cli, tmp_path, monkeypatch
):
    import claims.workbook as workbook

    assert cli("seed").exit_code == 0
    monkeypatch.setattr(workbook, "XLSX_ROW_LIMIT", 30)
    path = tmp_path / "all.xlsx"
    result = cli("report", "all", "-o", str(path))
    assert result.exit_code == 0, result.output
    names = load_workbook(path).sheetnames
    assert "chains" not in names and "outlets" in names
    assert "Left out of the workbook: sheet chains has 49 rows" in result.stderr


def test_an_untitled_article_short_enough_is_named_whole(session, newsroom):
    add_source(session, name="Short Post", kind="outlet", actor=ACTOR)
    text = "The bridge will open in May,\n  the mayor said."
    article = add_article(session, text=text, outlet="Short Post", actor=ACTOR)
    add_appearance(
        session,
        claim_id=newsroom.bridge,
        article_id=article.id,
        quote="The bridge will open in May",
        chain="",
        actor=ACTOR,
    )
    frame = build("chains", session).set_index("article_id")
    assert frame.loc[article.id, "article"] == "The bridge will open in May, the mayor said."
