"""``claims match``: candidate ids across thresholds, what a run says it stored, and the
source names of the chains accepting records."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import Source

WIRE = (
    "VIENNA, March 4 (Wire) - Austria will halve its imports of Russian gas next year, "
    "Energy Minister Anna Konig told reporters on Monday."
)
CLAIM = "Austria will cut its Russian gas imports by half next year."
COPY = f"VIENNA - {CLAIM} Officials confirmed it."
REWRITE = (
    "According to Energy Minister Anna König, Austria plans to cut its Russian gas imports "
    "by half next year, the Daily Courier reports."
)


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def add_article(cli, tmp_path, name: str, text: str, outlet: str) -> None:
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    result = cli("article", "add", tmp_path / f"{name}.txt", "--outlet", outlet,
                 "--create-sources")  # fmt: skip
    assert result.exit_code == 0, result.output


@pytest.fixture
def desk(cli, tmp_path):
    """A claim carried by a wire story; a copy of it and a rewrite elsewhere."""
    add_article(cli, tmp_path, "wire", WIRE, "Morning Post")
    add_article(cli, tmp_path, "copy", COPY, "Evening Star")
    add_article(cli, tmp_path, "rewrite", REWRITE, "Daily Courier")
    for step in (
        ("claim", "add", CLAIM),
        ("appearance", "add", "1", "1", "--quote", WIRE.split(" - ")[1].split(",")[0],
         "--chain", "Anna Konig [told]", "--create-sources"),
    ):  # fmt: skip
        result = cli(*step)
        assert result.exit_code == 0, result.output
    return cli


def test_a_run_with_nothing_to_do_says_what_waits(desk):
    first = desk("match", "--all")
    assert first.exit_code == 0, first.output
    assert "2 new candidate(s) at or above 0.7 stored; 2 pending for --review." in first.stderr
    second = desk("match", "--all")
    assert second.exit_code == 0, second.output
    assert "0 claim(s) to match" in second.stderr
    assert "0 new candidate(s) at or above 0.7 stored; 2 pending for --review." in second.stderr


# --- the names of new sources ------------------------------------------------------------

SPOKEN = [
    ("Uganda will raise its fuel levy by 10% next year.",
     "KAMPALA - Uganda will raise its fuel levy by 10% next year, Finance Minister Matia "
     "Kasaija said on Tuesday.", ["Matia Kasaija"]),
    ("Britain will send more aid to Gaza.",
     "LONDON - Britain will send more aid to Gaza, Foreign Secretary David Lammy said on "
     "Friday.", ["David Lammy"]),
    ("Zambia will receive cholera vaccines this week.",
     "LUSAKA - Zambia will receive cholera vaccines this week, Health Minister Sylvia Masebo "
     "said.", ["Sylvia Masebo"]),
]  # fmt: skip


def test_accepted_chains_name_new_sources_without_their_titles(cli, tmp_path, db_url):
    """As ``claims suggest`` proposes them; and one person under two titles is one source."""
    for number, (claim, text, _) in enumerate(SPOKEN):
        add_article(cli, tmp_path, f"wire{number}", claim, "Wire Desk")
        add_article(cli, tmp_path, f"paper{number}", text, f"Paper {number}")
        assert cli("claim", "add", claim).exit_code == 0
        added = cli("appearance", "add", str(number + 1), str(2 * number + 1), "--quote",
                    claim.rstrip("."))  # fmt: skip
        assert added.exit_code == 0, added.output
    again = (
        "LONDON - Britain will send more aid to Gaza, British minister David Lammy told reporters."
    )
    add_article(cli, tmp_path, "again", again, "Paper 9")
    for claim_id in (1, 2, 3):
        result = cli("match", str(claim_id), "--accept-auto", "--auto", "0.9")
        assert result.exit_code == 0, result.output
    with open_session(db_url, write=False) as session:
        names = set(session.scalars(select(Source.name)))
    assert {"Matia Kasaija", "David Lammy", "Sylvia Masebo"} <= names
    assert not [name for name in names if "Minister" in name or "Secretary" in name]
    assert not [name for name in names if "minister" in name]


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Kenya will cut taxes, announced on Monday the Treasury Secretary, Njuguna Ndung'u.",
         "the Treasury Secretary", "Njuguna Ndung'u"),
        ("Kenya will cut taxes, said the Treasury Secretary, Njuguna Ndung'u, on Monday.",
         "the Treasury Secretary,", "Njuguna Ndung'u"),
        ("Kenya will cut taxes, said a spokesperson, Jane Wanjiru.", "a spokesperson",
         "Jane Wanjiru"),
        ("Kenya will cut taxes, said Mark Hale, Reuters reported.", "Mark Hale", None),
        ("Kenya will cut taxes, said the Treasury Secretary on Monday.",
         "the Treasury Secretary", None),
    ],
)  # fmt: skip
def test_a_title_apposed_to_a_name_is_that_names(text, surface, name):
    from claims.suggestions.service import _apposed

    end = text.index(surface) + len(surface)
    assert _apposed(text, {"surface": surface, "evidence_end": end}) == name


def test_a_title_apposed_to_a_known_name_is_that_source(session, monkeypatch):
    """ "the Treasury Secretary" read alone would be a new source; the name after it is
    known."""
    import claims.suggestions.propose as proposals
    from claims.services.articles import add_article as store
    from claims.services.sources import add_source
    from claims.suggestions.service import chain_for_passage

    text = (
        "Kenya will cut its tax rate, announced on Monday the Treasury Secretary, Njuguna Ndung'u."
    )
    add_source(session, name="Njuguna Ndung'u", kind="person", actor="test")
    article = store(session, text=text, outlet="The Star", actor="test", create_sources=True)
    start = text.index("the Treasury")

    class Proposal:
        quote = (0, text.index(","))
        hops = [{"surface": "the Treasury Secretary", "name": "Treasury Secretary",
                 "source_id": None, "new": True, "cue": "announced",
                 "evidence_start": start, "evidence_end": start + 22}]  # fmt: skip

    monkeypatch.setattr(proposals, "propose", lambda *a, **k: [Proposal()])
    (hop,) = chain_for_passage(session, article, 0, 20)
    assert (hop.name, hop.cue) == ("Njuguna Ndung'u", "announced")
