"""Whom a claim's words mean, said so in the claim: a speaker's own "he", "it" and "his",
a person called by the role the story named them with, and "the agency" the story just
described. A claim is stored once and read alone, apart from its article."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def _claims(proposals):
    return [p.claim_text for p in proposals]


def test_told_an_outlet_in_an_interview_then_he_is_the_speaker(db_url):
    """An outlet told, and where, is no "he": the speaker is."""
    text = (
        "Professor Harold Emsley told Channel Nine in an interview broadcast on Sunday evening "
        "that he first learned of the allegations in January.\n\n"
        "Mara Quist told Bob Ellery in a phone call that he had been dismissed.\n"
    )
    claims = _claims(proposals_for(db_url, text))
    assert "Harold Emsley first learned of the allegations in January." in claims
    # a person told may be the "he": left as written
    assert "He had been dismissed." in claims


def test_an_airline_speaking_of_itself(db_url):
    text = (
        "Northgate Air said in a separate statement that it would now pursue a standalone "
        "strategy.\n"
    )
    assert "Northgate Air would now pursue a standalone strategy." in _claims(
        proposals_for(db_url, text)
    )


def test_his_inside_reported_speech_is_the_speakers_when_no_one_else_is_named(db_url):
    """ "No official had visited his street": Brannock's street. Another person named
    before the pronoun, a listener, or a quotation leave it as written."""
    text = (
        "Ilya Brannock said no official had visited his street since the quake.\n\n"
        "Anna Lind said the minister had lied about his expenses.\n\n"
        "Petra Holm said the council had ignored the letters sent by her lawyer.\n\n"
        "Karl Brandt said Jonas Weber had sold his house in March.\n\n"
        'Ola Nyberg said the storm had "flattened his barn" overnight.\n'
    )
    claims = _claims(proposals_for(db_url, text))
    assert "No official had visited Ilya Brannock's street since the quake." in claims
    assert "The minister had lied about his expenses." in claims
    assert "The council had ignored the letters sent by Petra Holm's lawyer." in claims
    assert "Jonas Weber had sold his house in March." in claims
    assert not [c for c in claims if "Ola Nyberg's" in c]


def test_a_role_the_story_named_one_person_with_is_that_person(db_url):
    """ "the chef" after "Celebrity chef Dominic Ferraro", "the chancellor's apology" after
    "Harold Emsley, the chancellor of …"; two ministers named leave "the minister"."""
    text = (
        "Celebrity chef Dominic Ferraro has shut his flagship restaurant without warning.\n\n"
        "A spokesperson for Ferraro said the chef was working with advisers to pay every "
        "member of staff.\n\n"
        "Harold Emsley, the chancellor of Westbrook University, has apologised.\n\n"
        "Union president Kofi Marsh said the chancellor's apology came too late.\n\n"
        "Trade Minister Elena Vasko and Foreign Minister Rafael Montoya met on Friday.\n\n"
        "Aides said the minister had left early.\n"
    )
    claims = _claims(proposals_for(db_url, text))
    assert "Dominic Ferraro was working with advisers to pay every member of staff." in claims
    assert "Harold Emsley's apology came too late." in claims
    assert "The minister had left early." in claims


def test_the_agency_just_described_is_no_wire(db_url):
    """ "According to the agency", after "The national disaster agency said", is that
    agency, not the wire the article is credited to; "The agency", after a state news
    agency introduced as "the state news agency CNA" and then called "CNA", is CNA."""
    text = (
        "The national disaster agency said in a statement that 1,200 rescuers had been "
        "deployed.\n\n"
        "According to the agency, electricity had been restored to 60 percent of homes.\n\n"
        "Foreign Minister Rafael Montoya warned of retaliation, the state news agency CNA "
        "reported.\n\n"
        "CNA, citing a senior trade official, said Castel was preparing tariffs on wheat.\n\n"
        "The agency said the list would be published within ten days.\n"
    )
    proposals = proposals_for(
        db_url, text, outlet="The Valdria Herald", origin=("Meridian Press", "via")
    )
    speakers = speakers_of(proposals)
    assert speakers["Electricity had been restored to 60 percent of homes."][0].lower() == (
        "the national disaster agency"
    )
    assert speakers["The list would be published within ten days."][0] == "CNA"


def test_a_role_named_beside_it_or_held_by_another_is_left_as_written(db_url):
    """ "Vice President Joe Biden" is not "the president", and "The prosecutor, Carrie
    Cohen," names her already; "his" after another name is not the speaker's."""
    text = (
        "Vice President Joe Biden will visit Ohio.\n\n"
        "Aides said Biden would push the president's executive actions on guns.\n\n"
        "Prosecutor Carrie Cohen said little.\n\n"
        "Witnesses said the prosecutor, Carrie Cohen, looked crushed as she left.\n\n"
        "Peter Cook said Carter believes his use of personal email was a mistake.\n"
    )
    claims = _claims(proposals_for(db_url, text))
    assert "Biden would push the president's executive actions on guns." in claims
    assert "The prosecutor, Carrie Cohen, looked crushed as she left." in claims
    assert "Carter believes his use of personal email was a mistake." in claims


def test_a_bodys_its_in_what_it_said_is_its_own(db_url):
    """ "its nearest intake", "its members": the body speaking, where nothing named before
    in the claim may be what "its" means."""
    text = (
        "Severnvale Water said drinking water supplies were not affected because its nearest "
        "intake was upstream of the plant.\n\n"
        "The Junior Medics Association said more than 80 percent of its members had joined "
        "picket lines.\n\n"
        "Halvern Pharmaceuticals said the plant had reached its capacity.\n"
    )
    claims = _claims(proposals_for(db_url, text))
    assert (
        "Drinking water supplies were not affected because Severnvale Water's nearest intake "
        "was upstream of the plant." in claims
    )
    assert (
        "More than 80 percent of the Junior Medics Association's members had joined picket "
        "lines." in claims
    )
    assert "The plant had reached its capacity." in claims


def test_the_singer_and_the_39_year_old_are_the_people_the_story_means(db_url):
    """A source called by a role the story named one person with, or by an age no one was
    given, after that person spoke, is that person; "the network" that reported is the TV
    network the story named so, not a guess (a story may be about another network)."""
    text = (
        "Pop singer Marisa Vell and property developer Callum Dwyer clashed in court.\n\n"
        '"Music is how I make sense of things," the singer was quoted as saying.\n\n'
        "Danny Whelan said he was ready for the challenge.\n\n"
        '"I know these players inside out," the 39-year-old said.\n\n'
        "Dead fish were found along the river, the television network Channel Meridian "
        "reported.\n\n"
        "The network reported that the spill came from a storage tank.\n"
    )
    speakers = speakers_of(
        proposals_for(
            db_url, text, outlet="Aldermoor Gazette", origin=("Channel Meridian", "citing")
        )
    )
    assert speakers["Music is how I make sense of things."] == ["Marisa Vell"]
    assert speakers["I know these players inside out."] == ["Danny Whelan"]
    assert speakers["The spill came from a storage tank."] == ["Channel Meridian"]


def test_the_network_no_network_was_named_as_is_left_a_description(db_url):
    text = "The network licenses two talk shows from a studio in Los Angeles, executives said.\n"
    speakers = speakers_of(proposals_for(db_url, text, origin=("Channel Meridian", "citing")))
    assert "Channel Meridian licenses two talk shows from a studio in Los Angeles." not in speakers


def test_a_wires_dateline_credit_is_no_agency_a_claim_means(db_url):
    """ "(Meridian Press Agency) -" credits the wire; "the agency" in a speaker's words is
    not it, and stays as written where the story names no other agency."""
    text = (
        "PORTO VELHA, March 14 (Meridian Press Agency) - Authorities ordered the evacuation "
        "of 6,000 residents after Mount Corvado erupted.\n\n"
        "About 1,200 people had been moved by midday, the civil protection agency said.\n\n"
        "Rui Dantas rejected the criticism, saying the agency had followed its protocols.\n"
    )
    origin = ("Meridian Press Agency", "via")
    claims = _claims(proposals_for(db_url, text, outlet="Coastal Herald", origin=origin))
    assert "The agency had followed its protocols." in claims


def test_a_lawyers_he_inside_a_quotation_is_the_client(db_url):
    """'"He is deeply ashamed," Ortega said', after "Lanfield's lawyer, Samuel Ortega,
    said his client …": the client, in brackets, in the quotation and the one going on."""
    text = (
        "Gregory Lanfield, a former admissions director, pleaded guilty on Monday.\n\n"
        "Lanfield's lawyer, Samuel Ortega, said his client accepted responsibility. \"He is "
        'deeply ashamed," Ortega said outside the courthouse. "He has spent the last two '
        'years trying to make amends."\n'
    )
    claims = _claims(proposals_for(db_url, text))
    assert "[Gregory Lanfield] is deeply ashamed." in claims, claims
    assert "[Gregory Lanfield] has spent the last two years trying to make amends." in claims


def test_him_in_the_writers_claim_is_the_one_person_its_sentence_named(db_url):
    text = (
        "The music director of the Calder Symphony Orchestra, Viktor Hallam, resigned on "
        "Wednesday, two weeks after a group of musicians accused him of bullying players.\n"
    )
    claims = _claims(proposals_for(db_url, text))
    assert (
        "The music director of the Calder Symphony Orchestra, Viktor Hallam, resigned on "
        "Wednesday." in claims
    ), claims
    assert "A group of musicians accused Viktor Hallam of bullying players." in claims
