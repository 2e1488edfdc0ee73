"""A description the article set beside a name ("Ofwat, the water regulator,") means that
name when the article uses it alone later ("the regulator said")."""

from __future__ import annotations

from claims.suggestions.appositions import apposed_name
from tests.suggest_data import proposals_for, speakers_of


def test_the_description_is_the_name_it_stood_beside(db_url):
    """Name first and description first; a firm named in between is not the operator, nor
    is the company the regulator fined the regulator."""
    text = (
        "Ofwat, the water regulator, fined Severn Trent on Monday. The regulator said the "
        "fine was fair.\n\n"
        "The union, Unite, called a strike. The union said members were angry.\n\n"
        "Brightwater Holdings, the country's largest cinema chain, filed for bankruptcy.\n\n"
        "The operator of the canal, Nordvik Waterways, closed the lock. The operator said "
        "repairs would take a week.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The fine was fair."] == ["Ofwat"]
    assert chains["Members were angry."] == ["Unite"]
    assert chains["Repairs would take a week."] == ["Nordvik Waterways"]


def test_a_body_described_so_since_is_meant_instead(db_url):
    """ "A group calling itself BlackLantern" after "Meridale Health, a hospital group,":
    "the group" is no longer sure to be Meridale."""
    text = (
        "Meridale Health, a hospital group, said its systems were restored on Friday.\n\n"
        "A group calling itself BlackLantern claimed responsibility for the attack. The "
        "group said it would release the records unless it was paid.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["BlackLantern would release the records unless it was paid."] == ["BlackLantern"]


def test_what_opens_a_sentence_is_no_name():
    assert apposed_name("In Paris, the regulator, Ofwat, fined them. ", "regulator") == "Ofwat"
    assert apposed_name("On Monday, the regulator. ", "regulator") is None
    assert apposed_name("In Paris, the regulator fined them. ", "regulator") is None
    assert apposed_name("the regulator, which fined them, said. ", "regulator") is None
    described_first = "The country's financial regulator, the Marlow Conduct Authority, said"
    assert apposed_name(described_first, "regulator") == "Marlow Conduct Authority"


def test_one_of_its_kind_and_the_company_far_from_where_it_was_named(db_url):
    """ "WellPoint Pharmacy, one of Brantia's biggest chemist chains, will close …, the
    company said": WellPoint, and so is "the company" paragraphs later, after an analyst at
    Pemberton Capital spoke; "It said" after "WellPoint said" is WellPoint; "a department
    spokesman" speaks for the Department of Health, not a "Department"."""
    text = (
        "WellPoint Pharmacy, one of Brantia's biggest high-street chemist chains, will close "
        "120 of its 890 branches by the end of March, the company said on Tuesday.\n\n"
        "WellPoint said the fee it receives for each prescription had fallen by around 30 "
        "percent. It said 70 percent of the branches earmarked for closure were within a mile "
        "of another WellPoint store.\n\n"
        "The Department of Health said pharmacy funding had been increased by 4 percent this "
        'year. A department spokesman said ministers were "in active discussions" with the '
        "sector.\n\n"
        "WellPoint, which is owned by the private equity firm Castellan Partners, has been "
        "under financial pressure since 2019. The chain made a pre-tax loss of 42 million "
        "pounds last year, according to accounts filed at the Companies Registry.\n\n"
        "Hannah Lowe, a retail analyst at Pemberton Capital, told the Meridian news agency "
        'that the smaller branches had been "bleeding cash for years".\n\n'
        "The company said a full list of affected branches would be published on Thursday.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    wellpoint = ["WellPoint Pharmacy"]
    assert (
        chains[
            "WellPoint Pharmacy, one of Brantia's biggest high-street chemist chains, will close "
            "120 of its 890 branches by the end of March."
        ]
        == wellpoint
    )
    assert (
        chains[
            "70 percent of the branches earmarked for closure were within a mile of another "
            "WellPoint store."
        ]
        == wellpoint
    )
    assert chains['Ministers were "in active discussions" with the sector.'] == [
        "Department of Health"
    ]
    assert "WellPoint Pharmacy made a pre-tax loss of 42 million pounds last year." in chains
    assert chains["A full list of affected branches would be published on Thursday."] == wellpoint


def test_a_shipbuilder_its_spokesman_a_hospital_s_and_what_residents_reported(db_url):
    """ "Kessby Marine, the country's largest shipbuilder, said … that it was cooperating"
    names Kessby Marine, as "the company" does after it; "…, where a spokeswoman said" is
    the hospital's; "Kessby Marine rejected that account. A spokesman said" is Kessby's;
    "reported hearing a series of explosions" is claimed whole."""
    text = (
        "All three were taken to Halverstad General Hospital, where a spokeswoman said they "
        "were in stable condition.\n\n"
        "Kessby Marine, the country's largest shipbuilder, said in a statement that it was "
        "cooperating fully with investigators. The company said it was too early to say what "
        "had caused the fire.\n\n"
        "Per Oddmund, a union official, said members had warned management about blocked "
        "exits.\n\n"
        "Kessby Marine rejected that account. A spokesman said all emergency routes had been "
        "inspected the previous week.\n\n"
        "Local residents reported hearing a series of small explosions as the fire spread.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["They were in stable condition."] == ["Halverstad General Hospital"]
    assert chains["Kessby Marine was cooperating fully with investigators."] == ["Kessby Marine"]
    assert chains["It was too early to say what had caused the fire."] == ["Kessby Marine"]
    assert chains["All emergency routes had been inspected the previous week."] == ["Kessby Marine"]
    assert (
        "Local residents reported hearing a series of small explosions as the fire spread."
        in chains
    )


def test_it_said_after_a_body_spoke_and_players_told_they_had_won(db_url):
    """ "Ostland Lotto said A. In fact, B, it said": "it" is no person, so Ostland Lotto,
    which "the company" then means too; "3,000 players told they had won" is no one
    telling anything; "it had asked for 11 years" after a prosecutor is not the prosecutor."""
    text = (
        "Lottery operator blames software glitch after 3,000 players told they had won "
        "jackpot\n\n"
        "Ostland Lotto said about 3,200 players who used its mobile app received a "
        "notification. In fact, only two tickets had matched the winning numbers, it said.\n\n"
        '"We deeply regret the distress," said Ingrid Falk, the chief executive.\n\n'
        "The company said the faulty notification was withdrawn at 11.02 p.m.\n\n"
        "Prosecutor Adrian Kell told the Coastline Herald the prosecution was satisfied "
        "with the sentence, although it had asked for 11 years.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert (
        chains[
            "Lottery operator blames software glitch after 3,000 players told they had won jackpot."
        ]
        == []
    )
    assert chains["In fact, only two tickets had matched the winning numbers."] == ["Ostland Lotto"]
    assert chains["The faulty notification was withdrawn at 11.02 p.m."] == ["Ostland Lotto"]
    assert chains["The prosecution was satisfied with the sentence."] == [
        "Adrian Kell",
        "Coastline Herald",
    ]


def test_an_agency_with_its_short_form_reports_after_the_words(db_url):
    text = (
        "Ride-hailing company Zoomly has been stripped of its licence to operate in Varenne "
        "after the city's transport authority found that hundreds of its drivers had not "
        "undergone proper background checks, the Agence Nordique de Presse (ANP) reported on "
        "Monday.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "Ride-hailing company Zoomly has been stripped of its licence to operate in Varenne "
        "after the city's transport authority found that hundreds of its drivers had not "
        "undergone proper background checks."
    ] == ["Agence Nordique de Presse"]


def test_the_club_the_trust_the_directorate_and_a_university_spokesman(db_url):
    """ "Ashford Harriers will play away, the club announced" is the club, and so is "the
    club" after; "the trust", "the directorate" and "a university spokesman" are the one
    Trust, Directorate and University the story named; "Northwind, a subsidiary of the
    Dutch utility Veldhaven Energie," is the company meant next, not its parent."""
    text = (
        "Ashford Harriers will play next Saturday's cup tie away from home after engineers "
        "found water damage to the roof, the club announced on Monday night.\n\n"
        "Neil Brannigan, chairman of the Harriers Supporters' Trust, called for an inquiry. "
        "According to the trust, more than 3,000 season-ticket holders have seats in the "
        "East Stand.\n\n"
        "Investigators from the Serious Fraud Directorate are examining the contract. The "
        "directorate, which investigates complex fraud, confirmed that it had opened an "
        "inquiry.\n\n"
        "The atlases were stolen from Edenmoor University's historic library. A university "
        "spokesman said Edenmoor was reviewing security.\n\n"
        "Northwind Renewables, a subsidiary of the Dutch utility Veldhaven Energie, is "
        "reportedly considering an appeal. The company would not confirm that report.\n\n"
        "The club said it hoped to give supporters an update by the end of the month.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "Ashford Harriers will play next Saturday's cup tie away from home after engineers "
        "found water damage to the roof."
    ] == ["Ashford Harriers"]
    assert chains["More than 3,000 season-ticket holders have seats in the East Stand."] == [
        "Harriers Supporters' Trust"
    ]
    assert chains["The Serious Fraud Directorate had opened an inquiry."] == [
        "Serious Fraud Directorate"
    ]
    assert chains["Edenmoor was reviewing security."] == ["Edenmoor University"]
    assert "Northwind Renewables would not confirm that report." in chains
    assert chains[
        "Ashford Harriers hoped to give supporters an update by the end of the month."
    ] == ["Ashford Harriers"]


def test_he_after_a_spokesman_read_as_his_body_is_the_body_too(db_url):
    text = (
        "The atlases were stolen from Edenmoor University's historic library. A university "
        "spokesman said Edenmoor was reviewing security. He said the reading room had been "
        "fitted with new locks in 2021.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The reading room had been fitted with new locks in 2021."] == [
        "Edenmoor University"
    ]


def test_a_which_clause_ends_before_the_sentence_s_own_verb_of_saying(db_url):
    """ "Zoomly, which says it has around 18,000 drivers …, said it would appeal": two
    claims, both Zoomly's; the clause is no speaker."""
    text = (
        '"Passenger safety is not negotiable," TUV\'s director general, Camille Roussel, told '
        'ANP. "A company that cannot tell us who is behind the wheel cannot operate in this '
        'city."\n\n'
        "Zoomly, which says it has around 18,000 drivers and 1.2 million regular users in "
        "Varenne, said it would appeal. In a statement quoted by ANP, the company called the "
        'decision "wrong and disproportionate" and said it had already fixed the flaw that '
        "allowed account sharing.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Zoomly has around 18,000 drivers and 1.2 million regular users in Varenne."] == [
        "Zoomly"
    ]
    assert chains["Zoomly would appeal."] == ["Zoomly"]
