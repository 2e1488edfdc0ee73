"""What a body did and what it said in one sentence: "The authority blocked the merger,
saying A" proposes the act as the article's own statement and A as the authority's."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def test_an_act_then_saying_is_the_articles_statement_and_the_speakers_words(db_url):
    text = (
        "The Albion Competition Authority on Tuesday blocked the proposed 4.2 billion pound "
        "merger between Skyline Airways and Northgate Air, saying the deal would have left "
        "passengers with higher fares.\n\n"
        "The minister said the plan was sound, adding that costs would fall.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert (
        speakers[
            "The Albion Competition Authority on Tuesday blocked the proposed 4.2 billion pound "
            "merger between Skyline Airways and Northgate Air."
        ]
        == []
    )
    assert speakers["The deal would have left passengers with higher fares."] == [
        "Albion Competition Authority"
    ]
    # "said A, adding B": nothing of the article's own before the speaker's words
    assert not [claim for claim in speakers if claim.startswith("The minister said")]
    assert speakers["Costs would fall."] == speakers["The plan was sound."]


def test_what_a_body_called_a_thing_stays_inside_the_articles_statement(db_url):
    """ "for what the regulator called "serious and sustained" failures": the regulator's
    word inside the article's own statement, which goes on to its end; and "the bank" is
    Calder & Rowe Bank, "&" and all."""
    text = (
        "Calder & Rowe Bank has been fined 46.2 million pounds by the Financial Conduct Board "
        'for what the regulator called "serious and sustained" failures in its controls.\n\n'
        "The bank said it was not aware of any other investigation.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    whole = (
        "Calder & Rowe Bank has been fined 46.2 million pounds by the Financial Conduct Board "
        'for what the regulator called "serious and sustained" failures in its controls.'
    )
    assert speakers[whole] == []
    assert not [claim for claim in speakers if claim.startswith("Financial Conduct Board called")]
    assert speakers["Calder & Rowe Bank was not aware of any other investigation."] == [
        "Calder & Rowe Bank"
    ]


def test_words_quoted_by_a_paper_named_after_what_it_is_go_through_it(db_url):
    """ "A, a police source was quoted as saying by the newspaper Tagespost": the source's
    A, through Tagespost; and an exclamation quoted before its speaker is the speaker's."""
    text = (
        "Investigators are examining links to similar raids abroad, a police source was "
        "quoted as saying by the newspaper Tagespost.\n\n"
        '"The raids must end now!" Erik Lund was quoted as saying by the newspaper Dagsposten.\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["Investigators are examining links to similar raids abroad."] == [
        "a police source",
        "Tagespost",
    ]
    assert speakers["The raids must end now!"] == ["Erik Lund", "Dagsposten"]


def test_the_statement_a_body_announced_something_in_is_its_words(db_url):
    """ "The club announced the decision in a statement. '…,' the statement said": the
    club's words, though what it announced is no claim of its own."""
    text = (
        "Redcastle United have sacked manager Steve Corrigan after eight matches without a win.\n\n"
        "The club announced the decision in a statement on Sunday night.\n\n"
        '"The board would like to thank Steve for his hard work," the statement said.\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["The board would like to thank Steve for his hard work."] == [
        "Redcastle United"
    ]


def test_what_neither_said_is_no_ones_claim(db_url):
    """ "Neither campaign said it planned to change strategy": no one said it; the sentence
    is the article's own account."""
    text = (
        "Neither campaign said it planned to change strategy in the final weeks.\n\n"
        "Neither of the two candidates said they would concede.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers == {
        "Neither campaign said it planned to change strategy in the final weeks.": [],
        "Neither of the two candidates said they would concede.": [],
    }


def test_what_a_body_forecast_is_claimed_whole(db_url):
    """ "forecast a cool change for Wednesday evening": the thing foreseen is no statement
    alone, the forecast of it is; the clause after "warned that" stays the body's."""
    text = (
        "The Western Weather Service forecast a cool change for Wednesday evening, but warned "
        "that temperatures would reach 41 degrees Celsius before then.\n\n"
        "Economists at Harwick Bank predicted a recession in the second half of the year.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert (
        speakers["The Western Weather Service forecast a cool change for Wednesday evening."] == []
    )
    assert speakers["Temperatures would reach 41 degrees Celsius before then."] == [
        "Western Weather Service"
    ]
    assert "Economists at Harwick Bank predicted a recession in the second half of the year." in (
        speakers
    )


def test_the_articles_own_words_before_a_speaker_end_before_when(db_url):
    text = (
        "Music copyright cases have become more common since 2015, when a jury found that "
        'the duo Harlan & Cole\'s hit "Midnight Avenue" infringed the 1970s soul song "Hold '
        'On Tight."\n'
    )
    claims = set(speakers_of(proposals_for(db_url, text)))
    assert "Music copyright cases have become more common since 2015." in claims
