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
