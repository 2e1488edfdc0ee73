"""Things a story names once and calls by their kind after ("the bridge", "the event",
"It"), and the bodies and speakers around them, read as the story named them: a claim is
stored to be read alone."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def claims_of(db_url: str, text: str) -> set[str]:
    return {p.claim_text for p in proposals_for(db_url, text)}


def test_a_thing_called_by_its_kind_or_a_kindred_word_is_the_one_named(db_url):
    text = (
        "Divers searched the river below the Monteverde viaduct on Friday, police said.\n\n"
        "The bridge, which carried a railway line over the valley, gave way on Thursday.\n\n"
        "A Kestra-5 rocket carrying the Helios-2 weather satellite broke apart after "
        "lift-off on Tuesday. The rocket's upper stage failed to ignite, the company said.\n\n"
        "The Ostvik Summer Open chess tournament will go on. Organisers said the event "
        "would continue with extra checks.\n\n"
        "The Lindqvist Collection was given to the city in 1962. The collection has been "
        "valued at 80 million euros, according to insurance documents.\n"
    )
    claims = claims_of(db_url, text)
    assert (
        "The Monteverde viaduct, which carried a railway line over the valley, gave way on "
        "Thursday." in claims
    )
    assert "The Kestra-5 rocket's upper stage failed to ignite." in claims
    assert "The Ostvik Summer Open chess tournament would continue with extra checks." in claims
    assert "The Lindqvist Collection has been valued at 80 million euros." in claims


def test_two_things_of_a_kind_or_none_leave_the_words_as_written(db_url):
    text = (
        "The Arcadia satellite and the Boreas satellite were launched on Monday.\n\n"
        "The satellite lost power within hours, officials said.\n\n"
        "Bush entered the race to huge expectations in June, aides said.\n\n"
        "Federal mine No. 2 would soon close. The mine was running out of storage space, "
        "the company said.\n"
    )
    claims = claims_of(db_url, text)
    assert "The satellite lost power within hours." in claims
    assert "Bush entered the race to huge expectations in June." in claims
    assert "The mine was running out of storage space." in claims


def test_it_opening_the_sentence_after_a_named_thing_is_that_thing(db_url):
    text = (
        "The Helios-2 satellite, built by Kestrel Space Systems, was designed to track "
        "storms. It cost about 410 million euros, according to budget documents.\n\n"
        "The Helios-2 satellite was insured.\n\n"
        "It had been tested for eight years, engineers said.\n"
    )
    claims = claims_of(db_url, text)
    assert "The Helios-2 satellite cost about 410 million euros." in claims
    # a paragraph between them: the story has moved on
    assert "It had been tested for eight years." in claims


def test_a_name_set_beside_the_description_is_not_put_in_twice(db_url):
    text = (
        "Buyers face losing their money after the developer, Marston Homes, filed for "
        "bankruptcy on Monday, lawyers said.\n"
    )
    assert claims_of(db_url, text) == {
        "Buyers face losing their money after the developer, Marston Homes, filed for "
        "bankruptcy on Monday."
    }


def test_a_second_statement_opening_with_it_is_about_whom_the_first_was(db_url):
    text = (
        "Orbel Launch chief executive Marianne Dufort spoke at the launch site.\n\n"
        "Dufort said the company would set up an inquiry board within 48 hours and that it "
        "would not resume flights until the cause was understood.\n"
    )
    claims = claims_of(db_url, text)
    assert "Orbel Launch would set up an inquiry board within 48 hours." in claims
    assert "Orbel Launch would not resume flights until the cause was understood." in claims


def test_its_officer_speaks_of_the_body_the_sentence_before_opens_with(db_url):
    text = (
        "The operator, Ligurvia, said it had scheduled the repairs for next spring.\n\n"
        "Tecnostrade rejected that account. Its managing director, Paolo Vanni, said the "
        'firm\'s engineers had classified the cables as "critical" and had urged the '
        "operator to restrict heavy traffic.\n"
    )
    proposals = proposals_for(db_url, text)
    speakers = speakers_of(proposals)
    said = [claim for claim in speakers if claim.startswith("Tecnostrade's engineers")]
    # one statement: what the engineers had done, twice, not the director's second act
    assert said == [
        'Tecnostrade\'s engineers had classified the cables as "critical" and had urged '
        "Ligurvia to restrict heavy traffic."
    ]
    assert speakers[said[0]] == ["Paolo Vanni"]
    assert not any(claim.startswith("Its managing director") for claim in speakers)


def test_a_speakers_second_act_in_the_past_is_still_a_second_claim(db_url):
    text = "Ann Lee said the budget had balanced and added that taxes would not rise.\n"
    assert speakers_of(proposals_for(db_url, text)) == {
        "The budget had balanced.": ["Ann Lee"],
        "Taxes would not rise.": ["Ann Lee"],
    }


def test_a_body_described_speaks_of_itself_as_described(db_url):
    text = (
        "The museum's staff union said it had raised concerns about the wiring twice.\n\n"
        "The company's lawyers said it would appeal.\n"
    )
    claims = claims_of(db_url, text)
    assert "The museum's staff union had raised concerns about the wiring twice." in claims
    assert "It would appeal." in claims  # lawyers are no body: whose appeal is not said


def test_who_a_person_was_where_it_happened_is_no_part_of_their_name(db_url):
    text = (
        "Visitor Tom Ashby said staff had been calm.\n\n"
        "Conservator Lise Brandt said her team had worked through the night.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["Staff had been calm."] == ["Tom Ashby"]
    assert speakers["Lise Brandt's team had worked through the night."] == ["Lise Brandt"]
