"""Resolution, proposals, their storage and review, on both backends."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.models import Appearance, Article, Source, Suggestion
from claims.resolution import Resolver
from claims.services.articles import add_article
from claims.services.sources import add_source

WIRE = (
    "Austria to halve gas imports\n\n"
    "Austria to halve gas imports\n\n"
    "VIENNA (Wire Service) - Austria will halve its gas imports next year, Energy Minister "
    "Ana Konig told reporters on Monday, the official APA news agency said.\n\n"
    "Article continues after this advertisement\n\n"
    "\u201cWe will not be blackmailed,\u201d Konig said.\n\n"
    "The country is the largest buyer of pipeline gas in the region, the newspaper points out.\n\n"
    "Parliament will vote on the plan in June.\n"
)


@pytest.fixture
def article_id(db_url) -> int:
    with open_session(db_url) as session:
        add_source(session, name="Ana König", kind="person", actor="t", aliases=["Konig"])
        add_source(session, name="APA", kind="news_agency", actor="t")
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        article = add_article(session, text=WIRE, outlet="Morning Post", actor="t")
        session.flush()
        return article.id


def test_article_keeps_raw_text_and_cuts(db_url, article_id):
    with open_session(db_url, write=False) as session:
        article = session.get(Article, article_id)
        assert article.raw_text == WIRE
        assert "advertisement" not in article.text
        assert article.text.count("Austria to halve gas imports") == 1
        assert {cut["reason"] for cut in article.removed} == {"repeated line", "advertisement"}
        from claims.services.articles import text_sha256

        assert article.sha256 == text_sha256(WIRE)


def test_resolution_aliases_descriptors_titles_fuzzy_and_origin(db_url, article_id):
    with open_session(db_url, write=False) as session:
        article = session.get(Article, article_id)
        resolver = Resolver(session, article)
        assert resolver.resolve("the official APA news agency").name == "APA"
        assert resolver.resolve("Energy Minister Ana Konig").name == "Ana König"
        fuzzy = resolver.resolve("Anna Koenig")
        assert fuzzy.name == "Ana König" and "spelled like" in fuzzy.why
        assert resolver.resolve("the newspaper").name == "Morning Post"  # no origin: publisher
        unknown = resolver.resolve("Deputy Mayor Olaf Brandt")
        assert unknown.source_id is None and unknown.proposed_name == "Olaf Brandt"


def test_suggest_proposes_chains_and_is_idempotent(cli, db_url, article_id):
    result = cli("suggest", article_id, "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    by_claim = {r["claim"]: r for r in records if r["kind"] == "claim"}
    nested = by_claim["Austria will halve its gas imports next year."]
    assert [(h["name"], h["cue"]) for h in nested["chain"]] == [
        ("Ana König", "told"),
        ("APA", "said"),
    ]
    text = cli("article", "show", article_id, "--format", "json")
    body = json.loads(text.stdout)["text"]
    start, end = nested["chain"][0]["evidence_span"]
    assert body[start:end] == "Energy Minister Ana Konig"
    quoted = by_claim["We will not be blackmailed."]
    assert quoted["quoted"] is True and quoted["chain"][0]["name"] == "Ana König"
    origin = [r for r in records if r["kind"] == "origin"]
    assert origin and origin[0]["chain"][0]["name"] == "Wire Service"
    assert origin[0]["chain"][0]["new_source"] is True
    again = cli("suggest", article_id, "--format", "json")
    assert len(json.loads(again.stdout)) == len(records)
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(Source).where(Source.name == "Wire Service")) is None


def test_review_accept_edit_reject_and_no_resurrection(cli, db_url, article_id):
    records = json.loads(cli("suggest", article_id, "--format", "json").stdout)
    count = len(records)
    # origin: accept; first claim: accept; second: edit; third: reject; then quit
    answers = "a\na\ne\nAustria will cut gas imports by half.\nAPA [said]\nr\nq\n"
    result = cli("suggest", article_id, "--review", input=answers, user="rita")
    assert result.exit_code == 0, result.output
    with open_session(db_url, write=False) as session:
        rows = list(session.scalars(select(Suggestion).order_by(Suggestion.id)))
        statuses = [row.status for row in rows]
        assert statuses.count("accepted") == 3 and statuses.count("rejected") == 1
        article = session.get(Article, article_id)
        assert article.origin is not None and article.origin.name == "Wire Service"
        appearances = list(session.scalars(select(Appearance)))
        assert len(appearances) == 2
        assert {a.provenance for a in appearances} == {"proposed"}
        assert {a.accepted_by for a in appearances} == {"rita"}
        assert {a.claim.status for a in appearances} == {"draft"}
        edited = [a for a in appearances if a.claim.text == "Austria will cut gas imports by half."]
        assert [hop.source.name for hop in edited[0].hops][0] == "APA"
        rejected = {row.key for row in rows if row.status == "rejected"}
    listed = json.loads(cli("suggest", article_id, "--all", "--format", "json").stdout)
    assert len(listed) == count
    assert {r["status"] for r in listed if r["id"] in {x["id"] for x in listed}} >= {"rejected"}
    with open_session(db_url, write=False) as session:
        again = {row.key for row in session.scalars(select(Suggestion)) if row.status == "rejected"}
        assert again == rejected


def test_chain_for_passage(db_url, article_id):
    from claims.suggestions import chain_for_passage

    with open_session(db_url, write=False) as session:
        article = session.get(Article, article_id)
        start = article.text.index("Austria will halve")
        hops = chain_for_passage(session, article, start, start + 20)
        assert [(h.name, h.cue) for h in hops] == [("Ana König", "told"), ("APA", "said")]
        quiet = article.text.index("Parliament will vote")
        assert chain_for_passage(session, article, quiet, quiet + 10) == []


def test_article_show_removed(cli, article_id):
    result = cli("article", "show", article_id, "--removed", "--format", "json")
    assert result.exit_code == 0, result.output
    cuts = json.loads(result.stdout)
    assert [c["reason"] for c in cuts] == ["repeated line", "advertisement"]
    assert all(WIRE[c["start"] : c["end"]] == c["text"] for c in cuts)


def test_article_add_html_and_no_clean(cli, tmp_path):
    assert cli("source", "add", "Morning Post", "--kind", "outlet").exit_code == 0
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav>Home | News</nav><article><h1>Tram line</h1><p>City Hall plans a "
        "tram line to the airport, Mayor Ana Ruiz said on Monday, adding that work would "
        "start next spring.</p><p>The line will open in 2028, the city said in a statement."
        "</p></article></body></html>",
        encoding="utf-8",
    )
    result = cli("article", "add", page, "--outlet", "Morning Post", "--format", "json")
    assert result.exit_code == 0, result.output
    shown = json.loads(cli("article", "show", "1", "--format", "json").stdout)
    assert "Mayor Ana Ruiz said on Monday" in shown["text"] and "<p>" not in shown["text"]
    raw = tmp_path / "raw.txt"
    raw.write_text("Body of the story, long enough.\n\nAdvertisement\n", encoding="utf-8")
    result = cli("article", "add", raw, "--outlet", "Morning Post", "--no-clean")
    assert result.exit_code == 0, result.output
    kept = json.loads(cli("article", "show", result.stdout.strip(), "--format", "json").stdout)
    assert kept["text"].endswith("Advertisement\n")


def test_body_reference_nominal_cue_and_own_statement(db_url):
    from claims.suggestions.propose import propose

    text = (
        "China has been critical of NATO, especially after the bloc said last year that "
        "Beijing had challenged its interests.\n\n"
        "Hungary is home to the largest factory of the telecom company outside China, "
        "despite European Commission warnings that the giant poses a risk to security.\n"
    )
    with open_session(db_url) as session:
        add_source(session, name="NATO", kind="organisation", actor="t")
        add_source(session, name="European Commission", kind="state_body", actor="t")
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        article = add_article(session, text=text, outlet="Morning Post", actor="t")
        session.flush()
        found = [
            (p.claim_text, [(h["name"], h["cue"]) for h in p.hops])
            for p in propose(session, article)
        ]
    assert ("Beijing had challenged its interests.", [("NATO", "said")]) in found
    assert (
        "The giant poses a risk to security.",
        [("European Commission", "warnings")],
    ) in found
    assert (
        "Hungary is home to the largest factory of the telecom company outside China.",
        [],
    ) in found


def test_refused_acceptance_is_reported_and_nothing_saved(cli, db_url, article_id):
    records = json.loads(cli("suggest", article_id, "--format", "json").stdout)
    first = records[0]
    # skip the origin proposal, then edit the first claim into a cycle through the publisher
    answers = "s\ne\nA claim.\nMorning Post [said] > APA [said]\nq\n"
    if first["kind"] != "origin":
        answers = answers[2:]
    result = cli("suggest", article_id, "--review", input=answers)
    assert result.exit_code == 0, result.output
    assert "Not saved:" in result.stderr and "cycle" in result.stderr
    with open_session(db_url, write=False) as session:
        assert session.scalar(select(Appearance)) is None
        statuses = {row.status for row in session.scalars(select(Suggestion))}
        assert "accepted" not in statuses


def test_a_quotation_going_on_keeps_its_speaker(db_url):
    from claims.suggestions.propose import propose

    text = (
        "\u201cWe will not be blackmailed,\u201d Konig told reporters. "
        "\u201cNobody will stop us. Not this winter.\u201d\n\n"
        "The weather was mild for the season in most of the country.\n\n"
        "\u201cThis line is not hers at all, it is the paper\u2019s own.\u201d\n"
    )
    with open_session(db_url) as session:
        add_source(session, name="Ana König", kind="person", actor="t", aliases=["Konig"])
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        article = add_article(session, text=text, outlet="Morning Post", actor="t")
        session.flush()
        found = {p.claim_text: p for p in propose(session, article)}
    going_on = found["Nobody will stop us. Not this winter."]
    assert going_on.rule == "continued quotation" and going_on.quoted
    assert [hop["name"] for hop in going_on.hops] == ["Ana König"]
    # Unattributed prose in between ends the quotation.
    assert found["This line is not hers at all, it is the paper\u2019s own."].hops == []


def test_a_cut_caption_still_credits_the_article_origin(db_url):
    """The Inquirer's only credit is its photo caption's "via REUTERS", which cleaning cuts."""
    from claims.suggestions.propose import propose
    from tests.conftest import INQUIRER

    raw = INQUIRER.read_text(encoding="utf-8")
    with open_session(db_url) as session:
        add_source(session, name="Reuters", kind="news_agency", actor="t")
        add_source(session, name="Inquirer", kind="outlet", actor="t")
        article = add_article(session, text=raw, outlet="Inquirer", actor="t")
        session.flush()
        captions = [cut for cut in article.removed if cut["reason"] == "photo caption"]
        assert len(captions) == 1 and captions[0]["text"].endswith("/Pool via REUTERS")
        assert "via REUTERS" not in article.text
        origins = [p for p in propose(session, article) if p.kind == "origin"]
        assert [(h["name"], h["cue"], h["in_raw_text"]) for h in origins[0].hops] == [
            ("Reuters", "via", True)
        ]
        assert all("Diaoyutai" not in p.claim_text for p in propose(session, article))


def test_a_reported_act_of_speech_is_the_outer_source_s_claim(db_url, article_id):
    """ "A, Konig told reporters on Monday, APA said": that Konig told reporters is APA's."""
    from claims.suggestions.propose import propose

    with open_session(db_url) as session:
        article = session.get(Article, article_id)
        found = {p.claim_text: p for p in propose(session, article)}
    act = found["Energy Minister Ana Konig told reporters on Monday."]
    assert act.rule == "reported speech" and not act.quoted
    assert [(hop["name"], hop["cue"]) for hop in act.hops] == [("APA", "said")]
    assert article.text[act.quote[0] : act.quote[1]].startswith("Energy Minister Ana Konig")
    spoken = found["Austria will halve its gas imports next year."]
    assert [hop["name"] for hop in spoken.hops] == ["Ana König", "APA"]
    assert act.confidence < spoken.confidence


@pytest.mark.parametrize(
    "sentence",
    [
        # a pronoun says nothing on its own
        "Prices will fall next year, she told reporters on Monday, the official APA news "
        "agency said.",
        # nothing but the speaker and the cue
        "Prices will fall next year, Energy Minister Ana Konig said, the official APA news "
        "agency said.",
    ],
)
def test_no_reported_speech_without_a_named_speaker_and_more(db_url, sentence):
    from claims.suggestions.propose import propose

    with open_session(db_url) as session:
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        article = add_article(session, text=sentence + "\n", outlet="Morning Post", actor="t")
        session.flush()
        proposals = propose(session, article)
    assert proposals and all(p.rule != "reported speech" for p in proposals)


CAPTIONED = (
    "Rescue workers search the rubble of a school in Antakya, Turkey, February 8, 2023. "
    "Jane Doe/Pool via REUTERS\n\n"
    "Rescuers pulled three more survivors from collapsed buildings in southern Turkey on "
    "Wednesday, officials said.\n\n"
    "Volunteers carry supplies to a shelter in Gaziantep, Turkey, on Wednesday. "
    "(AP Photo/John Smith)\n"
)


def test_a_kept_caption_rests_on_its_photo_credit(db_url):
    """A caption cleaning kept (here: cleaning off) is the photographer's statement, and
    the credit itself is no claim."""
    from claims.suggestions.propose import propose

    with open_session(db_url) as session:
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        add_source(session, name="John Smith", kind="person", actor="t")
        article = add_article(
            session, text=CAPTIONED, outlet="Morning Post", actor="t", clean=False
        )
        session.flush()
        proposals = propose(session, article)
    by_text = {p.claim_text: p for p in proposals}
    rubble = by_text[
        "Rescue workers search the rubble of a school in Antakya, Turkey, February 8, 2023."
    ]
    assert rubble.rule == "photo caption"
    assert [(h["name"], h["cue"], h["new"]) for h in rubble.hops] == [("Jane Doe", "photo", True)]
    start, end = rubble.hops[0]["evidence_start"], rubble.hops[0]["evidence_end"]
    assert CAPTIONED[start:end] == "Jane Doe"
    shelter = by_text["Volunteers carry supplies to a shelter in Gaziantep, Turkey, on Wednesday."]
    assert [(h["name"], h["new"]) for h in shelter.hops] == [("John Smith", False)]
    claims = [p for p in proposals if p.kind == "claim"]
    assert not any("REUTERS" in p.claim_text or "AP Photo" in p.claim_text for p in claims)
    # prose between the captions is untouched
    rescued = next(p for p in proposals if p.claim_text.startswith("Rescuers pulled"))
    assert rescued.rule != "photo caption"


def test_a_source_of_function_words_is_no_new_source(db_url):
    """A relation whose source span is only "the" proposes no source called "the"."""
    from claims.suggestions.attribution import Attribution

    text = "Prices will rise again next year, the ministry warned on Monday.\n"
    cue = text.index("warned")
    the = text.index("the ministry")

    relation = Attribution((cue, cue + 6), (the, the + 3), (0, text.index(",")), False, "post")
    proposals = _proposals_from(db_url, text, [relation])
    assert proposals
    assert all(hop["name"] != "the" for p in proposals for hop in p.hops)


def _nested(text, outer_cue, outer_source, inner_cue, inner_source, inner_content, order):
    """Two relations, the inner nested in the outer, as ``sentence_proposals`` reads them."""
    from claims.suggestions.attribution import Attribution

    def span(words):
        start = text.index(words)
        return (start, start + len(words))

    inner = Attribution(span(inner_cue), span(inner_source), span(inner_content), False, "post")
    body = text.rstrip(".\n")
    if order == "pre":
        content = (span(outer_cue)[1] + 1, len(body))
    else:
        content = (0, span(outer_source)[0] - 2)
    outer = Attribution(span(outer_cue), span(outer_source), content, False, order)
    outer.children, inner.parent = [1], 0
    return [outer, inner]


@pytest.mark.parametrize(
    ("text", "relations", "expected"),
    [
        (
            "Gas prices will fall, Energy Minister Ana Berg told lawmakers on Monday, APA said.\n",
            ("said", "APA", "told", "Energy Minister Ana Berg", "Gas prices will fall", "post"),
            "Energy Minister Ana Berg told lawmakers on Monday.",
        ),
        (  # nothing after the cue but "that"
            "Gas prices will fall, the agency Norpress reported that, APA said.\n",
            ("said", "APA", "reported", "the agency Norpress", "Gas prices will fall", "post"),
            None,
        ),
        (  # an outer cue before its content: the nesting is the wrong way round
            "Voters say gas prices will fall, a study by Ana Berg concluded this year.\n",
            ("say", "Voters", "concluded", "a study by Ana Berg", "gas prices will fall", "pre"),
            None,
        ),
    ],
)
def test_which_nested_relations_give_a_reported_act_of_speech(db_url, text, relations, expected):
    proposals = _proposals_from(db_url, text, _nested(text, *relations))
    acts = [p.claim_text for p in proposals if p.rule == "reported speech"]
    assert acts == ([expected] if expected else [])


def _proposals_from(db_url, text, relations):
    """The proposals of ``text``'s one sentence, read as these relations (no tagger)."""
    from claims.sentences import split_sentences
    from claims.suggestions.propose import sentence_proposals
    from claims.suggestions.speakers import Speakers

    class Given:
        def in_sentence(self, start, end):
            return relations

    with open_session(db_url) as session:
        add_source(session, name="Morning Post", kind="outlet", actor="t")
        article = add_article(session, text=text, outlet="Morning Post", actor="t")
        session.flush()
        return sentence_proposals(
            text,
            split_sentences(text)[0],
            Resolver(session, article),
            Speakers(),
            origin_id=None,
            publisher_id=article.publisher_id,
            relations=Given(),
        )


def test_computing_proposals_tells_how_far_the_model_has_read(db_url, article_id):
    from claims.suggestions import tagger
    from claims.suggestions.service import compute_suggestions

    if tagger.backend() != "minilm":
        pytest.skip("only the MiniLM tagger takes long enough to tell")
    told: list[tuple[int, int]] = []
    with open_session(db_url) as session:
        rows = compute_suggestions(
            session, article_id, actor="t", progress=lambda done, total: told.append((done, total))
        )
    assert rows
    assert told and told[-1][0] == told[-1][1]
    assert [done for done, _ in told] == sorted(done for done, _ in told)
