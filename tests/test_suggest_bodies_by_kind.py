"""Bodies a story names once and then calls by what they are: "the mission", "the
estate", "the party", "the court". A claim is read alone, so it names them."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def _proposal(proposals, claim):
    found = [p for p in proposals if p.claim_text == claim]
    assert found, [p.claim_text for p in proposals]
    return found[0]


def test_a_mission_an_estate_and_a_court_named_once_are_named_in_claims(db_url):
    """ "The mission said it had found" is the observation mission's word, and "the estate"
    and "the court" the ones the story named; a kind named twice stays as written."""
    text = (
        "The European Union Election Observation Mission said the vote was orderly. The "
        "mission said it had found isolated irregularities in two districts.\n\n"
        "Lawyers for the Harwood Estate said the estate would contest the will in the High "
        "Court. The court is expected to rule in March, the lawyers said.\n\n"
        "Both the Green Party and the Progressive Alliance Party campaigned on housing. A "
        "spokesman said the party would seek a coalition.\n"
    )
    proposals = proposals_for(db_url, text)
    mission = _proposal(
        proposals,
        "The European Union Election Observation Mission had found isolated irregularities in "
        "two districts.",
    )
    assert [h["name"] for h in mission.hops] == ["European Union Election Observation Mission"]
    _proposal(proposals, "The Harwood Estate would contest the will in the High Court.")
    _proposal(proposals, "The High Court is expected to rule in March.")
    _proposal(proposals, "The party would seek a coalition.")


def test_a_paper_called_by_the_end_of_its_name_is_that_paper(db_url):
    """ "told the Sentinel" in The Carrow Sentinel's own story is no hop of its own (the
    publisher ends every chain); "the Medical Times" is the Westbrook Medical Times the
    article credits, not a new source."""
    text = (
        "Westbrook Medical Times reported that the shot cut hospitalisations by 71%. The "
        "shot also cut severe illness by 64%, according to the Medical Times.\n\n"
        "Nadia Ferreira told the Medical Times that the results were better than hoped.\n\n"
        '"I have shared a track with Kessler for ten years," Anja Brecht told the Sentinel.\n'
    )
    proposals = proposals_for(
        db_url, text, outlet="The Carrow Sentinel", origin=("Westbrook Medical Times", "citing")
    )
    speakers = speakers_of(proposals)
    assert speakers["The shot also cut severe illness by 64%."] == ["Westbrook Medical Times"]
    assert speakers["The results were better than hoped."] == [
        "Nadia Ferreira",
        "Westbrook Medical Times",
    ]
    assert speakers["I have shared a track with Kessler for ten years."] == ["Anja Brecht"]


def test_the_agency_is_the_one_this_sentence_or_the_last_names(db_url):
    """ "the agency" after a wire or a ratings agency named just before is that one, not
    the article's origin nor an agency named paragraphs earlier; "told AFP" is a hop, not
    a claim of its own."""
    text = (
        "The National Anti-Doping Agency banned the sprinter for four years.\n\n"
        "Federation president Ingrid Sollner went further in an interview with dpa. The sport "
        "could not afford another summer of doping headlines, according to the agency.\n\n"
        "Kestrel Ratings downgraded the city by four notches on Friday. The agency said "
        "recovery prospects for bondholders were highly uncertain.\n\n"
        "A salvage expert told Kyodo news agency that refloating the vessel could take days, "
        "the agency reported.\n\n"
        "A spokesman for the regulator told AFP that any review would follow the standard "
        "procedure, the news agency reported.\n"
    )
    proposals = proposals_for(db_url, text, origin=("Reuters", "citing"))
    speakers = speakers_of(proposals)
    assert speakers["The sport could not afford another summer of doping headlines."] == ["dpa"]
    assert speakers["Recovery prospects for bondholders were highly uncertain."] == [
        "Kestrel Ratings"
    ]
    assert speakers["Refloating the vessel could take days."][-1] == "Kyodo"
    assert speakers["Any review would follow the standard procedure."][-1] == "AFP"
    assert not [claim for claim in speakers if "told AFP" in claim]


def test_bodies_and_people_named_as_the_story_names_them(db_url):
    """A shipping line is a company; "the Oststadt police" is the force "the police" means;
    a detective's titles and force are no part of his name; lawyers for someone unnamed
    are described, not named."""
    text = (
        "Stellhaven Line confirmed the incident and said all 22 crew members were safe. The "
        "company said there was no pollution.\n\n"
        "Detective Chief Inspector Rolf Hagedorn of the Oststadt police, who is leading the "
        "investigation, said the thieves had known the layout. The police have appealed for "
        "witnesses, and said a reward would be offered.\n\n"
        "Lawyers for a group of bondholders said they were prepared to go to court.\n"
    )
    proposals = proposals_for(db_url, text)
    speakers = speakers_of(proposals)
    assert speakers["There was no pollution."] == ["Stellhaven Line"]
    assert speakers["The thieves had known the layout."] == ["Rolf Hagedorn"]
    assert speakers["A reward would be offered."] == ["Oststadt police"]
    (lawyers,) = [p for p in proposals if p.claim_text.endswith("prepared to go to court.")]
    assert lawyers.hops[0]["why"].startswith("a description")


def test_a_thing_passing_through_is_a_statement_and_no_one_in_particular_no_speaker(db_url):
    """ "12% of trade passes through the canal, according to X" is X's claim; "Not everyone
    is convinced that the ban will survive" reports nobody's words."""
    text = (
        "Roughly 12% of global container trade passes through the canal, according to the "
        "Global Shippers' Council (GSC), a trade body representing cargo owners.\n\n"
        "Not everyone is convinced that the ban will survive.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["Roughly 12% of global container trade passes through the canal."] == [
        "Global Shippers' Council"
    ]
    assert "The ban will survive." not in speakers


def test_a_body_that_acted_then_said_is_the_speaker_after_an_opening_phrase(db_url):
    """ "In a statement, it apologised for the delays and said it was "working closely …"":
    the line speaks after the phrase that opens the sentence, and its "it was working" is
    the line at work, not the delays."""
    text = (
        "Stellhaven Line said all 22 crew members were safe. In a statement, it apologised to "
        "customers "
        'for the delays and said it was "working closely with the canal authority."\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers['Stellhaven Line was "working closely with the canal authority."'] == [
        "Stellhaven Line"
    ]


def test_a_body_s_we_and_our_are_that_body_where_the_verb_reads_the_same(db_url):
    """A claim read alone says which body "we" is: the one the speaker was introduced as
    speaking for. "We are" becomes "is"; "We need" is left as said, and so is the "we" of a
    speaker the story gives no body."""
    text = (
        "The Meridia Canal Authority (MCA) closed the canal on Wednesday.\n\n"
        '"We will not take risks with the ship," MCA chairman Farid Nasser said.\n\n'
        '"We are working around the clock," Nasser said.\n\n'
        '"We need more tugs," Nasser said.\n\n'
        '"Our members are already facing shortages," Global Shippers Council director general '
        "Helen Okonjo said.\n\n"
        '"We simply did not have the cash," Denise Okafor said.\n'
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert "The Meridia Canal Authority will not take risks with the ship." in claims
    assert "The Meridia Canal Authority is working around the clock." in claims
    assert "We need more tugs." in claims
    assert "Global Shippers Council's members are already facing shortages." in claims
    assert "We simply did not have the cash." in claims


def test_what_a_trial_found_keeps_its_subject_and_a_compound_adjective_is_no_verb(db_url):
    """ "The trial, which enrolled …, found that A, according to X": X reports what the
    trial found, not "Found that A"; "proposes … two city-owned office buildings" names
    things ("city-owned" is no past tense), so it is no claim on the draft's word."""
    text = (
        "The trial, which enrolled about 24,000 people, found that the shot cut severe illness "
        "by 64%, according to the Medical Times.\n\n"
        "The draft also proposes a hiring freeze and the sale of two city-owned office "
        "buildings.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers[
        "The trial, which enrolled about 24,000 people, found that the shot cut severe illness "
        "by 64%."
    ] == ["Medical Times"]
    assert "A hiring freeze and the sale of two city-owned office buildings." not in speakers


def test_a_sprinter_named_in_a_headline_is_the_one_person_of_that_surname(db_url):
    """ "Sprinter Kessler banned" is Tomas Kessler, not a Mr Sprinter Kessler, so the
    "He" after "Kessler himself broke his silence" is Tomas Kessler, not the lawyer who
    spoke last."""
    text = (
        "Sprinter Kessler banned for four years\n\n"
        "Tomas Kessler has been banned from competition for four years, the agency said.\n\n"
        "Rafael Obi, a sports lawyer, said the outcome would turn on the hair test.\n\n"
        "Kessler himself broke his silence in a post on social media on Wednesday. He wrote "
        'that he was "heartbroken but not beaten".\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers['Tomas Kessler was "heartbroken but not beaten."'] == ["Tomas Kessler"]


def test_the_ship_is_the_one_ship_the_story_names(db_url):
    """ "the ferry" after "The MV Lindholm" and "the vessel" after "The Aurora Bay, a
    14,000-TEU vessel operated by Stellhaven Line," are those ships; a story naming two
    leaves "the ship" as written."""
    one = (
        "The MV Lindholm overturned two miles from shore on Saturday.\n\n"
        "The board would examine whether the ferry should have sailed, its chairman said.\n"
    )
    speakers = speakers_of(proposals_for(db_url, one))
    assert "The board would examine whether the MV Lindholm should have sailed." in speakers
    other = (
        "The Aurora Bay, a 14,000-TEU vessel operated by Stellhaven Line, ran aground.\n\n"
        "The authority hoped to free the vessel within 48 hours, its chairman said.\n"
    )
    assert "The authority hoped to free the Aurora Bay within 48 hours." in speakers_of(
        proposals_for(db_url, other, outlet="Tidewater News")
    )
    two = (
        "The MV Lindholm and the MV Skerrin collided on Saturday.\n\n"
        "The board would examine whether the ferry should have sailed, its chairman said.\n"
    )
    speakers = speakers_of(proposals_for(db_url, two, outlet="Harbour News"))
    assert "The board would examine whether the ferry should have sailed." in speakers


def test_his_lawyer_s_client_is_the_person_the_sentence_before_opens_with(db_url):
    """ "Kessler, 27, denies … . His lawyer, Piet Aldershof, said his client would appeal":
    Tomas Kessler would appeal, not "His client"."""
    text = (
        "Tomas Kessler was banned for four years on Tuesday.\n\n"
        "Kessler, 27, denies knowingly taking any banned substance. His lawyer, Piet "
        "Aldershof, said on Wednesday that his client would appeal.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["Tomas Kessler would appeal."] == ["Piet Aldershof"]


def test_the_agency_in_a_wire_story_is_the_public_agency_named_since_the_wire(db_url):
    """ "The Food and Drug Administration said …. The agency said" in an AP story: the FDA,
    named since the wire's credit; after "the official Xinhua news agency said" it is the
    wire."""
    text = (
        "BOSTON (AP) - A biotechnology company halted a vaccine trial on Monday.\n\n"
        "The Food and Drug Administration said it had been told of the cases last week. The "
        "agency said it was reviewing the data from all 120 sites.\n\n"
        "The official Xinhua news agency reported the trial had sites in China. The agency "
        "said two of them had closed.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text, origin=("AP", "via")))
    reviewing = next(claim for claim in speakers if "reviewing the data" in claim)
    assert speakers[reviewing] == ["Food and Drug Administration"]
    closed = next(claim for claim in speakers if "had closed" in claim)
    assert speakers[closed] != ["Food and Drug Administration"]


def test_a_company_introduced_by_its_trade_is_the_company_after(db_url):
    """ "Calder Homes, a housebuilder based in Leeds," is what "the company" and "the
    housebuilder" mean after."""
    text = (
        "Calder Homes, a housebuilder based in Leeds, has gone into administration.\n\n"
        "The company said in a statement that it had run out of cash.\n\n"
        '"We deeply regret the distress this causes," the housebuilder said.\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("Calder Homes had run out of cash.") == ["Calder Homes"], speakers
    assert speakers.get("We deeply regret the distress this causes.") == ["Calder Homes"]


def test_the_company_inside_a_claim_is_the_one_the_story_means_by_it(db_url):
    """ "the company" inside a claim, or opening a quotation, is read as "the company said"
    would be at that point: the firm named before, bracketed inside the quotation."""
    text = (
        "Workers voted to join the union at a warehouse run by Parcelway Inc. on Friday.\n\n"
        "Rebecca Lindgren, a professor, said workers would wait years because the company "
        "could drag this out.\n\n"
        '"The company can drag this out for a long time if it wants to," Lindgren said.\n'
    )
    claims = {p.claim_text for p in proposals_for(db_url, text)}
    assert "Workers would wait years because Parcelway Inc could drag this out." in claims
    assert "[Parcelway Inc] can drag this out for a long time if it wants to." in claims


def test_the_company_is_left_as_written_where_the_story_names_two(db_url):
    """A minister's "the company" in a story of an airline and its bank: which one, only
    the reader can tell; a wrong name would hide the doubt."""
    text = (
        "Skyvale Airways collapsed on Thursday. Its main lender, Nordbank, declined to extend "
        "a credit line.\n\n"
        "A Nordbank spokeswoman said the bank did not comment on individual customers.\n\n"
        "Transport Minister Lars Eide said the state would not bail out the company.\n"
    )
    claims = {p.claim_text for p in proposals_for(db_url, text)}
    assert "The state would not bail out the company." in claims, claims


def test_a_law_is_no_company_and_a_description_no_company_named_before(db_url):
    """ "the Clean Air Act" names a law, not a firm "Clean Air"; "A federal judge" is no
    company: "the company" is Corliss Chemical, the plant's owner named first."""
    text = (
        "A federal judge ruled on Thursday that the Corliss Chemical plant in Bryce Township "
        "violated the Clean Air Act for at least six years.\n\n"
        "In a 74-page decision, the judge found that the plant released sulfur dioxide in "
        "excess of its permit. The company had argued that most of those readings came from "
        "faulty monitoring equipment.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("Most of those readings came from faulty monitoring equipment.") == [
        "Corliss Chemical"
    ], speakers


def test_a_saints_hospital_and_a_name_joined_by_a_foreign_and_keep_their_words(db_url):
    text = (
        "Surgeons at St. Aldric's Regional Hospital postponed operations this week after a "
        "ransomware attack, the hospital confirmed on Wednesday.\n\n"
        "Renata Osei, a spokeswoman, said the hospital had not paid a ransom.\n\n"
        "Tanz und Bühne, the dancers' union, said the cut was a betrayal.\n"
    )
    proposals = proposals_for(db_url, text)
    speakers = speakers_of(proposals)
    assert "St. Aldric's Regional Hospital had not paid a ransom." in speakers
    assert speakers.get("The cut was a betrayal.") == ["Tanz und Bühne"], speakers
    (surgeons,) = [p for p in proposals if p.claim_text.startswith("Surgeons")]
    assert [h["name"] or h["proposed_name"] for h in surgeons.hops] == [
        "St Aldric's Regional Hospital"
    ]


def test_a_company_of_another_trade_is_not_the_airline(db_url):
    """ "the airline" is no "Halden Foods, a supermarket chain"; "the chain" is."""
    text = (
        "Halden Foods, a supermarket chain based in Leeds, is under investigation.\n\n"
        "The regulator said the chain had abused its position in rural towns.\n\n"
        "Critics said the airline was late. The chain said it was sorry.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert "Halden Foods had abused its position in rural towns." in speakers, speakers
    assert "The airline was late." in speakers, speakers
    assert speakers.get("Halden Foods was sorry.") == ["Halden Foods"], speakers


def test_the_opera_house_is_the_opera_named_and_a_hospital_may_be_a_medical_center(db_url):
    text = (
        "The Royal Kessington Opera has fired its artistic director, Matthias Lenk, the opera "
        "house said on Monday.\n\n"
        "Owen Pryce called on the opera house to publish the review.\n\n"
        "Surgeons at St. Brendan's Medical Center stopped an operation after a robot froze, "
        "the hospital said. The robot froze twice, according to a report the hospital filed "
        "with regulators.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get(
        "The Royal Kessington Opera has fired its artistic director, Matthias Lenk."
    ) == ["Royal Kessington Opera"], speakers
    assert "Owen Pryce called on the Royal Kessington Opera to publish the review." in speakers
    assert speakers.get("The robot froze twice.") == ["St Brendan's Medical Center"], speakers


def test_a_group_the_story_named_is_not_the_speakers_firm(db_url):
    """ "A group calling itself Black Lantern …. Halvorsen's head of research said the group
    had targeted": the group so named, not the speaker's own firm."""
    text = (
        "A group calling itself Black Lantern claimed the attack, according to Halvorsen "
        "Threat Labs, a cybersecurity firm.\n\n"
        "Halvorsen's head of research, Tomasz Wielgosz, said the group had previously "
        "targeted two clinics.\n"
    )
    assert "Black Lantern had previously targeted two clinics." in speakers_of(
        proposals_for(db_url, text)
    )
