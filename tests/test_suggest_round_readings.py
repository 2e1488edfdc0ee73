"""Readings asked for by a blind check on six new stories (a fraud sentencing, a teachers'
strike, drones at an airport, a privacy fine, an avalanche, a chess scandal): made-up
sentences in their shapes, each read as a reviewer would accept it."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def test_it_before_a_quotation_and_he_after_a_second_that_name_the_speaker(db_url):
    """'FitPulse said it "strongly disagrees"' is FitPulse's disagreement; "told the Herald
    that A and that he would …": the listener is an outlet, so "he" is the speaker."""
    text = (
        'FitPulse, which is headquartered in Dorren, said it "strongly disagrees" with the '
        "decision and intends to appeal.\n\n"
        'Another parent, Marco Beli, told the Valmore Daily Herald that teachers "deserve '
        'every cent" and that he would support further action if needed.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains['FitPulse "strongly disagrees" with the decision and intends to appeal.'] == [
        "FitPulse"
    ]
    assert chains["Marco Beli would support further action if needed."] == [
        "Marco Beli",
        "Valmore Daily Herald",
    ]


def test_a_report_nested_after_when_or_after_is_part_of_the_outer_claim(db_url):
    """ "said air traffic was halted at 21:40 after police reported drones": the airport
    said all of it, not "Air traffic was halted at 21:40 after."."""
    text = (
        "Kestrup Airport Holding said air traffic was halted at 21:40 local time after police "
        'and control-tower staff reported "multiple large drones" close to the approach path.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert "Air traffic was halted at 21:40 local time after." not in chains
    assert chains[
        "Air traffic was halted at 21:40 local time after police and control-tower staff "
        'reported "multiple large drones" close to the approach path.'
    ] == ["Kestrup Airport Holding"]


def test_roles_before_names_are_no_part_of_them(db_url):
    text = (
        "Passenger Johan Erlund said communication in the terminal had been poor.\n\n"
        "Grandmaster Irina Solberg said she did not want to prejudge the case.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Communication in the terminal had been poor."] == ["Johan Erlund"]
    assert chains["Irina Solberg did not want to prejudge the case."] == ["Irina Solberg"]


def test_an_acronym_the_article_spelt_out_is_that_body(db_url):
    text = (
        "The Lormark Data Protection Authority (LDPA) said its investigation had found "
        "serious breaches.\n\n"
        "The LDPA said it was also examining practices at two other apps.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "The Lormark Data Protection Authority was also examining practices at two other apps."
    ] == ["Lormark Data Protection Authority"]


def test_the_carrier_the_airport_and_the_regulator_are_the_bodies_named(db_url):
    """ "SkyNord, the airline with the most departures, said …. The carrier warned";
    "The airport said" after "Kestrup Airport Holding said"; "According to the regulator"
    long after the regulator was named."""
    text = (
        "SkyNord, the airline with the most departures from Kestrup, said it had cancelled 22 "
        "flights. The carrier warned that disruption would continue through Sunday.\n\n"
        "Kestrup Airport Holding said flights had resumed on Saturday.\n\n"
        "The Lormark Data Protection Authority fined FitPulse 18 million euros on Thursday.\n\n"
        "FitPulse said it had always respected its users' privacy. The company, which has 11 "
        "million users, said its data was pseudonymised and could not identify anyone. It "
        "said it had hired outside lawyers to review the decision, which it called unfair, "
        "and that it would ask the courts to suspend the fine while its appeal was heard.\n\n"
        "According to the regulator, however, pseudonymised data could easily be linked back "
        "to individual users.\n\n"
        "The airport said it expected to operate a full schedule on Sunday.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Disruption would continue through Sunday."] == ["SkyNord"]
    assert chains["Pseudonymised data could easily be linked back to individual users."] == [
        "Lormark Data Protection Authority"
    ]
    assert chains["Kestrup Airport Holding expected to operate a full schedule on Sunday."] == [
        "Kestrup Airport Holding"
    ]


def test_a_demand_after_and_is_claimed_whole_with_its_speaker(db_url):
    """ "and urged anyone who had used the app to register", "but warned passengers to
    check": what was asked of whom, with who asked; not "Passengers to check …". A warning
    with a clause stays the speaker's claim."""
    text = (
        "Paul Anders said the fine was welcome and urged anyone who had used the app before "
        "2023 to register on its website.\n\n"
        "SkyNord said it expected to operate a full schedule but warned passengers to check "
        "their flight status before travelling.\n\n"
        "Officials at the Harbour Authority warned that prices would rise to record levels.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert (
        "Paul Anders urged anyone who had used the app before 2023 to register on its website."
        in chains
    )
    assert "SkyNord warned passengers to check their flight status before travelling." in chains
    assert "Passengers to check their flight status before travelling." not in chains
    # its officials speak for the authority, as its spokesperson would
    assert chains["Prices would rise to record levels."] == ["Harbour Authority"]


def test_a_central_bank_is_no_company_named_before(db_url):
    text = (
        "SkyNord said it had cancelled 22 flights.\n\n"
        "The central bank warned that prices would rise.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Prices would rise."] == ["The central bank"]


def test_the_mayor_is_whom_he_means_and_no_bank(db_url):
    """A described office holder ("The mayor") is whom the next "he" means, and no body:
    "The bank" after it stays a description, not the mayor."""
    text = (
        "The mayor said the roads were closed. He said they would reopen on Monday.\n\n"
        "The bank warned that prices would rise to record levels.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["They would reopen on Monday."] == ["The mayor"]
    assert chains["Prices would rise to record levels."] == ["The bank"]


def test_an_outlet_named_with_its_kind_after_is_a_hop(db_url):
    text = (
        "Irina Solberg lost to Halden in round nine.\n\n"
        '"I played a game against him that felt strange," she told Chess Weekly magazine.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["I played a game against him that felt strange."] == [
        "Irina Solberg",
        "Chess Weekly",
    ]


def test_he_said_of_by_a_jury_is_the_person_the_sentence_is_about(db_url):
    """No jury is "he": the man whose name opens the sentence is."""
    text = (
        "Douglas Fenmore, 58, was convicted in March of fraud after a jury at Harwick Crown "
        "Court found that he had diverted contributions into shell companies.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Douglas Fenmore had diverted contributions into shell companies."] == [
        "a jury at Harwick Crown Court"
    ]


def test_a_body_described_in_reported_speech_is_the_one_named_before(db_url):
    """ "Voss said the union was ready": the union the story named; "the authority" a
    spokesperson for a council means is not an authority the story names only later."""
    text = (
        "The National Union of Classroom Teachers called the strike after talks broke down. "
        "Union leader Helena Voss said the union was ready to return to talks at any time.\n\n"
        "A spokesperson for Harwick City Council said the authority was working closely with "
        "the trustees.\n\n"
        "The Civil Aviation Authority said it had imposed a no-fly zone.\n"
    )
    proposals = proposals_for(db_url, text)
    chains = speakers_of(proposals)
    assert chains[
        "The National Union of Classroom Teachers was ready to return to talks at any time."
    ] == ["Helena Voss"]
    assert chains["Harwick City Council was working closely with the trustees."] == [
        "Harwick City Council"
    ]
    # a strike called is an act, the article's own statement, not the union's words
    assert (
        chains["The National Union of Classroom Teachers called the strike after talks broke down."]
        == []
    )


def test_the_body_a_speaker_is_of_is_the_group_they_speak_of(db_url):
    """ "Maya Delacroix of the League of Women Voters said the group": her league; but "the
    company" a union leader speaks of is not his union."""
    text = (
        "Union leader Tom Haverford of the Rail Workers' Federation said the company had "
        "ignored safety warnings.\n\n"
        "Maya Delacroix of the League of Women Voters said the group supported the recount.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The company had ignored safety warnings."] == ["Tom Haverford"]
    assert chains["The League of Women Voters supported the recount."] == ["Maya Delacroix"]


def test_the_group_of_a_speaker_introduced_with_its_acronym_is_that_body(db_url):
    """ "LCU director Paul Anders" then "Anders said the group": the Lormark Consumers'
    Union the story spelt out, not FitPulse, the last company named."""
    text = (
        "The regulator fined FitPulse 18 million euros. FitPulse said it would appeal.\n\n"
        "Consumer organisation Lormark Consumers' Union (LCU) welcomed the ruling. \"This is a "
        'clear signal," LCU director Paul Anders told Radio Lormark.\n\n'
        "Anders said the group was now preparing a collective claim for compensation.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "Lormark Consumers' Union was now preparing a collective claim for compensation."
    ] == ["Paul Anders"]


def test_what_a_speaker_adds_and_an_arbiter_quoted_go_through_the_same_outlet(db_url):
    """ "was quoted by RTV as saying A. He added that B": B through RTV too; "One of the
    arbiters … told the Carvo Tribune …. '…,' the arbiter was quoted as saying" is that
    arbiter, through the Tribune; "According to the Tribune, the arbiter also said that C"
    is a hop of its own inside the Tribune's report."""
    text = (
        "Education Minister Tobias Kerrin was quoted by the state broadcaster RTV as saying "
        'that the door to negotiations "remains open." He added that the government would '
        'not "write blank cheques" while inflation remained high.\n\n'
        "One of the tournament's arbiters, speaking on condition of anonymity, told the "
        "newspaper Carvo Tribune that Halden had left the playing hall unusually often. "
        '"In round seven he went to the toilet four times," the arbiter was quoted as '
        "saying.\n\n"
        "According to the Tribune, the arbiter also said that a metal-detector check before "
        "the final round had been skipped.\n\n"
        "Petrov said the deal was dead. He added that nobody would sign.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        'The government would not "write blank cheques" while inflation remained high.'
    ] == ["Tobias Kerrin", "RTV"]
    arbiter = "One of the tournament's arbiters"
    assert chains["In round seven he went to the toilet four times."] == [
        arbiter,
        "Carvo Tribune",
    ]
    assert chains["A metal-detector check before the final round had been skipped."] == [
        arbiter,
        "Carvo Tribune",
    ]
    assert chains["Nobody would sign."] == ["Petrov"]


def test_the_articles_own_he_and_his_name_the_person_the_sentence_before_opens_with(db_url):
    """ "Fenmore was led from the dock. He did not speak …", "Halden, 27, won the title. His
    performance drew suspicion": read alone, the claim names him; not where the sentence
    before names someone else too."""
    text = (
        "Fenmore was led from the dock in handcuffs. He did not speak as the sentence was "
        "read out.\n\n"
        "Halden, 27, won the title in Portelo. His performance drew immediate suspicion from "
        "several players.\n\n"
        "John Smith met Anna Berg on Monday in the capital. He left the meeting early without "
        "any comment.\n"
    )
    claims = set(speakers_of(proposals_for(db_url, text)))
    assert "Fenmore did not speak as the sentence was read out." in claims
    assert "Halden's performance drew immediate suspicion from several players." in claims
    assert "He left the meeting early without any comment." in claims


def test_it_after_a_thing_is_the_thing_and_a_moment_described_is_no_claim(db_url):
    """ "welcomed the sentence but said it came too late": the sentence came too late, not
    the group, and the claim says so; "described the moment the snow hit" tells of a telling."""
    text = (
        "The Harwick Pensioners' Action Group, which represents 1,500 members, welcomed the "
        "sentence but said it came too late for many.\n\n"
        "One survivor, a 41-year-old skier from Salzburg, described the moment the snow hit.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert "Harwick Pensioners' Action Group came too late for many." not in chains
    assert chains["The sentence came too late for many."] == ["Harwick Pensioners' Action Group"]
    assert "The moment the snow hit." not in chains
    assert (
        chains[
            "One survivor, a 41-year-old skier from Salzburg, described the moment the snow hit."
        ]
        == []
    )


def test_names_and_outlets_a_second_blind_check_asked_for(db_url):
    """A person "from" a place is the person; an acronym spelt out keeps the country word
    it leaves out; "speaking to Ostrelian state television", "told the Rheinische
    Landeszeitung" and "was quoted as saying by the magazine Archaeology Today" are hops;
    "Figures published by the PCC in January" are the PCC's, one hop."""
    text = (
        "One of those patients, 67-year-old retired bus driver Colin Mayhew from Ashby Green, "
        'was quoted as saying that he had "stopped counting the days" since his referral.\n\n'
        "The Ostrelian Ministry of Foreign Affairs (MFA) rejected the accusations. In a "
        "statement posted on its website, the MFA said the expulsions were part of a "
        "campaign.\n\n"
        "Teodor Kravec, speaking to Ostrelian state television before leaving the ministry "
        "building, "
        'said he had "always acted within the law".\n\n'
        '"We fought all night," Markus Kessler told the Rheinische Landeszeitung.\n\n'
        "The Police Conduct Commission (PCC) has launched an investigation. Figures published "
        "by the PCC in January showed that complaints rose by 18 percent last year.\n\n"
        '"Claims of a ship burial are premature," Aalto was quoted as saying by the magazine '
        "Archaeology Today.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains['Colin Mayhew had "stopped counting the days" since his referral.'] == [
        "Colin Mayhew"
    ]
    assert chains["The expulsions were part of a campaign."] == [
        "Ostrelian Ministry of Foreign Affairs"
    ]
    assert chains['Teodor Kravec had "always acted within the law."'] == [
        "Teodor Kravec",
        "Ostrelian state television",
    ]
    assert chains["We fought all night."] == ["Markus Kessler", "Rheinische Landeszeitung"]
    assert chains["Complaints rose by 18 percent last year."] == ["Police Conduct Commission"]
    assert chains["Claims of a ship burial are premature."] == ["Aalto", "Archaeology Today"]


def test_a_demand_after_a_quotation_and_its_speaker_is_claimed_whole(db_url):
    text = (
        '"Our members were set up to fail," Colquhoun said, and called on the government to '
        "bring criminal charges against the former directors.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert (
        "Colquhoun called on the government to bring criminal charges against the former "
        "directors." in chains
    )
    assert "The government to bring criminal charges against the former directors." not in chains


def test_a_campaign_described_beside_its_name_and_a_department_with_and(db_url):
    """ "Justice for Kestington, a campaign group set up after …, organised a protest. The
    group said": that campaign, whose name is no judge's; "the department" is the
    Department of Health and Care, "and" and all; "the agency described …" claims by name."""
    text = (
        "Justice for Kestington, a campaign group set up after the death of a teenager in "
        "police custody in 2019, organised a protest on Saturday. The group said the arrest "
        'was part of "a pattern of disproportionate force".\n\n'
        "The Department of Health and Care published the figures on Monday. A spokesperson "
        "for the department said the list would start falling next year.\n\n"
        "The National Heritage Agency said the find was important. In a statement, the agency "
        'described the discovery as "of international significance".\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains['The arrest was part of "a pattern of disproportionate force."'] == [
        "Justice for Kestington"
    ]
    assert chains["The list would start falling next year."] == ["Department of Health and Care"]
    assert chains[
        'National Heritage Agency described the discovery as "of international significance."'
    ] == ["National Heritage Agency"]
