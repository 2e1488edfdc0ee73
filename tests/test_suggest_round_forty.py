"""Readings a blind check of wildfire, football, expenses, ransomware, dam and trial stories
asked for: bodies named by how their names end, papers by theirs, "she" for the
spokeswoman who just spoke, a quotation that goes on before another speaker's words."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def test_a_service_a_club_and_a_party_are_the_ones_the_story_named(db_url):
    """ "The service said" after the Cresswell County Fire Service, "The club said" after
    Brackenford United, "The party said" after "The opposition Progressive Alliance"."""
    text = (
        "The Cresswell County Fire Service (CCFS) said the blaze had burned 6,200 acres.\n\n"
        "The service said at least 14 structures had been destroyed.\n\n"
        "Brackenford United were placed into administration on Monday.\n\n"
        "The club said its directors had appointed administrators.\n\n"
        'The opposition Progressive Alliance called the revelations "a disgrace".\n\n'
        "The party said it would table an urgent question on Wednesday.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["At least 14 structures had been destroyed."] == [
        "Cresswell County Fire Service"
    ]
    assert speakers["Brackenford United's directors had appointed administrators."] == [
        "Brackenford United"
    ]
    assert speakers["Progressive Alliance would table an urgent question on Wednesday."] == [
        "Progressive Alliance"
    ]


def test_a_paper_named_by_its_clarion_and_she_the_spokeswoman_who_just_spoke(db_url):
    """ "the Clarion" after "the Sunday Clarion" is that paper, and "According to the
    newspaper" too; "She said" after "A UNEP spokeswoman said" is the spokeswoman, for the
    UN Environment Programme the acronym spells, not the country named last."""
    text = (
        "The Sunday Clarion reported that the minister paid rent to her brother.\n\n"
        "According to the newspaper, the arrangement was never declared.\n\n"
        "Two government sources told the Clarion that colleagues had urged her to resign.\n\n"
        "Talks brokered by the UN Environment Programme (UNEP) have failed. Tarsania says it "
        "will go on. A UNEP spokeswoman in Geneva said the agency was concerned. She said "
        "experts were ready to travel to the region.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["The arrangement was never declared."] == ["Sunday Clarion"]
    assert speakers["Colleagues had urged her to resign."][-1] == "Sunday Clarion"
    assert speakers["Experts were ready to travel to the region."] == ["UN Environment Programme"]


def test_a_quotation_going_on_is_not_the_next_speaker_s_and_a_meteorologist_is_no_name(db_url):
    """'"A," said Rhys Morgan. "B." The party said it would …': B is Morgan's, not the
    party's too; "Meteorologist Priya Natarajan" is Priya Natarajan."""
    text = (
        "\"The minister was using taxpayers' money,\" said Rhys Morgan, the party's deputy "
        'leader. "If the prime minister had any respect, she would be gone by tonight." The '
        "party said it would table an urgent question.\n\n"
        "Meteorologist Priya Natarajan said a cold front could bring some relief.\n"
    )
    proposals = proposals_for(db_url, text)
    gone = [p for p in proposals if p.claim_text.startswith("If the prime minister")]
    assert [[h["name"] for h in p.hops] for p in gone] == [["Rhys Morgan"]]
    speakers = speakers_of(proposals)
    assert speakers["A cold front could bring some relief."] == ["Priya Natarajan"]


def test_a_spokesman_s_he_what_a_spokesman_s_body_was_doing_and_when_words_were_said(db_url):
    """ "her official spokesman said he was not aware" is the spokesman, not the man named
    before; "A spokesman for the county's emergency management office said it was looking"
    is the office; "quoted X as saying on Wednesday that A" claims A; "told the jury" is
    where words were said, no claim of its own."""
    text = (
        "Rhys Morgan, the party's deputy leader, said the minister should resign.\n\n"
        "Asked about the lease, her official spokesman said he was not aware of it.\n\n"
        "A spokesman for the county's emergency management office said it was looking into "
        "the reports.\n\n"
        "The state news agency, TNA, quoted Prime Minister Daniel Berhe as saying on Wednesday "
        "that the second phase of filling would be completed.\n\n"
        "Her barrister, Eleanor Fitch, told the jury that the charity had transferred the "
        "money, the Capital Chronicle reported.\n"
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert "Her official spokesman was not aware of it." in claims
    assert "The county's emergency management office was looking into the reports." in claims
    assert "The second phase of filling would be completed." in claims
    assert "The charity had transferred the money." in claims
    assert not [claim for claim in claims if "told the jury" in claim]


def test_he_is_the_subject_set_off_before_and_one_of_them_spoke_through_the_paper(db_url):
    """ "Former chairman Graham Pettifer, who stepped down …, has blamed …. He told the
    Evening Post last week that he had lent …": Pettifer, not the administrator quoted
    before; "Two sources told the Clarion that A. One of them said B": B through the
    Clarion too."""
    text = (
        "Administrator Margaret Doyle said the club had funds until January.\n\n"
        "Former chairman Graham Pettifer, who stepped down in September, has blamed the "
        "club's problems on falling attendances. He told the Brackenford Evening Post last "
        "week that he had lent the club 3 million pounds.\n\n"
        "The Sunday Clarion reported the story on Sunday. Two government sources told the "
        "Clarion that colleagues had urged Ashworth to step aside. One of them said the "
        'minister\'s position was "hanging by a thread".\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["The club had funds until January."] == ["Margaret Doyle"]
    assert speakers["Graham Pettifer had lent the club 3 million pounds."] == [
        "Graham Pettifer",
        "Brackenford Evening Post",
    ]
    assert speakers['The minister\'s position was "hanging by a thread."'][-1] == "Sunday Clarion"


def test_what_a_body_named_something_is_no_cue_of_its_own(db_url):
    """ "said the blaze, which it has named the Pinecrest Fire, had burned 6,200 acres":
    naming passes no words on; the claim opens with its subject."""
    for before in ("", "HARLOW RIDGE — More than 4,000 residents fled, fire officials said.\n\n"):
        text = before + (
            "The Cresswell County Fire Service (CCFS) said the blaze, which it has named the "
            "Pinecrest Fire, had burned roughly 6,200 acres by late afternoon.\n"
        )
        speakers = speakers_of(proposals_for(db_url, text, outlet=f"Ridge News {len(before)}"))
        assert speakers[
            "The blaze, which it has named the Pinecrest Fire, had burned roughly 6,200 acres by "
            "late afternoon."
        ] == ["Cresswell County Fire Service"]


def test_who_said_after_a_person_described_and_a_count_s_subject_is_no_claim(db_url):
    """ "Carla Moretti, a nurse from Westbury, who said" and "Jonathan Reyes of the firm
    Reyes & Pike, who said" are the people, not the town or the firm's last word; "its
    parallel count, based on 1,200 stations, indicated that A" claims A alone; "Rival
    Tessaline said in May it would" is Tessaline, and May when it said so."""
    text = (
        "Among those affected is Carla Moretti, a 34-year-old nurse from Westbury, who said "
        "she ate at the chain's waterfront branch on Sept. 12.\n\n"
        "Moretti has hired a lawyer, Jonathan Reyes of the firm Reyes & Pike, who said he was "
        "now representing 22 people.\n\n"
        "A domestic monitoring group, Clean Vote, said its parallel count, based on a sample "
        "of 1,200 polling stations, indicated that neither candidate would clear 50 percent.\n\n"
        "Rival Tessaline said in May it would lay off 900 people.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["Carla Moretti ate at the chain's waterfront branch on Sept. 12."] == [
        "Carla Moretti"
    ]
    assert speakers["Jonathan Reyes was now representing 22 people."] == ["Jonathan Reyes"]
    assert speakers["Neither candidate would clear 50 percent."] == ["Clean Vote"]
    assert not [claim for claim in speakers if claim.startswith("Its parallel count")]
    assert speakers["It would lay off 900 people."] == ["Tessaline"]


def test_a_body_s_feelings_are_its_own_not_an_empty_it(db_url):
    """ "said it was "deeply sorry" to everyone" and "said it was open to further talks"
    are the body's, as "was ready to" is; "it was too early to say" stays empty."""
    text = (
        'Harbor Foods said it was "deeply sorry" to everyone who had fallen ill.\n\n'
        "Harbor Foods said it was open to further talks.\n\n"
        "Harbor Foods said it was too early to say.\n"
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert 'Harbor Foods was "deeply sorry" to everyone who had fallen ill.' in claims
    assert "Harbor Foods was open to further talks." in claims
    assert "It was too early to say." in claims


def test_a_relative_clause_that_reports_stays_out_of_the_claim_before_it(db_url):
    """ "said the fire season had started early, which they attributed to a dry winter":
    the attributing is a report of its own, not part of what the officials said."""
    text = (
        "State officials said last month that the fire season had started nearly six weeks "
        "earlier than average, which they attributed to an unusually dry winter.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["The fire season had started nearly six weeks earlier than average."] == [
        "State officials"
    ]


def test_the_before_a_body_only_where_the_article_writes_the_body_so(db_url):
    """ "at the Varnex Chemicals site" is the site's "the", so Varnex Chemicals' claim has
    none; a quotation's "we" stays when the words say "we" again."""
    text = (
        "The blast happened in a storage building at the Varnex Chemicals site on Ferry "
        "Road.\n\n"
        "Varnex Chemicals said it did not yet know what had caused the explosion.\n\n"
        "The National Environment Agency (NEA) said it had deployed monitoring teams.\n\n"
        '"We are taking samples from the river today and will publish the results as soon as '
        'we have them," an NEA spokesman said.\n'
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert "Varnex Chemicals did not yet know what had caused the explosion." in claims
    assert (
        "We are taking samples from the river today and will publish the results as soon as "
        "we have them." in claims
    )


def test_a_company_set_off_by_what_it_is_keeps_its_claim_and_a_cruise_line_is_one(db_url):
    """ "Kestrel Biologics, a … maker based in the Netherlands, plans to launch …, its chief
    executive said": the company plans it, not "In the Netherlands, plans to launch"; a
    cruise line is a company, so "the company said" is Bellmare Cruises."""
    text = (
        "Kestrel Biologics, a privately held biosimilar maker based in the Netherlands, plans "
        'to launch its version "within months" if the ruling is not suspended on appeal, '
        "chief executive Jonas Ekdahl said.\n\n"
        "Bellmare Cruises said 214 passengers had fallen ill. The health and safety of our "
        "guests is our highest priority, the company said in a statement.\n\n"
        'Bellandi, 46, who became a household name as a judge on "Heat of the Kitchen", is '
        "'mortified' by "
        "the findings, a friend of the chef said.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers[
        "Kestrel Biologics, a privately held biosimilar maker based in the Netherlands, plans "
        'to launch its version "within months" if the ruling is not suspended on appeal.'
    ] == ["Jonas Ekdahl"]
    assert speakers["The health and safety of our guests is our highest priority."] == [
        "Bellmare Cruises"
    ]
    assert speakers[
        'Bellandi, 46, who became a household name as a judge on "Heat of the Kitchen", is '
        "'mortified' by "
        "the findings."
    ] == ["a friend of the chef"]


def test_whom_a_speaker_told_is_no_part_of_what_they_were_told(db_url):
    """ "Council officers told members the arrangement would cost …": the members were
    told; the claim is what the arrangement would cost."""
    text = (
        "Council officers told members the arrangement would cost the city about 600,000 "
        "pounds a year in lost interest.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers[
        "The arrangement would cost the city about 600,000 pounds a year in lost interest."
    ] == ["Council officers"]


def test_a_country_s_ministry_of_something_keeps_whose_it_is(db_url):
    """ "Velmar's Ministry of Water Resources" is proposed so, as "Russia's Foreign Ministry"
    is: every country has one; Velmar itself is still Velmar."""
    text = (
        "Velmar's Ministry of Water Resources said the water level had risen by nine metres.\n\n"
        "Velmar, which depends on the river for its fresh water, said the project would reduce "
        "supplies during droughts.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["The water level had risen by nine metres."] == [
        "Velmar's Ministry of Water Resources"
    ]
    assert speakers["The project would reduce supplies during droughts."] == ["Velmar"]
