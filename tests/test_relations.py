"""Relations built from tagged spans, and how they join the rules': small made-up texts with
the tagger's spans given, so each linking rule is tested on its own."""

from __future__ import annotations

import pytest

from claims.sentences import split_sentences
from claims.suggestions import tagger
from claims.suggestions.attribution import Attribution
from claims.suggestions.proposal import claim_wording, spoken
from claims.suggestions.relations import ArticleAttributions, link


def _span(text, kind, words, after=0):
    start = text.index(words, after)
    return (kind, start, start + len(words))


def _rows(text, found):
    return [
        (a.source_text(text), a.cue_text(text), text[a.content[0] : a.content[1]]) for a in found
    ]


def _whole(text):
    return [(0, len(text))]


def test_every_content_joins_a_cue_even_two_of_one_cue():
    text = "Ann said it rained all night. The roads were closed by morning."
    spans = [
        _span(text, "SOURCE", "Ann"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "it rained all night"),
        _span(text, "CONTENT", "The roads were closed by morning"),
    ]
    found, loose = link(text, spans, _whole(text))
    assert _rows(text, found) == [
        ("Ann", "said", "it rained all night"),
        ("Ann", "said", "The roads were closed by morning"),
    ]
    assert loose == {"SOURCE": [], "CONTENT": []}


def test_a_content_prefers_the_cue_of_its_own_sentence():
    text = "Ann agreed. It rained all day, Bob thinks."
    spans = [
        _span(text, "SOURCE", "Ann"),
        _span(text, "CUE", "agreed"),
        _span(text, "CONTENT", "It rained all day"),
        _span(text, "SOURCE", "Bob"),
        _span(text, "CUE", "thinks"),
    ]
    sentences = [(0, 11), (12, len(text))]
    by_cue = {a.cue_text(text): a for a in link(text, spans, _whole(text), sentences)[0]}
    assert by_cue["thinks"].source_text(text) == "Bob"
    assert text[slice(*by_cue["thinks"].content)] == "It rained all day"
    # by characters alone the content lies nearer "agreed": two apart against six
    by_cue = {a.cue_text(text): a for a in link(text, spans, _whole(text))[0]}
    assert by_cue["agreed"].source_text(text) == "Ann"
    assert text[slice(*by_cue["agreed"].content)] == "It rained all day"


def test_a_source_speaks_through_one_cue_only():
    text = "Ann said it rained all night and insisted the roads were closed."
    spans = [
        _span(text, "SOURCE", "Ann"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "it rained all night"),
        _span(text, "CUE", "insisted"),
        _span(text, "CONTENT", "the roads were closed"),
    ]
    found, _ = link(text, spans, _whole(text))
    assert [(a.cue_text(text), a.source_text(text)) for a in found] == [
        ("said", "Ann"),
        ("insisted", None),
    ]


def test_the_halves_of_a_split_quotation_are_one_content():
    text = "\u201cWe will fight,\u201d she said, \u201cand we will win the vote.\u201d"
    spans = [
        _span(text, "CONTENT", "\u201cWe will fight,\u201d"),
        _span(text, "SOURCE", "she"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "\u201cand we will win the vote.\u201d"),
    ]
    (relation,) = link(text, spans, _whole(text))[0]
    assert relation.content == (0, len(text))
    assert claim_wording(spoken(text, relation, relation.content)) == (
        "We will fight, and we will win the vote."
    )


def test_halves_need_a_comma_or_quotation_mark_before_the_cue():
    text = "The minister Wang Lee told Orban last week, the agency said."
    spans = [
        _span(text, "CONTENT", "The minister Wang Lee"),
        _span(text, "CUE", "told"),
        _span(text, "CONTENT", "Orban last week"),
    ]
    assert len(link(text, spans, _whole(text))[0]) == 2


def test_contents_far_apart_stay_two():
    # a quotation goes on after its cue's words, but not after a whole passage of them
    tour = "on a long tour of the state that took her through " + "small towns, " * 9
    text = f"\u201cWe will fight,\u201d she said {tour}\u201cand win.\u201d"
    spans = [
        _span(text, "CONTENT", "\u201cWe will fight,\u201d"),
        _span(text, "SOURCE", "she"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "\u201cand win.\u201d"),
    ]
    assert len(link(text, spans, _whole(text))[0]) == 2


def test_touching_contents_are_joined_and_a_fragment_is_a_last_resort():
    text = "Ann said the tram will open in May.\n\nBob said so."
    paragraphs = [(0, text.index("\n")), (text.index("Bob"), len(text))]
    spans = [
        _span(text, "SOURCE", "Ann"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "the tram will"),
        _span(text, "CONTENT", "open in May"),
        _span(text, "SOURCE", "Bob"),
        _span(text, "CUE", "said", text.index("Bob")),
        _span(text, "CONTENT", "so"),
    ]
    found, _ = link(text, spans, paragraphs)
    assert _rows(text, found) == [
        ("Ann", "said", "the tram will open in May"),
        ("Bob", "said", "so"),
    ]
    # within one paragraph a cue takes a whole content before a fragment
    found, _ = link(text, spans, _whole(text))
    assert _rows(text, found)[1] == ("Bob", "said", "the tram will open in May")


def test_a_quotation_signed_with_a_dash_takes_the_dash_as_cue():
    text = "\u201cThe plan is a disgrace to us all.\u201d \u2015 Jane Doe\nMore words follow here."
    spans = [
        _span(text, "CONTENT", "\u201cThe plan is a disgrace to us all.\u201d"),
        _span(text, "SOURCE", "Jane Doe"),
    ]
    (relation,) = link(text, spans, _whole(text))[0]
    assert (relation.cue_text(text), relation.source_text(text)) == ("\u2015", "Jane Doe")


@pytest.fixture
def tagged(monkeypatch):
    """Let a test say what the tagger finds in its text."""
    found: dict[str, list] = {}
    monkeypatch.setattr(tagger, "tag_spans", lambda text, using=None, progress=None: found[text])
    return found


def _sentence(text):
    return ArticleAttributions(text, use_model=True).in_sentence(0, len(text))


def test_a_rule_relation_takes_the_tagger_spans_for_the_same_cue(tagged):
    text = "On Monday the mayor said the new tram line would open in 2028, at the latest."
    tagged[text] = [
        _span(text, "SOURCE", "the mayor"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "the new tram line would open in 2028"),
    ]
    found = _sentence(text)
    assert _rows(text, found) == [("the mayor", "said", "the new tram line would open in 2028")]
    assert not found[0].order.startswith("tagger")


def test_a_second_content_of_the_same_cue_gets_a_relation_of_its_own(tagged):
    text = "The mayor said the tram would open in May; the line would cost less."
    tagged[text] = [
        _span(text, "SOURCE", "The mayor"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "the tram would open in May"),
        _span(text, "CONTENT", "the line would cost less"),
    ]
    assert sorted(_rows(text, _sentence(text))) == [
        ("The mayor", "said", "the line would cost less"),
        ("The mayor", "said", "the tram would open in May"),
    ]


def test_a_rule_relation_the_tagger_does_not_see_is_dropped_unless_it_adds_a_hop(tagged):
    plain = "The mayor said the tram line would open in 2028."
    tagged[plain] = []
    assert ArticleAttributions(plain, use_model=False).in_sentence(0, len(plain))
    assert _sentence(plain) == []
    hop = "The tram line will open in 2028, according to the city council."
    tagged[hop] = [_span(hop, "CONTENT", "The tram line will open in 2028")]
    assert [(a.cue_text(hop), a.source_text(hop)) for a in _sentence(hop)] == [
        ("according to", "the city council")
    ]


def test_a_rule_relation_is_kept_for_a_content_the_tagger_left_without_cue(tagged):
    text = "The mayor said the tram line would open in 2028."
    tagged[text] = [_span(text, "CONTENT", "the tram line would open")]
    assert _rows(text, _sentence(text)) == [("The mayor", "said", "the tram line would open")]


def test_a_split_quotation_is_proposed_without_its_speaker_in_the_middle():
    text = "\u201cWe will fight.\u201d she said. \u201cWe will win.\u201d"
    cue, source = (text.index("said"), text.index("said") + 4), (text.index("she"),) * 2
    relation = Attribution(cue, (source[0], source[0] + 3), (0, len(text)), True, "pre")
    assert spoken(text, relation, relation.content) == "\u201cWe will fight. We will win.\u201d"
    plain = Attribution(cue, None, (0, 16), True, "post")
    assert spoken(text, plain, plain.content) == text[:16]
    opening = Attribution(cue, (source[0], source[0] + 3), (15, len(text)), True, "pre")
    assert spoken(text, opening, opening.content) == "We will win.\u201d"


def test_a_second_cue_after_and_keeps_the_speaker_and_the_first_content_ends_before_and(tagged):
    text = "Ann Lee said the budget would balance by 2026 and added that taxes would not rise."
    tagged[text] = [
        _span(text, "SOURCE", "Ann Lee"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "the budget would balance by 2026 and"),
        _span(text, "CUE", "added"),
        _span(text, "CONTENT", "that taxes would not rise"),
    ]
    assert _rows(text, _sentence(text)) == [
        ("Ann Lee", "said", "the budget would balance by 2026"),
        ("Ann Lee", "added", "that taxes would not rise"),
    ]


def test_a_content_the_rules_give_one_cue_is_not_given_to_another_as_well(tagged):
    text = "Police chief Tom Ward told reporters the suspect had fled, and said a search was on."
    tagged[text] = [
        _span(text, "SOURCE", "Police chief Tom Ward"),
        _span(text, "CUE", "told"),
        _span(text, "CONTENT", "the suspect had fled"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "a search was on"),
    ]
    assert _rows(text, _sentence(text)) == [
        ("Police chief Tom Ward", "told", "the suspect had fled"),
        ("Police chief Tom Ward", "said", "a search was on"),
    ]


def test_a_second_cue_after_and_the_tagger_missed_is_kept_from_the_rules(tagged):
    text = "Ann Lee said the budget would balance by 2026 and added that taxes would not rise."
    tagged[text] = [
        _span(text, "SOURCE", "Ann Lee"),
        _span(text, "CUE", "said"),
        _span(
            text, "CONTENT", "the budget would balance by 2026 and added that taxes would not rise"
        ),
    ]
    assert _rows(text, _sentence(text)) == [
        ("Ann Lee", "said", "the budget would balance by 2026"),
        ("Ann Lee", "added", "taxes would not rise"),
    ]


def test_a_future_act_after_and_stays_in_what_was_said(tagged):
    text = "Northgate Air said it would cut 300 jobs and would announce a route plan in March."
    tagged[text] = [
        _span(text, "SOURCE", "Northgate Air"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "it would cut 300 jobs and would announce a route plan in March"),
    ]
    assert _rows(text, _sentence(text)) == [
        ("Northgate Air", "said", "it would cut 300 jobs and would announce a route plan in March"),
    ]


def test_a_tagged_source_of_function_words_leaves_the_rules_source(tagged):
    """The tagger stopping at "the" of "the European Commission's warning" names nobody."""
    text = (
        "Hungary is home to the company's largest base outside China, despite the European "
        "Commission's warning that the company poses a risk to EU security."
    )
    tagged[text] = [
        _span(text, "SOURCE", "the", after=text.index("despite")),
        _span(text, "CUE", "warning"),
        _span(text, "CONTENT", "the company poses a risk to EU security"),
    ]
    found = _sentence(text)
    assert [(a.source_text(text), a.cue_text(text)) for a in found] == [
        ("the European Commission's", "warning")
    ]


@pytest.mark.parametrize(
    ("words", "expected"),
    [("the", True), ("its", True), ("The", True), ("the Commission", False), ("she", False)],
)
def test_a_bare_source_span(words, expected):
    from claims.suggestions.relations import bare

    assert bare(words, (0, len(words))) is expected


def test_a_flat_tagger_s_two_contents_of_one_cue_hold_the_rules_inner_relation(tagged):
    """ "A, Wang told Orban, according to Xinhua", tagged flat as two contents of "according
    to" and no "told": the rules' nesting stands, Wang inside Xinhua's report."""
    text = (
        "China hopes to deepen security ties with Hungary, Public Security Minister Wang "
        "Xiaohong told Orban last week, according to the official Xinhua news agency."
    )
    tagged[text] = [
        _span(text, "CONTENT", "China hopes to deepen security ties with Hungary"),
        _span(text, "CONTENT", "Public Security Minister Wang Xiaohong told Orban last week"),
        _span(text, "CUE", "according to"),
        _span(text, "SOURCE", "the official Xinhua news agency"),
    ]
    found = _sentence(text)
    rows = {a.cue_text(text): a for a in found}
    assert set(rows) == {"told", "according to"}
    wang, xinhua = rows["told"], rows["according to"]
    assert wang.source_text(text) == "Public Security Minister Wang Xiaohong"
    assert text[wang.content[0] : wang.content[1]] == (
        "China hopes to deepen security ties with Hungary"
    )
    assert text[xinhua.content[0] : xinhua.content[1]].startswith("China hopes")
    assert text[xinhua.content[0] : xinhua.content[1]].endswith("Orban last week")
    assert found[wang.parent] is xinhua


def test_a_tagged_source_loses_a_cut_off_relative_and_runs_on_after_by():
    """The tagger's source spans as it may give them: "A nurse at the hospital, who" and
    "figures released on Monday by" beside a loose "property data firm CoreMetrics"."""

    def _at(text, words):
        return _span(text, "", words)[1:]

    text = (
        "A nurse at the hospital, who spoke on condition of anonymity, said results were late. "
        "Values slipped, according to figures released on Monday by property data firm "
        "CoreMetrics.\n"
    )
    nurse = Attribution(
        cue=_at(text, "said"),
        source=(0, text.index(" spoke")),
        content=_at(text, "results were late"),
        quoted=False,
        order="pre",
    )
    figures = Attribution(
        cue=_at(text, "according to"),
        source=(text.index("figures"), text.index(" property")),
        content=_at(text, "Values slipped"),
        quoted=False,
        order="source-after",
    )
    relations = ArticleAttributions(text, use_model=True)
    relations._model = [nurse, figures]
    relations._loose = {"SOURCE": [_at(text, "property data firm CoreMetrics")], "CONTENT": []}
    sources = {text[slice(*a.source)] for a in relations.in_sentence(0, len(text)) if a.source}
    assert "A nurse at the hospital" in sources
    assert "figures released on Monday by property data firm CoreMetrics" in sources


def test_writing_that_inside_another_cues_content_is_its_own_relation(tagged):
    """ "The judge rejected that argument, writing that A": where the tagger reads A as what
    "rejected" says, the rules' "writing" keeps it, and "rejected" keeps only its object."""
    text = (
        "The judge rejected that argument, writing that the company had systematically "
        "prevented developers from telling users about cheaper options."
    )
    tagged[text] = [
        _span(text, "SOURCE", "The judge"),
        _span(text, "CUE", "rejected"),
        _span(text, "CONTENT", text[text.index("that argument") : -1]),
    ]
    rows = _rows(text, _sentence(text))
    assert (None, "writing", text[text.index("the company") : -1]) in rows
    assert ("The judge", "rejected", "that argument") in rows


def test_a_source_cut_after_its_article_runs_on_to_its_noun(tagged):
    text = (
        "A senior official at the commission, speaking on condition of anonymity, told "
        "reporters that two results had been revised."
    )
    tagged[text] = [
        _span(text, "SOURCE", "A senior official at the"),
        _span(text, "CUE", "told"),
        _span(text, "CONTENT", "two results had been revised"),
    ]
    assert ("A senior official at the commission", "told", "two results had been revised") in (
        _rows(text, _sentence(text))
    )


def test_an_aside_between_speaker_and_cue_is_no_part_of_what_they_said(tagged):
    """The tagger read the end of the aside as a content of "said": a content holding its
    own cue is no reading, and the rules' speaker before the aside stands."""
    text = (
        "Two officials, speaking on condition of anonymity because they were not authorised "
        "to discuss the matter, said the crossing could close."
    )
    tagged[text] = [
        _span(text, "SOURCE", "Two officials"),
        _span(text, "CONTENT", "to discuss the matter"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", "the crossing could close"),
    ]
    assert _rows(text, _sentence(text)) == [("Two officials", "said", "the crossing could close")]


def test_a_closing_mark_the_tagger_gave_the_next_paragraph_closes_the_quotation(tagged):
    """'"That is not the case today.' + '"\\nTrade …': the mark closes the quotation; the
    next paragraph's statement is no part of it."""
    text = (
        '"He will return when there is a partner," the spokesperson said. "That is not the '
        'case today."\nTrade was worth 18 billion dollars, according to the statistics office.'
    )
    quote = text.index('"That')
    mark = text.index('"\nTrade')
    tagged[text] = [
        _span(text, "CONTENT", '"He will return when there is a partner,"'),
        _span(text, "SOURCE", "the spokesperson"),
        _span(text, "CUE", "said"),
        ("CONTENT", quote, mark),
        ("CONTENT", mark, text.index(", according")),
        _span(text, "CUE", "according to"),
        _span(text, "SOURCE", "the statistics office"),
    ]
    second = text.index("Trade")
    found = ArticleAttributions(text, use_model=True).in_sentence(second, len(text))
    assert _rows(text, found) == [
        ("the statistics office", "according to", "Trade was worth 18 billion dollars")
    ]


def test_a_content_ends_with_its_paragraph_when_the_next_opens_without_a_quotation_mark(
    tagged,
):
    """The tagger's '"… bounce back."' and the next paragraph's first word "Ferraro" touch
    across the line break: two paragraphs, not one content; a quotation going on in a
    paragraph that opens with a quotation mark stays one."""
    text = (
        'Fans rallied online, with one writing: "Dom is a legend, he will bounce back."\n'
        "Ferraro was seen in Hampstead on Tuesday."
    )
    tagged[text] = [
        _span(text, "SOURCE", "Fans"),
        _span(text, "CUE", "one writing:"),
        _span(text, "CONTENT", '"Dom is a legend, he will bounce back."'),
        _span(text, "CONTENT", "Ferraro"),
    ]
    found = ArticleAttributions(text, use_model=True).in_sentence(0, text.index("\n"))
    assert [text[slice(*a.content)] for a in found] == ['"Dom is a legend, he will bounce back."']
    # one span over the break is cut there too; the next paragraph's two words are dropped
    one = text.replace("Ferraro was seen in Hampstead on Tuesday.", "Ferraro smiled.")
    tagged[one] = [
        _span(one, "SOURCE", "Fans"),
        _span(one, "CUE", "one writing:"),
        ("CONTENT", one.index('"Dom'), one.index(" smiled")),
    ]
    found = ArticleAttributions(one, use_model=True).in_sentence(0, one.index("\n"))
    assert [one[slice(*a.content)] for a in found] == ['"Dom is a legend, he will bounce back."']
    going_on = '"The rail line will close," she said. "It is the end.\n"We are sorry."'
    first = going_on.index('"It')
    tagged[going_on] = [
        _span(going_on, "CONTENT", '"The rail line will close,"'),
        _span(going_on, "SOURCE", "she"),
        _span(going_on, "CUE", "said"),
        ("CONTENT", first, going_on.index("\n")),
        ("CONTENT", going_on.index("\n") + 1, len(going_on)),
    ]
    contents = [
        going_on[slice(*a.content)]
        for a in ArticleAttributions(going_on, use_model=True).in_sentence(0, len(going_on))
    ]
    assert contents == [going_on]


def test_a_name_with_its_the_after_an_opening_phrase_is_an_inner_hop(tagged):
    text = (
        "In the United States, the Federal Digital Assets Commission said it was aware of "
        "the collapse, the Straits Ledger reported."
    )
    tagged[text] = [
        _span(
            text,
            "CONTENT",
            "In the United States, the Federal Digital Assets Commission said it was aware of "
            "the collapse",
        ),
        _span(text, "SOURCE", "the Straits Ledger"),
        _span(text, "CUE", "reported"),
    ]
    rows = _rows(text, _sentence(text))
    assert ("the Federal Digital Assets Commission", "said", "it was aware of the collapse") in rows
    assert rows[-1][:2] == ("the Straits Ledger", "reported")


def test_a_which_clause_cue_does_not_take_the_first_speakers_words(tagged):
    text = (
        "She said the move appeared designed to maximise revenue before generic competition "
        "arrives, which analysts expect in 2027."
    )
    tagged[text] = [
        _span(text, "SOURCE", "She"),
        _span(text, "CUE", "said"),
        _span(
            text,
            "CONTENT",
            "the move appeared designed to maximise revenue before generic competition arrives",
        ),
        _span(text, "CONTENT", "which"),
        _span(text, "SOURCE", "analysts"),
        _span(text, "CUE", "expect"),
        _span(text, "CONTENT", "in 2027"),
    ]
    rows = _rows(text, _sentence(text))
    assert rows[0] == (
        "She",
        "said",
        "the move appeared designed to maximise revenue before generic competition arrives",
    )
    assert all(content != rows[0][2] for source, _, content in rows if source == "analysts")


def test_a_closing_mark_the_tagger_gave_the_next_quotation_closes_the_first(tagged):
    text = (
        'Varga said the opposition had "no programme, no plan and no majority." "They want '
        'the keys to the house," he said, "but they cannot tell you which room they would '
        'fix first."'
    )
    tagged[text] = [
        _span(text, "SOURCE", "Varga"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", 'the opposition had "no programme, no plan and no majority'),
        _span(text, "CONTENT", '" "They want the keys to the house,"'),
        _span(text, "SOURCE", "he"),
        _span(text, "CUE", "said", text.index("he said")),
        _span(text, "CONTENT", '"but they cannot tell you which room they would fix first."'),
    ]
    found = ArticleAttributions(text, use_model=True)
    rows = [
        row
        for sentence in split_sentences(text)
        for row in _rows(text, found.in_sentence(sentence.start, sentence.end))
    ]
    assert rows == [
        ("Varga", "said", 'the opposition had "no programme, no plan and no majority."'),
        (
            "he",
            "said",
            '"They want the keys to the house," he said, "but they cannot tell you which room '
            'they would fix first."',
        ),
    ]


def test_a_cue_takes_no_source_of_another_sentence_where_its_own_names_one(tagged):
    text = (
        "Former U.N. ambassador Celeste Harmon clashed with Fennimore over foreign policy. "
        '"Do you even know who the president of Ukraine is?" she asked him. Fennimore did not '
        'answer directly and said he would "end the war in a week."'
    )
    tagged[text] = [
        _span(text, "SOURCE", "Former U.N. ambassador Celeste Harmon"),
        _span(text, "CONTENT", '"Do you even know who the president of Ukraine is?"'),
        _span(text, "SOURCE", "she"),
        _span(text, "CUE", "asked"),
        _span(text, "SOURCE", "Fennimore", text.index("Fennimore did")),
        _span(text, "CUE", "did not answer"),
        _span(text, "CUE", "said"),
        _span(text, "CONTENT", 'he would "end the war in a week."'),
    ]
    found = ArticleAttributions(text, use_model=True)
    last = split_sentences(text)[-1]
    rows = _rows(text, found.in_sentence(last.start, last.end))
    assert ("Fennimore", "said", 'he would "end the war in a week."') in rows
    assert all(source != "Former U.N. ambassador Celeste Harmon" for source, _, _ in rows)


def test_a_that_clause_is_the_verbs_before_it_not_a_later_according_to(tagged):
    text = (
        "A former aide to Varga, who is expected to testify later in the trial, told "
        "investigators that the councilman kept cash in a locked drawer in his office, "
        "according to a search warrant affidavit unsealed last year."
    )
    tagged[text] = [
        _span(text, "SOURCE", "A former aide to Varga, who"),
        _span(text, "CUE", "is expected"),
        _span(text, "CONTENT", "to testify later in the trial"),
        _span(text, "CUE", "told"),
        _span(text, "CONTENT", "that the councilman kept cash in a locked drawer in his office"),
        _span(text, "CUE", "according to"),
        _span(text, "SOURCE", "a search warrant affidavit unsealed"),
    ]
    rows = _rows(text, _sentence(text))
    told = [row for row in rows if row[1] == "told"]
    assert told and told[0][2] == "that the councilman kept cash in a locked drawer in his office"
