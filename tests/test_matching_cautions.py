"""What holds a match candidate from automatic acceptance, and what a review shows of it."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

CLAIM = "Ethiopia received $2 billion in aid last year."
SAID = "in aid last year, the World Bank said.\n"
PASSAGES = {
    "euro": f"ADDIS ABABA - Ethiopia received \u20ac2 billion {SAID}",
    "birr": f"ADDIS ABABA - Ethiopia received 2 billion birr {SAID}",
    "dollar": f"ADDIS ABABA - Ethiopia received $2 billion {SAID}",
}


@pytest.fixture
def aid(cli, tmp_path):
    for number, (name, text) in enumerate(PASSAGES.items(), start=1):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        added = cli("article", "add", str(path), "--outlet", f"Outlet {name}", "--create-sources")
        assert added.exit_code == 0, added.output
        assert added.stdout.strip() == str(number)
    assert cli("claim", "add", CLAIM).exit_code == 0
    return cli


def _listed(cli) -> dict[int, dict]:
    result = cli("match", "1", "--format", "csv")
    assert result.exit_code == 0, result.output
    return {int(row["article_id"]): row for row in csv.DictReader(io.StringIO(result.stdout))}


def test_an_amount_in_another_currency_is_held_not_accepted_unseen(aid):
    rows = _listed(aid)
    assert rows[1]["level"] == "held"
    assert rows[1]["held_because"] == "the passage gives '\u20ac2' where the claim has '$2'"
    assert rows[2]["held_because"] == "the passage gives '2' where the claim has '$2'"
    assert rows[3]["level"] == "auto" and rows[3]["held_because"] == ""
    accepted = aid("match", "1", "--accept-auto")
    assert accepted.exit_code == 0, accepted.output
    assert "1 candidate(s) at or above" in accepted.stderr


def test_a_percent_written_out_is_the_same_amount(cli, tmp_path):
    path = tmp_path / "rate.txt"
    path.write_text("Uganda will raise fuel taxes by 5 percent from July, officials said.\n")
    added = cli("article", "add", str(path), "--outlet", "Monitor", "--create-sources")
    assert added.exit_code == 0, added.output
    assert cli("claim", "add", "Uganda will raise fuel taxes by 5% from July.").exit_code == 0
    rows = _listed(cli)
    assert "gives" not in rows[1]["held_because"]


def test_the_review_shows_every_caution(cli, tmp_path):
    path = tmp_path / "denied.txt"
    path.write_text(
        "The finance ministry denied that Uganda will raise fuel taxes by 5% from July 1, "
        "calling the reports baseless.\n"
    )
    added = cli("article", "add", str(path), "--outlet", "Observer", "--create-sources")
    assert added.exit_code == 0, added.output
    assert cli("claim", "add", "Uganda will raise fuel taxes by 5% from July 1.").exit_code == 0
    held = _listed(cli)[1]["held_because"]
    assert "denies or disputes" in held
    result = cli("match", "1", "--review", input="s\n")
    assert result.exit_code == 0, result.output
    for reason in held.split("; "):
        assert f"  Caution: {reason}." in result.stderr


def test_a_review_alone_says_nothing_of_the_auto_threshold(aid):
    result = aid("match", "--review", "--suggest", "0.999", input="q\n")
    assert result.exit_code == 0, result.output
    assert "auto threshold" not in result.stderr
    listed = aid("match", "1", "--suggest", "0.999")
    assert "The auto threshold is raised to 0.999" in listed.stderr


def test_a_listed_score_is_rounded_down_so_its_threshold_keeps_it():
    from claims.services.matching import shown_score

    assert shown_score(0.989857) == 0.989
    assert shown_score(0.994) == 0.994  # stored to six places: no float slip below
    assert shown_score(1.0) == 1.0


@pytest.mark.parametrize(
    ("claim", "passage", "held"),
    [
        ("It costs $5 million over 5 years.", "It costs \u20ac5 million over 5 years.", True),
        ("It costs \u20ac5 billion.", "It costs 5 billion euros.", False),
        ("It costs \u20ac5 billion.", "It costs EUR 5 billion.", False),
        ("Rates rose 5%.", "Rates rose 5 pct.", False),
        ("Rates rose 5%.", "Rates rose 5 per cent.", False),
        ("It costs \u20ac1,5 billion.", "It costs $1,5 billion.", True),
        ("About 1,000 people came in 2024.", "About 1000 people came in 2024.", False),
    ],
)
def test_amounts_compare_by_their_sign_however_written(claim, passage, held):
    from claims.services.match_holds import _other_units

    assert (_other_units(_candidate(claim, passage)) is not None) is held


@pytest.mark.parametrize(
    ("claim", "passage", "owned"),
    [
        (
            "Wang Xiaohong met Interior Minister Sandor Pinter.",
            "Wang Xiaohong met Interior Minister Sandor Pinter's deputy on Monday.",
            ["Pinter's deputy"],
        ),
        ("Orban's government raised taxes.", "Orban's government raised taxes in May.", []),
        ("Exports rose in May.", "Hungary's exports rose in May.", []),
    ],
)
def test_what_is_a_name_s_is_held_where_the_claim_names_its_bearer(claim, passage, owned):
    from claims.services.match_holds import _owned

    assert _owned(_candidate(claim, passage)) == owned


def _candidate(claim: str, passage: str) -> SimpleNamespace:
    """A candidate whose passage is the whole of its article's text, for the hold rules."""
    return SimpleNamespace(
        claim=SimpleNamespace(text=claim),
        article=SimpleNamespace(text=passage),
        passage_start=0,
        passage_end=len(passage),
    )
