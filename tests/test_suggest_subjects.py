"""The article's own sentences name the body they are about: a claim is read alone, so "It
blamed rising rents" says whose blame it is, when the story leaves no doubt."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of

CINEMA = (
    "Starlight Screens, the country's third-largest cinema operator, filed for bankruptcy "
    "protection on Thursday.\n\n"
    "The company, which runs 74 cinemas, said it would keep all sites open while "
    "administrators search for a buyer. It blamed rising rents, high energy costs and a "
    "thin release schedule.\n\n"
    "The chain has struggled since 2020. Its revenue fell to 214 million pounds last year "
    "from 341 million pounds in 2019, according to its latest annual report.\n"
)


def test_it_its_and_the_chain_are_the_company_the_story_is_about(db_url):
    chains = speakers_of(proposals_for(db_url, CINEMA))
    assert chains[
        "Starlight Screens would keep all sites open while administrators search for a buyer."
    ] == ["Starlight Screens"]
    assert (
        "Starlight Screens blamed rising rents, high energy costs and a thin release schedule."
        in chains
    )
    assert chains["Starlight Screens has struggled since 2020."] == []
    assert (
        "Starlight Screens' revenue fell to 214 million pounds last year from 341 million "
        "pounds in 2019." in chains
    )


def test_what_it_may_mean_instead_leaves_it_as_written(db_url):
    """A laptop goes on sale, not its maker; a report finds; and of two banks the story
    named, "the bank" is neither for sure."""
    text = (
        "Lumora Inc on Thursday unveiled a foldable laptop. It will go on sale in October "
        "at a price of $2,999 in the United States.\n\n"
        "The Health Ministry published its annual report on Monday. It found that waiting "
        "times had risen for a third year.\n\n"
        "The Central Bank of Norvalia kept its rate unchanged, said Ingrid Solheim, an "
        "economist at Baltic Union Bank.\n\n"
        "Government bond yields dropped. The bank also lowered its growth forecast for "
        "this year.\n"
    )
    claims = set(speakers_of(proposals_for(db_url, text)))
    assert "It will go on sale in October at a price of $2,999 in the United States." in claims
    assert "It found that waiting times had risen for a third year." in claims
    assert "The bank also lowered its growth forecast for this year." in claims


def test_the_agency_is_the_one_agency_named_not_the_last_source(db_url):
    """ "The agency said" after a sentence crediting "Treasury documents published
    alongside the plan" is the National Space Agency the story named; "Agency director Dr.
    Yusuf Karimi" describes a person, no outlet, and "the guild" is the guild."""
    text = (
        "The government will cut the budget of the National Space Agency by 22 percent, "
        "Finance Minister Gregor Halvorsen announced on Tuesday.\n\n"
        "The agency's annual budget will fall to about 1.4 billion crowns by 2028, according "
        "to Treasury documents published alongside the plan.\n\n"
        "The biggest casualty is the Ardent orbiter. The agency said work on the spacecraft "
        "would stop by the end of the year.\n\n"
        'Agency director Dr. Yusuf Karimi said he was "deeply disappointed" by the '
        'decision. "We are three years from launch," Karimi said.\n\n'
        "The agency's partners abroad were also caught off guard.\n\n"
        "The Film Distributors' Guild said its members were owed 12 million crowns. The "
        "guild said it was seeking legal advice.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Work on the spacecraft would stop by the end of the year."] == [
        "National Space Agency"
    ]
    assert "The National Space Agency's partners abroad were also caught off guard." in chains
    assert chains["The Film Distributors' Guild was seeking legal advice."] == [
        "Film Distributors' Guild"
    ]


def test_an_act_told_in_another_s_report_is_the_reporter_s_account_whole(db_url):
    """ "Dahl accused the government of … and called for Salo to resign, CPA reported": both
    acts on CPA's word, not the demand alone as the article's own."""
    text = (
        "The dispute has political consequences. Opposition leader Pernille Dahl accused "
        "the government of failing coastal communities and called for Salo to resign, CPA "
        "reported.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "Opposition leader Pernille Dahl accused the government of failing coastal "
        "communities and called for Salo to resign."
    ] == ["CPA"]
    assert "Opposition leader Pernille Dahl called for Salo to resign." not in chains


def test_a_body_named_by_whose_it_is_and_a_body_s_document(db_url):
    """ "The ministry said" after "an announcement by Norland's fisheries ministry" proposes
    that description; "The council's latest assessment … warned" is the council's word."""
    text = (
        "The protest follows an announcement by Norland's fisheries ministry that the quota "
        "would be cut by 18 percent.\n\n"
        "The ministry said in a statement on Sunday that it respected the right to protest.\n\n"
        "According to the North Reach Marine Council, an independent scientific body, the "
        "stock has fallen by a third since 2015. The council's latest assessment, published "
        'in October, warned that current fishing levels were "not sustainable".\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Norland's fisheries ministry respected the right to protest."] == [
        "Norland's fisheries ministry"
    ]
    assert chains['Current fishing levels were "not sustainable."'] == [
        "North Reach Marine Council"
    ]


def test_claims_after_amid_or_investigates_is_a_noun_and_a_name_runs_on(db_url):
    """ "amid claims that …" and "while it investigates claims that …" name no claimant: the
    sentences are the article's own, not "University of" saying anything; "admits about
    5,200 undergraduates" says nothing; "the university" is the University of Harwick, whole."""
    text = (
        "University of Harwick suspends admissions director amid claims donors' children "
        "were given places\n\n"
        "The University of Harwick has suspended its director of admissions while it "
        "investigates claims that children of wealthy donors were offered places.\n\n"
        "The university said on Wednesday that it had placed Dr. Simon Achterberg on paid "
        "leave.\n\n"
        "Harwick, founded in 1891, admits about 5,200 undergraduates a year.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert (
        chains[
            "University of Harwick suspends admissions director amid claims donors' children "
            "were given places."
        ]
        == []
    )
    assert (
        chains[
            "The University of Harwick has suspended its director of admissions while it "
            "investigates claims that children of wealthy donors were offered places."
        ]
        == []
    )
    assert chains["The University of Harwick had placed Dr. Simon Achterberg on paid leave."] == [
        "University of Harwick"
    ]
    assert chains["Harwick, founded in 1891, admits about 5,200 undergraduates a year."] == []


def test_told_a_station_s_programme_goes_through_the_station(db_url):
    text = (
        "Education Secretary Michael Thorne said on Thursday that the allegations were "
        "serious. He told BNC Radio's morning programme that he had asked officials for an "
        "urgent briefing.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Michael Thorne had asked officials for an urgent briefing."] == [
        "Michael Thorne",
        "BNC Radio",
    ]


def test_counts_named_groups_and_reported_cases(db_url):
    """ "86 confirmed cases" is no one confirming; "A parents' group called Darrow Families
    for Choice said" is the group speaking (and "it" is the group), through the Sentinel;
    "Carlow County reported two linked cases, its health department said" is the
    department's account, whole, not the count alone."""
    text = (
        "A measles outbreak in Darrow County has grown to 86 confirmed cases, most of them "
        "among unvaccinated children, state health officials said on Monday.\n\n"
        "A parents' group called Darrow Families for Choice said the exclusion policy was "
        "discriminatory and that it was considering legal action, the Darrow Sentinel "
        "reported.\n\n"
        "Neighbouring Carlow County reported two linked cases on Sunday, its health "
        "department said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "A measles outbreak in Darrow County has grown to 86 confirmed cases, most of them "
        "among unvaccinated children."
    ] == ["state health officials"]
    assert chains["Darrow Families for Choice was considering legal action."] == [
        "Darrow Families for Choice",
        "Darrow Sentinel",
    ]
    assert chains["Neighbouring Carlow County reported two linked cases on Sunday."] == [
        "its health department"
    ]


def test_ruled_on_a_day_that_and_a_subject_s_appositive(db_url):
    """ "ruled on Tuesday that ParkLoop, the parking payment app used in more than 200
    towns, misled drivers …": the judge's ruling, the clause to its verb and on, not the
    app's description alone."""
    text = (
        "Court rules parking app ParkLoop must refund thousands of drivers over hidden fees\n\n"
        "CASTLEBRIDGE (Northwire) - A High Court judge ruled on Tuesday that ParkLoop, the "
        'parking payment app used in more than 200 towns, misled drivers by adding a "convenience '
        'charge" that was not shown until after payment, and ordered the company to refund '
        "affected customers.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "ParkLoop, the parking payment app used in more than 200 towns, misled drivers by "
        'adding a "convenience charge" that was not shown until after payment.'
    ] == ["A High Court judge"]  # a description, as written: one of many judges


def test_a_content_of_the_sentence_before_is_not_joined_across_a_speaker(db_url):
    """The tagger's loose content of one sentence and the next sentence's content are not
    one split quotation because the speaker's description holds commas."""
    text = (
        "Several councils that contract with ParkLoop are reportedly reviewing their "
        "agreements. A spokesman for Lendham District Council, which has used the app since "
        '2020, said the council would "study the judgment carefully" before deciding on next '
        "steps.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        'Lendham District Council would "study the judgment carefully" before deciding on '
        "next steps."
    ] == ["Lendham District Council"]


def test_accounts_for_a_share_states_and_what_follows_the_credit_is_own(db_url):
    """ "Fishing accounts for about 4 percent of exports" is a statement, not the name of
    fishing accounts; after ", according to government statistics, but" the article speaks
    for itself again."""
    text = (
        "Fishing accounts for about 4 percent of Norland's exports, according to government "
        "statistics, but in coastal towns such as Kessport it is often the largest employer.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Fishing accounts for about 4 percent of Norland's exports."] == [
        "government statistics"
    ]
    assert chains["In coastal towns such as Kessport it is often the largest employer."] == []


def test_it_is_the_body_the_sentence_before_is_about_and_the_party_its_party(db_url):
    """ "The Transport Ministry approved the route. It said": the ministry, not the firm that
    spoke two sentences up; "The party blamed low turnout" after "The Labour Party lost"
    names the party."""
    text = (
        "Acme Corp sued Beta Holdings on Monday over a patent. The company said the case was "
        "without merit.\n\n"
        "The Labour Party lost three seats on Thursday. The party blamed low turnout in its "
        "northern strongholds.\n\n"
        "The Transport Ministry approved the route. It said the decision was final.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The decision was final."] == ["Transport Ministry"]
    assert "The Labour Party blamed low turnout in its northern strongholds." in chains
