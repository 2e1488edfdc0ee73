"""The words and spans of what is proposed: a quotation's span stops at its closing mark,
a claim keeps the marks of a quotation it only opens with, British single marks leave no
debris, a press-release dateline is no part of a claim, a content naming a thing is no
claim, and a short statement is one when it names what it speaks of. Made-up text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.sentences import split_sentences
from claims.suggestions.attribution import Attribution
from claims.suggestions.citation import statement_start
from claims.suggestions.proposal import claim_wording
from claims.suggestions.reporting import reports, states
from tests.suggest_data import proposals_for, speakers_of


def _said(db_url, text):
    """(claim, quoted words, first speaker) of each proposal naming a speaker."""
    return [
        (p.claim_text, text[slice(*p.quote)], p.hops[0]["name"])
        for p in proposals_for(db_url, text)
        if p.kind == "claim" and p.hops
    ]


def _claims(db_url, text):
    return [p.claim_text for p in proposals_for(db_url, text) if p.kind == "claim"]


# -- a quotation whose sentence ends before the next one opens --


@pytest.mark.parametrize(
    "text, quoted",
    [
        ('"Ohio offers the workforce we need to scale," Dana Whitfield said. '
         '"This investment marks a new chapter."\n',
         '"Ohio offers the workforce we need to scale,"'),
        ("'Ohio offers the workforce we need to scale,' Dana Whitfield said. "
         "'This investment marks a new chapter.'\n",
         "'Ohio offers the workforce we need to scale,'"),
    ],
)  # fmt: skip
def test_a_quotation_followed_by_another_ends_at_its_closing_mark(db_url, text, quoted):
    """'"A," X said. "B."': A's span is the quotation, not the sentence with "X said", as
    when no second quotation follows; B goes on as the same speaker's."""
    said = _said(db_url, text)
    assert said[0] == ("Ohio offers the workforce we need to scale.", quoted, "Dana Whitfield")
    assert said[1][0] == "This investment marks a new chapter."
    assert said[1][2] == "Dana Whitfield"


# -- a passage that opens with a quotation closing inside it --


@pytest.mark.parametrize(
    "passage, wording",
    [
        ('"We will win", the crowd chanted at the rally on Sunday',
         '"We will win", the crowd chanted at the rally on Sunday.'),
        ("\u201eWir werden die Schuldenbremse einhalten\u201c, sagte Scholz am Mittwoch",
         "\u201eWir werden die Schuldenbremse einhalten\u201c, sagte Scholz am Mittwoch."),
        ('"Reckless" was the word he used', '"Reckless" was the word he used.'),
        # a quotation enclosing the whole passage still loses its marks
        ('"We will win,"', "We will win."),
        ("\u201eWir schaffen das.\u201c", "Wir schaffen das."),
    ],
)  # fmt: skip
def test_a_passage_opening_with_a_quotation_that_closes_inside_keeps_its_marks(passage, wording):
    assert claim_wording(passage) == wording


def test_a_sentence_opening_with_a_quotation_is_proposed_as_printed(db_url):
    text = '"We will win", the crowd chanted at the rally on Sunday.\n'
    assert _claims(db_url, text) == ['"We will win", the crowd chanted at the rally on Sunday.']


# -- single quotation marks --


@pytest.mark.parametrize(
    "passage, wording",
    [
        ("'We are not going to create chaos,'", "We are not going to create chaos."),
        ("'We remain committed to abolishing evictions.'",
         "We remain committed to abolishing evictions."),
        ("\u2018We remain committed.\u2019", "We remain committed."),
        ("'We remain committed'.", "We remain committed."),
        # apostrophes inside are words, not marks
        ("'Don't touch Gove's plan,'", "Don't touch Gove's plan."),
        ("'We love rock 'n' roll,'", "We love rock 'n' roll."),
        ("'Those are the workers' rights,'", "Those are the workers' rights."),
        ("the workers' union is strong", "The workers' union is strong."),
        ("'90s music is back", "'90s music is back."),
        # two quotations, not one pair: left as printed, with no stop after a comma
        ("'A b,' he said, 'c d.'", "'A b,' he said, 'c d.'"),
    ],
)  # fmt: skip
def test_single_quotation_marks_around_a_claim_leave_no_debris(passage, wording):
    assert claim_wording(passage) == wording
    assert ",." not in claim_wording(passage)


@pytest.mark.parametrize(
    "text, claim",
    [
        ("'We are not going to create chaos,' Michael Gove said.\n",
         "We are not going to create chaos."),
        ("A government spokesperson said: 'We remain committed to abolishing evictions.'\n",
         "We remain committed to abolishing evictions."),
        ("'We will fight,' Ann Lee said, 'and we will win.'\n",
         "We will fight, and we will win."),
    ],
)  # fmt: skip
def test_a_quotation_in_single_marks_is_proposed_as_cleanly_as_in_double(db_url, text, claim):
    (said,) = _said(db_url, text)
    assert said[0] == claim


def test_a_quotation_in_single_marks_goes_on_in_the_next_sentence(db_url):
    text = "'We will fight,' Ann Lee said. 'Nobody will stop us.'\n"
    assert _said(db_url, text) == [
        ("We will fight.", "'We will fight,'", "Ann Lee"),
        ("Nobody will stop us.", "'Nobody will stop us.'", "Ann Lee"),
    ]


# -- datelines of press-release wires --


@pytest.mark.parametrize(
    "text",
    [
        "COLUMBUS, Ohio, March 12, 2024 /PRNewswire/ -- Voltcell Inc. will build a plant.",
        "COLUMBUS, Ohio, March 12, 2024 / Globe Newswire / -- Voltcell Inc. will build a plant.",
        "COLUMBUS, Ohio, March 12, 2024 (GLOBE NEWSWIRE) -- Voltcell Inc. will build a plant.",
        "WASHINGTON, March 12, 2024 /PRNewswire-USNewswire/ \u2014 "
        "Voltcell Inc. will build a plant.",
        "COLUMBUS, Ohio--(BUSINESS WIRE)--Voltcell Inc. will build a plant.",
        "NEW YORK, NY / ACCESSWIRE / March 12, 2024 / Voltcell Inc. will build a plant.",
        "COLUMBUS, Ohio (AP) -- Voltcell Inc. will build a plant.",
    ],
)
def test_a_press_release_wire_dateline_is_no_part_of_the_statement(text):
    assert text[statement_start(text, 0, len(text)) :] == "Voltcell Inc. will build a plant."


@pytest.mark.parametrize(
    "text",
    [
        "Voltcell (VLT) will build a plant.",
        "U.S.-China talks resumed on Monday.",
        "Hungary - a Russian ally - has worked to dilute its dependence.",
        "Voltcell said its input/output ratio -- a key metric -- rose.",
    ],
)
def test_a_sentence_without_a_dateline_starts_where_it_starts(text):
    assert statement_start(text, 0, len(text)) == 0


def test_a_press_release_is_proposed_without_its_dateline(db_url):
    text = "COLUMBUS, Ohio, March 12, 2024 /PRNewswire/ -- Voltcell Inc. will build a plant.\n"
    assert _claims(db_url, text) == ["Voltcell Inc. will build a plant."]


# -- a thing is no statement --


@pytest.mark.parametrize(
    "passage",
    [
        "the strikes for the slowdown in March",
        "It every time",
        "A fair deal three times",
        "300 flood warnings",
        "Reading of the rules",
        "5,000 new homes by 2028",
        "NATO a grave challenge to global peace",
        "warnings to the residents",
        "that invitation",
        "the remains of the victims",
        "the EU sanctions on Russia",
        "the family holdings in Spain",
    ],
)
def test_a_noun_phrase_states_nothing(passage):
    assert not states(passage, (0, len(passage)))


@pytest.mark.parametrize(
    "passage",
    [
        "Ohio offers the workforce we need to scale",
        "the telecom giant poses a risk",
        "China hopes to deepen its ties",
        "Cod prices doubled overnight",
        "he would resign",
        "we need more nurses",
        "We need more nurses",
        "it's a deal",
        "parents still want the schools",
        "Clinton beats Trump by four points",
        "the company employs 300 people",
        "that, among voters, Trump ranks fourth",
        "the risk remains low",
        "the death toll stands at 120",
        "the suspect remains in custody",
        "The result moves Arsenal two points clear",
        "the group typically gains access through stolen passwords",
    ],
)
def test_a_clause_states_something(passage):
    assert states(passage, (0, len(passage)))


def test_blaming_a_thing_passes_no_words_on():
    text = "The government blamed the strikes for the slowdown in March."
    (sentence,) = split_sentences(text)
    cue = text.index("blamed")
    relation = Attribution(
        cue=(cue, cue + 6),
        source=(0, 14),
        content=(cue + 7, len(text) - 1),
        quoted=False,
        order="pre",
    )
    assert not reports(text, sentence, relation)


@pytest.mark.parametrize(
    "text",
    [
        "The government blamed the strikes for the slowdown in March.\n",
        "The minister has said it every time.\n",
        "Critics questioned his reading of the rules.\n",
    ],
)
def test_a_content_naming_a_thing_is_no_claim_and_the_sentence_is_the_article_s(db_url, text):
    proposals = [p for p in proposals_for(db_url, text) if p.kind == "claim"]
    assert [(p.claim_text, p.hops, p.rule) for p in proposals] == [
        (text.strip(), [], "unattributed")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister called the announcement 'a kick in the teeth' for tenants.\n",
        "Chinese state media have called NATO a \u201cgrave\u201d challenge to global peace.\n",
    ],
)
def test_quoted_words_that_state_nothing_alone_are_claimed_with_their_cue(db_url, text):
    """'called NATO a "grave" challenge': the speaker's words, but "NATO a grave challenge"
    is no statement; that they called it so is, on their word."""
    (said,) = _said(db_url, text)
    assert said[0] == text.strip()
    assert said[2] in ("The minister", "Chinese state media")


# -- how short a statement may be --


def test_a_four_word_statement_is_proposed_but_a_vague_one_is_not(db_url):
    text = "Cod prices doubled overnight.\n\nIt is very bad.\n"
    assert _claims(db_url, text) == ["Cod prices doubled overnight."]


def test_a_speaker_s_four_word_answer_is_theirs(db_url):
    text = (
        "The harbour master, Ingrid K. Solberg-Dahl, spoke to us about the winter.\n\n"
        "Q: What happened to the price of cod?\n\n"
        "SOLBERG-DAHL: Cod prices doubled overnight.\n"
    )
    assert (
        "Cod prices doubled overnight.",
        "Cod prices doubled overnight",
        "Ingrid K. Solberg-Dahl",
    ) in (_said(db_url, text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '\u2018\u2019\u201a\"\u201c\u201d,.!?:-/()\nA1"))
def test_no_text_breaks_the_wording_the_statement_test_or_the_dateline(text):
    if text.strip(" .\n"):
        wording = claim_wording(text)
        if ",." not in text:
            assert not wording.endswith(",.")
    states(text, (0, len(text)))
    assert 0 <= statement_start(text, 0, len(text)) <= len(text)


@pytest.mark.parametrize(
    "headline, claim, chain",
    [
        (
            "Putin open to call with Trump, Kremlin says",
            "Putin open to call with Trump.",
            ["Kremlin"],
        ),
        (
            "Kremlin says Putin open to call with Trump, RIA reports",
            "Putin open to call with Trump.",
            ["Kremlin", "RIA"],
        ),
    ],
)
def test_a_headline_s_report_without_its_verb_is_still_a_claim(db_url, headline, claim, chain):
    from tests.suggest_data import proposals_for

    said = [p for p in proposals_for(db_url, headline + "\n") if p.hops]
    assert [(p.claim_text, [h["name"] for h in p.hops]) for p in said] == [(claim, chain)]


def test_a_headline_calling_for_something_says_nothing_said(db_url):
    from tests.suggest_data import proposals_for

    assert [p.hops for p in proposals_for(db_url, "Biden calls for ceasefire in Gaza\n")] == [[]]


def test_a_sentence_that_frames_what_others_say_is_no_claim(db_url):
    """A question put, a witness heard, a tone struck, a caveat on verification, a split
    among analysts: nothing of the article's own to check, so nothing proposed."""
    from tests.suggest_data import proposals_for

    text = (
        "Newcastle manager Eddie Howe was asked about the striker at a press conference on "
        "Friday.\n\n"
        "The court also heard from the charity's former finance officer, Claire Dunning.\n\n"
        "Sevilla's president struck a defiant tone in an interview on Monday night.\n\n"
        "The claim could not be independently verified.\n\n"
        "Security analysts in Germany were divided.\n\n"
        "Others were more forgiving.\n\n"
        "The bridge was closed for repairs on Monday.\n"
    )
    said = [p.claim_text for p in proposals_for(db_url, text)]
    assert said == ["The bridge was closed for repairs on Monday."]


def test_a_lead_in_cut_off_before_someones_words_is_no_claim(db_url):
    """ "The trial … found that A, researchers reported": A is the researchers'; "The trial
    … found that" alone is nothing the article states."""
    from tests.suggest_data import proposals_for

    text = (
        "The trial, which followed 3,508 patients for three years, found that those given "
        "aspirin were 55% less likely to see their cancer return, researchers reported in "
        "the New England Journal of Medicine.\n\n"
        "The researchers believe aspirin may work by dampening inflammation, though they "
        "stressed that the mechanism was not fully understood.\n"
    )
    said = [p.claim_text for p in proposals_for(db_url, text)]
    assert not any(claim.rstrip(".").endswith(("that", "though")) for claim in said)
    assert len(said) == 3


def test_what_a_speaker_was_asked_and_a_cut_off_which_are_no_claims(db_url):
    from tests.suggest_data import proposals_for

    text = (
        "Senator Joe Manchin said the bill was dead.\n\n"
        "Asked whether he expected a shutdown, he shrugged.\n\n"
        "Analyst Anna Varga pointed to rising output from producers such as Brazil and "
        "Guyana, which she said could offset much of the group's restraint.\n"
    )
    said = [p.claim_text for p in proposals_for(db_url, text)]
    assert "The bill was dead." in said
    assert not any("whether" in claim.lower() for claim in said)
    assert not any(claim.rstrip(".").endswith("which") for claim in said)


@pytest.mark.parametrize(
    "framing",
    [
        "Not everyone was convinced.",
        "Consumer advocates are less enthusiastic.",
        "Some rivals were less guarded.",
        "But nurses described a more chaotic picture.",
        "She declined to say how many more cuts the board was contemplating.",
        "He did not say how the figure had been calculated.",
        "The bank declined to comment on the report.",
        "Meridian has not said whether it paid or intends to pay a ransom.",
        "The company did not respond to a request for comment on that account.",
        "Economists are divided on how far the correction will go.",
        "Auction clearance rates tell a similar story.",
        "The company did not name the supplier.",
        "Not everyone welcomed the move.",
        "Not all employees were convinced by the company's explanation.",
        "The minister rejected that claim.",
        "Coalition MPs rejected that.",
        "($1 = 57.10 pesos)",
    ],
)
def test_a_turn_in_the_story_and_what_nobody_said_are_no_claims(db_url, framing):
    text = f"The central bank cut its rate by half a point on Tuesday.\n\n{framing}\n"
    assert _claims(db_url, text) == ["The central bank cut its rate by half a point on Tuesday."]


def test_what_the_writer_says_a_speaker_left_out_is_no_part_of_the_claim(db_url):
    text = (
        'Danish climber Jonas Kjaergaard said he was "not surprised," without elaborating.\n\n'
        "Meridian spokesman Tom Reyes said the company expected to restore its records "
        '"in phases over the coming days" but gave no firm timeline.\n'
    )
    assert _claims(db_url, text) == [
        'Jonas Kjaergaard was "not surprised."',
        'The company expected to restore its records "in phases over the coming days."',
    ]


def test_the_articles_part_ends_before_a_relative_cut_off_by_its_speaker(db_url):
    text = (
        "The proposal has run into fierce resistance in the European Parliament, where "
        'lawmakers from three groups warned on Thursday that the move would hand "a blank '
        'cheque" to big technology companies.\n'
    )
    assert _claims(db_url, text) == [
        "The proposal has run into fierce resistance in the European Parliament.",
        'The move would hand "a blank cheque" to big technology companies.',
    ]


def test_what_a_body_disputed_is_not_said_by_it_and_a_cut_off_relative_goes(db_url):
    text = (
        "CTERA said adherence had reached 90 percent in three provinces, a figure the "
        "national government disputed.\n\n"
        "Education Secretary Tomás Arrieta rejected the demands, saying that salaries were the "
        'responsibility of the provinces and that the federal budget "has no room" for the '
        "incentive fund, which was cut last year.\n"
    )
    said = _said(db_url, text)
    speakers = {speaker for claim, _, speaker in said if claim.startswith("Adherence")}
    assert speakers == {"CTERA"}
    assert not any(claim.rstrip(".").endswith(("which", "which was")) for claim, _, _ in said)


def test_what_a_body_did_before_and_said_is_the_articles_own(db_url):
    text = (
        "Chile's central bank cut its benchmark interest rate by 50 basis points on Tuesday, "
        "its third reduction in a row, and said further easing was likely.\n"
    )
    assert _claims(db_url, text) == [
        "Chile's central bank cut its benchmark interest rate by 50 basis points on Tuesday, "
        "its third reduction in a row.",
        "Further easing was likely.",
    ]


def test_a_figure_reported_and_a_victory_claimed_are_no_words_passed_on(db_url):
    text = (
        "Opposition leader claims victory as vote count drags on\n\n"
        "Health care organizations reported more than 400 ransomware incidents to federal "
        "authorities last year, according to HHS data.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains == {
        "Opposition leader claims victory as vote count drags on.": [],
        "Health care organizations reported more than 400 ransomware incidents to federal "
        "authorities last year.": ["HHS"],
    }


def test_each_sentence_of_a_speaker_keeps_its_own_words(db_url):
    """Tagged as one content, 'the law risked "emptying" museums. "Today …," he told' are
    two claims, each its sentence's; and '"A," she said. "B."' is A for "said"."""
    text = (
        'Conservative senator Jean-Baptiste Roussel said the law risked "emptying" French '
        'museums. "Today it is 26 objects, tomorrow it will be thousands," he told the '
        "newspaper Le Figaro.\n\n"
        "Patient groups have urged both sides to compromise. Cystic Fibrosis Ireland chief "
        'executive Gráinne Nolan said families were "exhausted" by the delay. "Every month '
        'that goes by is another month of hospital admissions," she said. "Our members '
        "don't care who blinks first. They care that their children get this drug.\"\n"
    )
    claims = [claim for claim, _, _ in _said(db_url, text)]
    assert claims == [
        'The law risked "emptying" French museums.',
        "Today it is 26 objects, tomorrow it will be thousands.",
        'Families were "exhausted" by the delay.',
        "Every month that goes by is another month of hospital admissions.",
        "Our members don't care who blinks first. They care that their children get this drug.",
    ]


def test_a_body_saying_it_did_something_is_named_in_its_claim(db_url):
    text = (
        'In a statement, Veltrix Therapeutics said it was "disappointed" by the remarks.\n\n'
        "The ministry said it was too early to say how many schools were closed.\n\n"
        "Anna Denyer said it would fail.\n\n"
        "The European Space Agency said its Ariane 6 rocket would launch next month.\n\n"
        "FreshWay said it had removed the products from its stores.\n\n"
        "McDonald said it would rain.\n\n"
        "Siemens said its trains would run by 2030.\n"
    )
    assert _claims(db_url, text) == [
        'Veltrix Therapeutics was "disappointed" by the remarks.',
        "It was too early to say how many schools were closed.",
        "It would fail.",
        "The European Space Agency's Ariane 6 rocket would launch next month.",
        "FreshWay had removed the products from its stores.",  # a brand's inner capital
        "It would rain.",  # a surname's is no brand's
        "Siemens' trains would run by 2030.",  # "said its": the article's thing
    ]


def test_what_records_show_is_not_also_the_articles_own_statement(db_url):
    text = (
        "According to a government inventory published in 2022, some 84,000 objects are held "
        "in French public collections.\n"
    )
    assert [(p.claim_text, bool(p.hops)) for p in proposals_for(db_url, text)] == [
        ("Some 84,000 objects are held in French public collections.", True)
    ]


def test_told_reporters_without_that_names_the_speaker_and_keeps_the_whole_clause(db_url):
    """ "Told reporters he would …": "he" can only be the speaker, as reporters are anyone;
    the claim goes on to the clause's end ("on Wednesday"), where a tagger may stop short."""
    text = (
        "According to the Federation of Belgian Enterprises, the strike is costing the "
        "economy roughly 30 million euros ($32.5 million) a day. The employers' group urged "
        "both sides to return to the table.\n\n"
        "Belgian Labor Minister Frank Vandenbroucke told reporters he would meet union "
        "leaders on Wednesday.\n\n"
        "Ann Lee told Bob Smith he had lied about the budget.\n"
    )
    assert _said(db_url, text)[1:] == [
        (
            "Frank Vandenbroucke would meet union leaders on Wednesday.",
            "he would meet union leaders on Wednesday",
            "Frank Vandenbroucke",
        ),
        ("He had lied about the budget.", "he had lied about the budget", "Ann Lee"),
    ]


def test_a_participle_stirring_fears_is_no_source(db_url):
    """ "…, fuelling fears that A": nobody is said to claim A; the sentence is the article's."""
    text = (
        "The central bank raised rates again on Thursday, fuelling fears that mortgage costs "
        "will climb further.\n"
    )
    assert [(p.claim_text, p.hops) for p in proposals_for(db_url, text)] == [
        (
            "The central bank raised rates again on Thursday, fuelling fears that mortgage "
            "costs will climb further.",
            [],
        )
    ]


def test_the_speakers_own_pronouns_are_named_after_an_outlet_told_and_in_possessives(db_url):
    """ "told Radio Holmdal she was": an outlet is no "she"; "her team" is the speaker's, and
    "his client" whose lawyer the speaker is; "told Bob Smith his plan" may be Bob's, so left
    as written."""
    text = (
        'Holmdal mayor Birgit Lund told Radio Holmdal she was "deeply disappointed" by the '
        "ruling.\n\n"
        "Helena Crowther said her team plans to begin a randomised trial next year.\n\n"
        "Vantanen's lawyer, Jens Kolberg, said his client would take the case to the Court of "
        "Arbitration for Sport.\n\n"
        "Ann Lee told Bob Smith his plan would fail.\n"
    )
    assert _claims(db_url, text) == [
        'Birgit Lund was "deeply disappointed" by the ruling.',
        "Helena Crowther's team plans to begin a randomised trial next year.",
        "Vantanen would take the case to the Court of Arbitration for Sport.",
        "His plan would fail.",
    ]


def test_a_body_the_article_shows_to_be_one_is_named_for_it(db_url):
    """ "the Directorate, which said … that it had recovered": the article treats it as a
    thing, so "it" is the Directorate; "it was the third case" is a thing counted."""
    text = (
        "The case was brought by the National Anti-Corruption Directorate, which said in a "
        "statement that it had recovered 2.1 million euros of the money so far.\n\n"
        "A NADA spokesman said it was the third EPO case in German cycling in the past 12 "
        "months.\n"
    )
    assert _claims(db_url, text)[1:] == [
        "The National Anti-Corruption Directorate had recovered 2.1 million euros of the money "
        "so far.",
        "It was the third EPO case in German cycling in the past 12 months.",
    ]


def test_someone_said_not_to_comment_is_no_claim(db_url):
    text = (
        "A Keller Elektronik spokesman said the company did not comment on individual "
        "customers.\n\n"
        "The ministry said it would not comment further on the case.\n\n"
        "The ministry said the minister did not say anything wrong in the interview.\n"
    )
    assert _claims(db_url, text) == [
        "The minister did not say anything wrong in the interview.",
    ]


def test_what_someone_showed_a_he_a_body_speaks_of_and_a_call_to_read_on(db_url):
    """ "showed no emotion as …" is seen, not said; "He has 21 days…, NADA said" is the man
    the story is about, no body; "Follow our live coverage" is no claim."""
    text = (
        "ORAVA - Follow our live coverage of the count.\n\n"
        "Erik Vantanen, 27, was banned for four years on Monday.\n\n"
        "He has 21 days to lodge an appeal with CAS, NADA said.\n\n"
        "Brannic, 61, showed no emotion as the sentence was read.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "Erik Vantanen, 27, was banned for four years on Monday.": [],
        "Erik Vantanen has 21 days to lodge an appeal with CAS.": ["NADA"],
        "Brannic, 61, showed no emotion as the sentence was read.": [],
    }


def test_a_lawyers_client_a_denial_with_a_time_and_words_said_once(db_url):
    """ "His lawyer, Petra Solberg, told reporters outside the courthouse that her client":
    "his" is the client's, not the lawyer's gender; "denied all the charges throughout the
    trial" is the article's account of a denial; "although it had asked for 11 years" leaves
    no speakerless copy of what the prosecutor said."""
    text = (
        "His lawyer, Petra Solberg, told reporters outside the courthouse that her client "
        "would appeal.\n\n"
        "Teodor Brannic denied all the charges throughout the 14-month trial.\n\n"
        "Prosecutor Adrian Kell told the Coastline Herald the prosecution was satisfied with "
        "the sentence, although it had asked for 11 years.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "Petra Solberg's client would appeal.": ["Petra Solberg"],
        "Teodor Brannic denied all the charges throughout the 14-month trial.": [],
        "The prosecution was satisfied with the sentence.": ["Adrian Kell", "Coastline Herald"],
    }


def test_a_charity_or_firm_saying_it_and_lines_about_anonymity_are_read_so(db_url):
    text = (
        'Greystone Homes said it was "extremely disappointed" and would consider an appeal.\n\n'
        "The Red Cross said it had sent 200 volunteers to the region.\n\n"
        "The officials asked not to be named because the discussions were private.\n\n"
        "The engineer spoke on condition of anonymity.\n\n"
        "The ministries did not give details of the framework.\n"
    )
    assert _claims(db_url, text) == [
        'Greystone Homes was "extremely disappointed" and would consider an appeal.',
        "The Red Cross had sent 200 volunteers to the region.",
    ]


def test_they_of_people_described_and_a_speakers_act_after_but_or_and(db_url):
    """ "The family of X said they had been ignored": the family, no source named X; "they"
    of residents or analysts is those people; "but urged …" and "and rated …" are the
    speaker's acts, no part of what was said ("but urged the bank to act sooner" is the
    article's account of the demand, claimed whole)."""
    text = (
        'The family of Derek Haines, who died in March, said they had been "ignored" by '
        "managers.\n\n"
        "Analysts at Morgan Stanley said they expected two more rate cuts.\n\n"
        "The union said they would strike.\n\n"
        'The Norvalian Chamber of Commerce said in a statement that businesses were "relieved" '
        "but urged the bank to act sooner.\n\n"
        'The Care Standards Commission said conditions on the ward were "unsafe and '
        'undignified" and rated the service inadequate.\n'
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        'The family of Derek Haines had been "ignored" by managers.': [
            "The family of Derek Haines"
        ],
        "Analysts at Morgan Stanley expected two more rate cuts.": ["Analysts at Morgan Stanley"],
        "They would strike.": ["The union"],  # a body's "they" may be its members or others
        'Businesses were "relieved."': ["Norvalian Chamber of Commerce"],
        # the demand, in the article's words, as for "said A and urged B"
        "The Norvalian Chamber of Commerce urged the bank to act sooner.": [],
        'Conditions on the ward were "unsafe and undignified."': ["Care Standards Commission"],
    }


def test_her_managers_she_is_hers_and_a_call_for_something_is_an_act(db_url):
    text = (
        "Her longtime manager, Bernard Loisel, told Global Wire that she had been working on "
        "a final album.\n\n"
        "The opposition Progressive Party called for the programme to be suspended.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "She had been working on a final album.": ["Bernard Loisel", "Global Wire"],
        "The opposition Progressive Party called for the programme to be suspended.": [],
    }


def test_a_clock_time_a_translator_and_a_tagger_stopping_inside_an_abbreviation(db_url):
    """ "at 5:30 a.m." before a quotation ends a sentence ("at 9 a.m. Monday" does not); a
    translator renders words, passes none on; a content stopping inside "a.m." goes on."""
    text = (
        '"Our grandparents told us about this frog," Wampash said, according to the '
        "translator.\n\n"
        "Brynmor Coal Ltd said in a statement that the collapse happened at about 6:40 a.m. in "
        "a tunnel on the lower seam.\n\n"
        "Sian Hughes said she had last spoken to him at 5:30 a.m. "
        '"He told me it was going to be an ordinary day," she said.\n'
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "Our grandparents told us about this frog.": ["Wampash"],
        "The collapse happened at about 6:40 a.m. in a tunnel on the lower seam.": [
            "Brynmor Coal Ltd"
        ],
        "Sian Hughes had last spoken to him at 5:30 a.m.": ["Sian Hughes"],
        "He told me it was going to be an ordinary day.": ["Sian Hughes"],
    }


def test_what_a_witness_accepted_counsel_put_and_a_poll_found_are_theirs_alone(db_url):
    """No copy as the article's own statement beside the speaker's: "Delaine accepted that
    A, but said B" (B is Delaine's too), "Fenwick put it to him that A", "A poll … by
    Keystone Research found A"."""
    text = (
        "Under cross-examination, Delaine accepted that he had once thrown a script across a "
        "rehearsal room, but said it had not been aimed at anyone.\n\n"
        "Fenwick put it to him that a 24-year-old assistant director had left the production "
        "in tears.\n\n"
        "A poll released on Friday by Keystone Research found Harlan and Okafor tied at 46 "
        "percent each among likely voters.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "He had once thrown a script across a rehearsal room.": ["Delaine"],
        "It had not been aimed at anyone.": ["Delaine"],
        "A 24-year-old assistant director had left the production in tears.": ["Fenwick"],
        "Harlan and Okafor tied at 46 percent each among likely voters.": ["Keystone Research"],
    }


def test_a_headline_credits_someone_only_by_a_verb_of_speech(db_url):
    """A headline tells acts in the present ("Veridane recalls pills"), which read as
    speech: it is proposed as the article's own statement unless a rule finds a verb that
    only reports speech ("…, clerk says")."""
    body = "\n\nThe recount will begin on Monday, the county clerk said.\n"
    recalls = "Veridane recalls blood pressure pills over contamination fears"
    plain = speakers_of(proposals_for(db_url, recalls + body))
    assert plain == {
        f"{recalls}.": [],
        "The recount will begin on Monday.": ["the county clerk"],
    }
    credited = speakers_of(
        proposals_for(db_url, "Recount to begin Monday, clerk says" + body, "Evening Post")
    )
    assert credited["Recount to begin Monday."] == ["clerk"]


def test_said_in_a_statement_that_a_and_urged_b_is_a_and_the_demand(db_url):
    """The statement a speaker said something in does not swallow the act after "and":
    A is theirs, and the demand is claimed whole, with or without quoted words in A; a
    company faulted for something is claimed whole too, and a reason cited is no source."""
    text = (
        "The Calderon Chamber of Commerce said in a statement that member companies were "
        'losing "millions every hour" and urged the government to intervene.\n\n'
        "The Harbour Traders Guild said in a statement that member firms were losing "
        "millions every day and urged the port to reopen.\n\n"
        "Patient groups criticised the company for what they described as slow "
        "communication.\n\n"
        "Marchetti declined to say more, citing ongoing discussions.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        'Member companies were losing "millions every hour."': ["Calderon Chamber of Commerce"],
        "The Calderon Chamber of Commerce urged the government to intervene.": [],
        "Member firms were losing millions every day.": ["Harbour Traders Guild"],
        "The Harbour Traders Guild urged the port to reopen.": [],
        "Patient groups criticised the company for what they described as slow communication.": [],
    }  # and nothing said on the word of "ongoing discussions"


def test_but_that_parts_two_claims_and_whom_someone_told_is_no_part_of_one(db_url):
    """ "said A but that B" is two claims, as "said A and that B" is; "told supporters at
    a rally on Sunday that A" claims A, not "Supporters at a rally … that A"."""
    text = (
        'The regulator said the risk to individual patients was "very low" but that '
        "long-term exposure could increase cancer risk.\n\n"
        "Gordon Pruitt told supporters at a rally on Sunday that the challenge was a "
        "distraction.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        'The risk to individual patients was "very low."': ["The regulator"],
        "Long-term exposure could increase cancer risk.": ["The regulator"],
        "The challenge was a distraction.": ["Gordon Pruitt"],
    }


def test_an_infinitive_left_understood_or_a_passive_s_preposition_ends_a_claim(db_url):
    """ "had paid no ransom and did not intend to" and "was never acted on" end where the
    sentence does: a verb's "to" or a passive's preposition, not a clause cut off (a
    content ending on "meet on" still is)."""
    text = (
        "Dana Whitcombe told the Ardley Courier that the company had paid no ransom and did "
        "not intend to.\n\n"
        "The memo was never acted on, the former employee said.\n\n"
        "Officials said the union leaders would meet on.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "The company had paid no ransom and did not intend to.": [
            "Dana Whitcombe",
            "Ardley Courier",
        ],
        "The memo was never acted on.": ["the former employee"],
        "Officials said the union leaders would meet on.": [],
    }


def test_responsibility_claimed_and_a_danger_warned_of_are_claimed_whole(db_url):
    """ "claimed responsibility for the attack" and "warned of a recession that would …"
    are the acts, claimed whole (not "Responsibility for the attack …" on the group's
    word); "said about 62,000 passengers were affected" is an amount, still said."""
    text = (
        "A group calling itself BlackLantern claimed responsibility for the attack on a site "
        "it uses to publish stolen data.\n\n"
        "The minister warned of a recession that would hit the poorest hardest.\n\n"
        "Aurelia Air said about 62,000 passengers were affected.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "A group calling itself BlackLantern claimed responsibility for the attack on a site "
        "it uses to publish stolen data.": [],
        "The minister warned of a recession that would hit the poorest hardest.": [],
        "About 62,000 passengers were affected.": ["Aurelia Air"],
    }


def test_a_second_verb_of_the_speaker_after_but_or_and_ends_what_was_said(db_url):
    """ "acknowledged recruitment had been difficult but disputed the union's figures" says
    that recruitment had been difficult; the disputing is the speaker's, not the claim's.
    "prices had risen and exceeded the forecast" goes on: "exceeded" reports nothing."""
    text = (
        "The hospital's management acknowledged recruitment had been difficult but disputed "
        "the union's figures.\n\n"
        "The minister said prices had risen and exceeded the forecast.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "Recruitment had been difficult.": ["The hospital's management"],
        "Prices had risen and exceeded the forecast.": ["The minister"],
    }


def test_a_noun_with_its_relative_clause_is_no_statement(db_url):
    """ "The bloom, which turned the shoreline pea-green, was first reported by a kayaker":
    the kayaker reported the bloom, a thing, not words; "the plan, which was approved in
    May, would cost $5 billion" is still said."""
    text = (
        "The bloom, which turned large stretches of the shoreline a bright pea-green, was "
        "first reported by a kayaker on Saturday.\n\n"
        "The minister said the plan, which was approved in May, would cost $5 billion.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "The bloom, which turned large stretches of the shoreline a bright pea-green, was "
        "first reported by a kayaker on Saturday.": [],
        "The plan, which was approved in May, would cost $5 billion.": ["The minister"],
    }
