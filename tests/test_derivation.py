"""The derivation report finds copies and rewrites from the text alone, with their direction."""

from __future__ import annotations

from claims.reports import build
from claims.seeds import load_seeds
from claims.services.articles import add_article

ACTOR = "analyst"
STORY = (
    "The city council approved a new budget on Tuesday after a long debate.\n\n"
    "The budget raises spending on schools by ten percent, the mayor said.\n\n"
    "Opposition members voted against the plan, calling it reckless.\n\n"
    "The new budget takes effect in January."
)
REWRITE = (
    "After a lengthy debate, the city council on Tuesday passed a new budget.\n\n"
    "According to the mayor, school spending rises by ten percent under the budget.\n\n"
    "Critics in the opposition voted against what they called a reckless plan."
)
UNRELATED = (
    "Heavy rain is expected across the region on Sunday, forecasters said.\n\n"
    "Rivers may flood low-lying farmland."
)


def add(session, text, outlet, published, **extra):
    return add_article(
        session,
        text=text,
        outlet=outlet,
        actor=ACTOR,
        published=published,
        create_sources=True,
        **extra,
    )


def test_seeds_unn_is_a_rewrite_of_the_reuters_text_the_inquirer_republished(session):
    load_seeds(session, actor=ACTOR)
    report = build("derivation", session)
    assert len(report) == 1
    row = report.iloc[0]
    assert {row.outlet_a, row.outlet_b} == {"Inquirer", "UNN"}
    assert row.relation == "rewrite"
    assert "UNN" in row.derived and "Reuters" in row.upstream and "Inquirer" in row.upstream
    unn_share = row.share_b_in_a if row.outlet_b == "UNN" else row.share_a_in_b
    inquirer_share = row.share_a_in_b if row.outlet_b == "UNN" else row.share_b_in_a
    # Nearly all of the shorter rewrite is in the wire copy, not the other way round.
    assert unn_share > 0.8 > inquirer_share


def test_later_rewrite_is_derived_from_the_earlier_story_and_unrelated_is_left_out(session):
    first = add(session, STORY, "City Paper", "2024-05-01")
    second = add(session, REWRITE, "Town Crier", "2024-05-02")
    add(session, UNRELATED, "Weather Desk", "2024-05-01")
    session.flush()
    report = build("derivation", session)
    assert len(report) == 1
    row = report.iloc[0]
    assert (row.article_a, row.article_b) == (first.id, second.id)
    assert row.derived == f"#{second.id} Town Crier"
    assert row.upstream == f"#{first.id} City Paper"
    assert "later" in row.basis
    assert row.share_b_in_a == 1.0


def test_an_article_naming_the_other_outlet_as_origin_is_derived_from_it(session):
    first = add(session, STORY, "City Paper", "2024-05-02")
    second = add(
        session,
        STORY + "\n\nMore to follow.",
        "Town Crier",
        "2024-05-01",
        origin="City Paper",
        origin_cue="republished",
    )
    session.flush()
    row = build("derivation", session).iloc[0]
    assert row.relation == "copy"
    assert row.derived == f"#{second.id} Town Crier"
    assert row.upstream == f"#{first.id} City Paper"
    assert "names City Paper as its origin" in row.basis


def test_same_day_articles_with_different_origins_say_so(session):
    first = add(session, STORY, "City Paper", "2024-05-01", origin="Wire One")
    second = add(session, REWRITE, "Town Crier", "2024-05-01", origin="Wire Two")
    session.flush()
    row = build("derivation", session).iloc[0]
    assert "no origin recorded" not in row.basis
    assert row.basis.startswith(
        f"Same date, and different origins recorded (#{first.id}: Wire One, #{second.id}: Wire Two)"
    )


def test_same_day_articles_one_with_an_origin_say_which(session):
    add(session, STORY, "City Paper", "2024-05-01")
    second = add(session, REWRITE, "Town Crier", "2024-05-01", origin="Wire One")
    session.flush()
    row = build("derivation", session).iloc[0]
    assert row.basis.startswith(
        f"Same date, and only #{second.id} has an origin recorded (Wire One), "
        "not the other's outlet"
    )


def test_the_report_says_how_far_it_is(session):
    add(session, STORY, "City Paper", "2024-05-01")
    add(session, REWRITE, "Town Crier", "2024-05-02")
    session.flush()
    told = []
    report = build("derivation", session, progress=lambda done, total: told.append((done, total)))
    assert len(report) == 1
    total = told[-1][1]
    assert told[0] == (0, total) and told[-1] == (total, total) and total >= 7
    assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_the_command_keeps_stdout_for_the_report_and_stderr_quiet_off_a_terminal(cli, tmp_path):
    for number, (text, outlet) in enumerate(((STORY, "City Paper"), (REWRITE, "Town Crier"))):
        path = tmp_path / f"{number}.txt"
        path.write_text(text, encoding="utf-8")
        added = cli("article", "add", path, "--outlet", outlet, "--create-sources")
        assert added.exit_code == 0, added.output
    result = cli("report", "derivation", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("article_a,outlet_a")
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == ""
