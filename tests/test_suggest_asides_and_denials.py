"""Readings asked for by a blind check on six more stories (a ferry surcharge row, a
hospital data breach, a zoo escape, a wildfire, a football takeover bid, a bridge collapse
trial): the speaker set off inside the words, what a denial denies, and names a saint's
possessive or an acronym holds. Made-up sentences in their shapes."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def test_the_subject_before_a_speakers_aside_is_part_of_the_words(db_url):
    """ "The firm, he said, would publish its accounts": the words are "The firm would
    publish its accounts", his; not the article's own sentence, aside and all."""
    text = (
        "Ferry director Harald Brenning defended the surcharge on Monday. The firm, he said, "
        "would publish its fuel accounts in full.\n\n"
        "The plan, Smith said, would cost 5 million euros.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The firm would publish its fuel accounts in full."] == ["Harald Brenning"]
    assert chains["The plan would cost 5 million euros."] == ["Smith"]


def test_a_denial_of_reports_is_claimed_whole_not_as_the_reports_say(db_url):
    """ "She denied reports that the bid relied on loans": the claim is her denial, never
    "The bid relied on loans" on her word (that is what she says is untrue)."""
    text = (
        "Priya Seddon denied reports that the bid relied on loans secured against the stadium."
        "\n\n"
        "The minister dismissed suggestions that the plan would fail.\n"
    )
    claims = {p.claim_text: p.hops for p in proposals_for(db_url, text)}
    assert "The bid relied on loans secured against the stadium." not in claims
    assert "Suggestions that the plan would fail." not in claims
    assert (
        "Priya Seddon denied reports that the bid relied on loans secured against the stadium."
        in claims
    )
    assert "The minister dismissed suggestions that the plan would fail." in claims


def test_that_as_the_subject_stays(db_url):
    """ "said that was untrue": "That was untrue", not "Was untrue."."""
    text = "Tomas Ekwall said that was untrue and that notices had been posted in August.\n"
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["That was untrue."] == ["Tomas Ekwall"]
    assert chains["Notices had been posted in August."] == ["Tomas Ekwall"]


def test_a_promise_of_a_thing_is_no_claim_without_a_verb(db_url):
    """ "promised emergency payments of 1,000 dollars to every displaced household": not the
    claim "Emergency payments of 1,000 dollars to every displaced household"."""
    text = (
        "State Premier Collette Varga promised emergency payments of 1,000 dollars to every "
        "displaced household.\n"
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert not any(claim.startswith("Emergency payments") for claim in claims)


def test_how_and_when_after_the_outlet_spoken_to_keep_its_hop(db_url):
    """ "speaking to the Harwick Echo on condition of anonymity, said": through the Echo;
    "said separately that" says when, no part of the words."""
    text = (
        "A senior player, speaking to the Harwick Echo on condition of anonymity, said the "
        "squad was nervous.\n\n"
        "The transport ministry said separately that a replacement bridge would open in the "
        "spring.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The squad was nervous."] == ["A senior player", "Harwick Echo"]
    assert "A replacement bridge would open in the spring." in chains


def test_a_saints_name_keeps_its_possessive(db_url):
    """ "St Aldric's General Hospital" is one name, and "St Aldric's" alone is that
    hospital: not "General Hospital", nor "St Aldric"."""
    text = (
        "Records of 80,000 patients were stolen in an attack on St Aldric's General Hospital, "
        "the hospital said.\n\n"
        "In a statement, St Aldric's said the attackers had accessed names.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    stolen = "Records of 80,000 patients were stolen in an attack on St Aldric's General Hospital."
    assert chains[stolen] == ["St Aldric's General Hospital"]
    assert chains["The attackers had accessed names."] == ["St Aldric's General Hospital"]


def test_the_agency_after_its_acronym_is_that_agency_not_the_wire(db_url):
    """ "The NRA rejected that claim. …, the agency said": the National Roads Agency the
    article spelt out, though the article's own origin is a news agency."""
    text = (
        "The bridge was built to plans approved by the National Roads Agency (NRA), the "
        "contractor said.\n\n"
        "The NRA rejected that claim. In a written submission, the agency said the company had "
        "used cheaper steel.\n"
    )
    proposals = proposals_for(db_url, text, origin=("National Press Agency", "via"))
    chains = speakers_of(proposals)
    assert chains["The company had used cheaper steel."] == ["National Roads Agency"]


def test_a_ferry_company_is_the_company_and_its_own_it(db_url):
    """ "Norrvik Ferries" is a company by its name, as "Airlines" or "Shipping" say: its
    "it" is itself, and "the company" after it is Norrvik Ferries."""
    text = (
        "Norrvik Ferries confirmed on Tuesday that it would keep its fuel surcharge.\n\n"
        "Campaigners accused the operator of profiteering. Norrvik Ferries rejected the "
        "accusation. In a statement, the company said the surcharge reflected fuel contracts.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Norrvik Ferries would keep its fuel surcharge."] == ["Norrvik Ferries"]
    assert chains["The surcharge reflected fuel contracts."] == ["Norrvik Ferries"]


def test_the_firm_a_partner_speaks_of_is_the_one_named_after_him(db_url):
    """ "Jonas Harcourt, a partner at Harcourt & Mill," ... "He said the firm would argue":
    his firm, not another company the story named."""
    text = (
        "The breach began at Tessaline Labs, a supplier to the hospital.\n\n"
        '"Our clients trusted the hospital," said Jonas Harcourt, a partner at Harcourt & '
        "Mill, which represents 300 patients. He said the firm would argue that the hospital "
        "had ignored warnings.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Harcourt & Mill would argue that the hospital had ignored warnings."] == [
        "Jonas Harcourt"
    ]


def test_a_description_before_a_noun_is_no_subject_to_name(db_url):
    """ "conceded that the supplier account used in the attack had not been covered": "the
    supplier" is no subject here, "the supplier account" is."""
    text = (
        "The intruders came in through Tessaline Labs, a supplier to the hospital.\n\n"
        "Dr Samuel Okonjo conceded that the supplier account used in the attack had not been "
        "covered.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The supplier account used in the attack had not been covered."] == [
        "Samuel Okonjo"
    ]


def test_a_headlines_bare_noun_is_the_body_its_story_names(db_url):
    """ "…, hospital admits": the headline drops the article; the hospital is the one the
    story goes on to name, St Aldric's General Hospital."""
    text = (
        "Hackers stole records of 80,000 patients, hospital admits\n\n"
        "The records were stolen in an attack on St Aldric's General Hospital in Maravel, the "
        "hospital said on Monday.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Hackers stole records of 80,000 patients."] == ["St Aldric's General Hospital"]


def test_the_name_a_body_goes_by_is_its_name(db_url):
    """ "Ashby's consortium, which operates under the name Greyfield Sports Holdings, said":
    Greyfield Sports Holdings, and so is "a spokeswoman for the consortium" after it."""
    text = (
        "Ashby's consortium, which operates under the name Greyfield Sports Holdings, said it "
        "was surprised by the decision. A spokeswoman for the consortium said it remained "
        "committed to the club.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Greyfield Sports Holdings was surprised by the decision."] == [
        "Greyfield Sports Holdings"
    ]
    assert chains["Greyfield Sports Holdings remained committed to the club."] == [
        "Greyfield Sports Holdings"
    ]


def test_it_after_a_body_named_for_a_saint_is_that_body(db_url):
    """ "St Aldric's General Hospital confirmed the attack. It said": the hospital, its
    saint's possessive no owner's (as "Doyle's attorney" would be)."""
    text = (
        "St Aldric's General Hospital confirmed the attack on Monday. It said there was no "
        "evidence that bank details had been taken.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["There was no evidence that bank details had been taken."] == [
        "St Aldric's General Hospital"
    ]


def test_who_after_an_agent_is_that_agent(db_url):
    """ "That account was disputed by a former lineman, who told the Tallis Herald that A":
    A is the lineman's, through the Herald; not the article's own sentence."""
    text = (
        "That account was disputed by a former Kestrel Power lineman, who told the Tallis "
        "Herald that crews had been warned about corroded fittings.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Crews had been warned about corroded fittings."][-1] == "Tallis Herald"
    assert "lineman" in chains["Crews had been warned about corroded fittings."][0]


def test_an_aside_before_a_quotation_leaves_no_comma_and_an_office_is_no_body(db_url):
    """'Universities, he said, had to "live within their means"': no comma left where the
    aside was; "Chief executive Tomas Wrenfield" holds an office, so "the company" he
    speaks of is the company the story named, not "Chief"."""
    text = (
        "Quillon Systems will cut 400 jobs. Chief executive Tomas Wrenfield announced the cuts "
        'on Monday. He said the company needed to "move faster" to compete.\n\n'
        "Education minister Tobias Lennick spoke on Monday. Universities, he said, had to "
        '"live within their means".\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains['Quillon Systems needed to "move faster" to compete.'] == ["Tomas Wrenfield"]
    assert chains['Universities had to "live within their means."'] == ["Tobias Lennick"]


def test_the_university_is_no_association_whose_name_begins_with_university(db_url):
    """ "The University Lecturers' Association (ULA) said …. The university said": the
    University of Halden, not the lecturers' association."""
    text = (
        "Students occupied a hall at the University of Halden on Monday.\n\n"
        "The University Lecturers' Association (ULA) said it supported the students.\n\n"
        "The university said it had no plans to ask police to clear the hall.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The University of Halden had no plans to ask police to clear the hall."] == [
        "University of Halden"
    ]


def test_a_spokesman_of_an_acronym_speaks_for_the_body_spelt_out(db_url):
    """ "an OWQ spokesman said" after "the Office for Water Quality (OWQ)": the Office, not
    the bare initials."""
    text = (
        "The regulator, the Office for Water Quality (OWQ), opened an inquiry on Monday.\n\n"
        '"We will be looking closely at the company," an OWQ spokesman said.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The Office for Water Quality will be looking closely at the company."] == [
        "Office for Water Quality"
    ]


def test_it_before_quoted_words_and_that_is_no_body(db_url):
    """'The ICS said that it was "beyond reasonable doubt" that the work was painted after
    1950': that "it" is no one, quoted words notwithstanding."""
    text = (
        "The Institute for Conservation Science (ICS) studied the work. The ICS said in its "
        'report that it was "beyond reasonable doubt" that the work had been painted after '
        "1950.\n"
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert not any(claim.startswith("Institute for Conservation Science was") for claim in claims)


def test_a_trade_before_a_name_is_no_part_of_it(db_url):
    """ "Fishmonger Arno Del Castro said": Arno Del Castro, as "Passenger Johan Erlund" is
    Johan Erlund."""
    text = "Fishmonger Arno Del Castro said he was owed 4,000 euros.\n"
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Arno Del Castro was owed 4,000 euros."] == ["Arno Del Castro"]


def test_the_one_hotel_the_article_names_is_the_hotel_of_a_claim(db_url):
    """ "considering legal action against the hotel": the Harwick Lodge Hotel, the one hotel
    the story names; in a quotation the name goes in square brackets, the speaker's words
    kept, and a kind the story names twice over ("the university" with two universities)
    stays as written."""
    text = (
        "Forty guests fell ill after a wedding at the Harwick Lodge Hotel on Saturday.\n\n"
        "Lawyer Nathan Ferro said the couple were considering legal action against the hotel.\n\n"
        '"We trusted the hotel," the bride said.\n\n'
        "Kellan University and Orrin University are testing samples.\n\n"
        "Dr Ana Vik said the results would go to the university first.\n"
    )
    claims = {p.claim_text for p in proposals_for(db_url, text)}
    assert "The couple were considering legal action against the Harwick Lodge Hotel." in claims
    assert "We trusted [the Harwick Lodge Hotel]." in claims
    assert "The results would go to the university first." in claims


def test_the_company_a_body_speaks_of_is_not_itself(db_url):
    """ "Sea Watch Halvic, a campaign group, said the company should lose its licence": the
    company is the one the group accuses; naming it as the group says the opposite."""
    text = (
        "Norvane Lines admitted falsifying emissions data on Monday.\n\n"
        "Sea Watch Halvic, a campaign group based in Ostrava Nova, said the company should lose "
        "its operating licence.\n"
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert not any(claim.startswith("Sea Watch Halvic should") for claim in claims)


def test_a_vet_before_a_name_is_no_part_of_it(db_url):
    text = "Veterinarian Colin Rask said three dogs had fallen ill.\n"
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Three dogs had fallen ill."] == ["Colin Rask"]
