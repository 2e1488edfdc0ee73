"""Questions are no claims: a quotation that only asks proposes nothing, not even the
sentence as the article's own statement, and a quotation that asks, then states, claims
the statement alone. The speaker still goes on to a quotation continued after it."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def test_a_quoted_question_is_no_claim_of_anyone(db_url):
    text = (
        '"Where does this end?" asked union leader Mary Holt.\n\n'
        '"Is this fair?" Holt asked reporters on Monday.\n\n'
        "Holt asked: \u201cWhy should drivers pay for the losses of Northgate Air?\u201d\n"
    )
    assert proposals_for(db_url, text) == []


def test_a_question_before_or_after_a_statement_leaves_the_statement(db_url):
    text = (
        '"Who pays for this? The drivers pay, every single month," said Tom Reyes, a driver.\n\n'
        '"We will strike in March," union leader Mary Holt said. "What choice do we have?"\n\n'
        '"The company has ignored us for years. Why would that change now?" Holt said.\n'
    )
    proposals = proposals_for(db_url, text)
    speakers = speakers_of(proposals)
    assert speakers == {
        "The drivers pay, every single month.": ["Tom Reyes"],
        "We will strike in March.": ["Mary Holt"],
        "The company has ignored us for years.": ["Mary Holt"],
    }
    spans = {p.claim_text: text[slice(*p.quote)] for p in proposals}
    assert spans["The drivers pay, every single month."].startswith("The drivers pay")
    assert spans["The company has ignored us for years."] == (
        '"The company has ignored us for years.'
    )


def test_a_quotation_goes_on_past_a_question_on_the_same_word(db_url):
    text = (
        '"Is this what we were promised?" asked union leader Mary Holt.\n\n'
        '"The company cut 300 jobs at the Leeds depot last year alone."\n'
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "The company cut 300 jobs at the Leeds depot last year alone.": ["Mary Holt"]
    }


def test_what_a_speaker_asked_is_a_question_whatever_closes_it(db_url):
    text = (
        'Is anyone going to take responsibility, she asked in parliament, "or will we be '
        'told again that it was the rain?"\n\n'
        '"Is this the end of the line for the club," the fan asked, "or just the start?"\n'
    )
    assert proposals_for(db_url, text) == []


def test_the_short_answer_to_a_quoted_question_is_no_claim(db_url):
    text = '"Was it in the steak? Maybe," Miriam Koehler said.\n'
    assert proposals_for(db_url, text) == []


def test_an_answer_that_opens_with_because_is_no_claim_alone(db_url):
    text = '"Why? Because people can do the math," said campaigner Gloria Benitez.\n'
    assert proposals_for(db_url, text) == []


def test_a_word_or_two_that_goes_on_a_quotation_is_no_claim(db_url):
    text = '"The lawn is brown, but it is still alive," Linda Cho said. "Mostly."\n'
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers == {"The lawn is brown, but it is still alive.": ["Linda Cho"]}
