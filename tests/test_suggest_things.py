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


def test_it_after_a_thing_named_or_described_opens_the_sentence_before(db_url):
    text = (
        "Crews contained a leak from the Nordvik Crest oil pipeline on Tuesday.\n\n"
        "According to the company, the 380-kilometer pipeline carries 90,000 barrels a day. "
        "It was built in 2009.\n\n"
        "The TrailLink Go, which sells for about $899, was launched in March. It was sold "
        "through outdoor retailers.\n\n"
        "The Kessler Arena was opened in 2011. Its roof was designed by Haldane & Roe.\n\n"
        "The company cut 300 jobs. It was founded in 1990.\n"
    )
    claims = claims_of(db_url, text)
    assert "The Nordvik Crest oil pipeline was built in 2009." in claims
    assert "The TrailLink Go was sold through outdoor retailers." in claims
    assert "The Kessler Arena's roof was designed by Haldane & Roe." in claims
    assert "It was founded in 1990." in claims  # which company, the story never says


def test_a_phone_named_in_the_plural_is_called_in_either_number(db_url):
    text = (
        "Orbital Systems is recalling 85,000 of its TrailLink Go satellite phones after "
        "reports of fires, regulators said.\n\n"
        "Consumers should stop using the phones immediately, the agency said.\n\n"
        "Owners can return the phone for a refund, the company said.\n"
    )
    claims = claims_of(db_url, text)
    assert "Consumers should stop using the TrailLink Go satellite phones immediately." in claims
    assert "Owners can return the TrailLink Go satellite phone for a refund." in claims


def test_a_work_titled_in_quotation_marks_is_what_the_film_means(db_url):
    text = (
        'The film, "Undertow," examines the dealings of a shipping magnate.\n\n'
        "Its director said the film had been reviewed by two lawyers.\n"
    )
    claims = claims_of(db_url, text)
    assert 'The film, "Undertow," examines the dealings of a shipping magnate.' in claims
    assert '"Undertow" had been reviewed by two lawyers.' in claims


def test_a_body_named_with_its_kind_in_capitals_is_a_name_and_speaks_of_itself(db_url):
    text = (
        "The Alberta Energy Regulator said it had ordered the operator to suspend work.\n\n"
        "The festival's main sponsor, the Tallinn-based bank Merikivi Pank, said it had not "
        "been involved in the decision.\n\n"
        "Two Pentagon officials said the strike was legal.\n"
    )
    proposals = proposals_for(db_url, text)
    speakers = speakers_of(proposals)
    assert "The Alberta Energy Regulator had ordered the operator to suspend work." in speakers
    assert "Merikivi Pank had not been involved in the decision." in speakers
    hop = next(p for p in proposals if p.claim_text == "The strike was legal.").hops[0]
    assert "a description" in hop["why"]  # officials, unnamed


def test_the_reports_owner_is_the_it_its_words_are_about(db_url):
    text = (
        "The Northgate Municipal Employees' Pension Fund suspended its investment chief.\n\n"
        "According to the fund's most recent annual report, it manages about $9.4 billion "
        "in assets.\n\n"
        "Its revenue fell 4 percent, according to Meteora's annual report.\n"
    )
    claims = claims_of(db_url, text)
    assert (
        "The Northgate Municipal Employees' Pension Fund manages about $9.4 billion in assets."
        in claims
    )
    assert "Meteora's revenue fell 4 percent." in claims


def test_a_spokesperson_or_official_of_a_body_named_by_its_noun_is_that_body(db_url):
    text = (
        "The Homebuyers' Protection Scheme said deposits were likely to be covered. A "
        "spokesperson for the scheme said buyers should apply online.\n\n"
        "Westmoor Police said officers had searched the woods. A police spokesperson said "
        "the search was over.\n\n"
        "The International Chess Federation said it had opened an inquiry. A federation "
        "official said the case would go to a commission.\n\n"
        "An official at the French space agency said early data pointed to a valve.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["Buyers should apply online."] == ["Homebuyers' Protection Scheme"]
    assert speakers["The search was over."] == ["Westmoor Police"]
    assert speakers["The case would go to a commission."] == ["International Chess Federation"]
    assert speakers["Early data pointed to a valve."] == ["An official at the French space agency"]


def test_two_clubs_named_together_are_not_the_club_and_a_firm_keeps_its_ampersand(db_url):
    text = (
        "The match between Dunmore Rovers and Eastfield Athletic was postponed. The club said "
        "in a statement that ticket holders would receive a full refund.\n\n"
        "The roof was designed by the engineering firm Haldane & Roe, which said in a "
        "statement that it was reviewing the records.\n"
    )
    proposals = proposals_for(db_url, text)
    speakers = speakers_of(proposals)
    refund = next(p for p in proposals if p.claim_text.startswith("Ticket holders"))
    # which of the two, the story does not say
    assert "a description" in refund.hops[0]["why"]
    assert speakers["Haldane & Roe was reviewing the records."] == ["Haldane & Roe"]


def test_a_woman_speaking_of_he_means_the_man_named_before_not_her_employer(db_url):
    text = (
        "Dale Mercer could not be reached for comment. A woman who answered the phone at one "
        "of his companies, Crestline Capital Partners, said he was traveling.\n\n"
        "The farmer who owns the barn, Elias Varnquist, said he heard a loud bang.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert "Dale Mercer was traveling." in speakers
    assert speakers["Dale Mercer was traveling."] != ["Crestline Capital Partners"]
    assert speakers["Elias Varnquist heard a loud bang."] == ["Elias Varnquist"]


def test_a_claim_read_alone_does_not_open_with_but_or_and(db_url):
    text = (
        "Shares rose in early trading. But the rally faded by noon, traders said.\n\n"
        "And the index closed lower for a third day.\n"
    )
    claims = claims_of(db_url, text)
    assert "The rally faded by noon." in claims
    assert "The index closed lower for a third day." in claims


def test_a_pronoun_that_opens_the_sentence_before_is_no_name_for_the_next_he(db_url):
    text = (
        "He has championed gay rights. And in recent months, he said he backed the idea "
        "of a woman succeeding him.\n"
    )
    assert not any(claim.startswith("In recent months, He") for claim in claims_of(db_url, text))


def test_a_thing_called_by_its_kind_in_a_quotation_is_named_in_square_brackets(db_url):
    text = (
        "A Kestra-5 rocket carrying the Helios-2 weather satellite broke apart on Tuesday.\n\n"
        '"But the satellite was insured, and we have the designs," said programme director '
        "Joost van Aalst.\n"
    )
    proposals = proposals_for(db_url, text)
    quoted = next(p for p in proposals if p.quoted)
    assert quoted.claim_text == (
        "But [the Helios-2 weather satellite] was insured, and we have the designs."
    )
    assert text[slice(*quoted.quote)].startswith('"But the satellite was insured')


def test_the_city_of_a_name_is_the_city_and_a_second_statement_of_it(db_url):
    text = (
        "The city of Harwick will close a section of its metro line, officials said.\n\n"
        "Mayor Helen Osei said the city had warned for years that the network needed more "
        "investment, and that it would press the government for emergency funding.\n"
    )
    claims = claims_of(db_url, text)
    assert "Harwick had warned for years that the network needed more investment." in claims
    assert "Harwick would press the government for emergency funding." in claims


def test_it_after_a_body_ends_a_sentence_speaking_is_that_body(db_url):
    text = (
        "Larkspur Therapeutics said it had paused enrollment and dosing in the trial, which "
        "involved about 9,000 adults over the age of 60 at 120 sites in the United States and "
        "Canada.\n\n"
        "Shares of Larkspur fell 38% in afternoon trading on the Nasdaq. The company had said "
        "in March that it expected to seek approval for the vaccine next year.\n\n"
        "Participants in the trial were being contacted by their study sites, the company "
        "said. It urged anyone with symptoms such as tingling or weakness in the legs to seek "
        "medical attention.\n"
    )
    claims = claims_of(db_url, text)
    assert (
        "Larkspur Therapeutics urged anyone with symptoms such as tingling or weakness in the "
        "legs to seek medical attention." in claims
    )


def test_it_after_a_thing_the_story_never_names_is_that_thing_as_called(db_url):
    text = (
        "The tunnel, built in 1974, carries trains under the river. It was last refurbished "
        "in 2009.\n"
    )
    assert "The tunnel was last refurbished in 2009." in claims_of(db_url, text)


def test_the_regulators_director_is_not_the_regulator(db_url):
    text = (
        "The Competition and Markets Authority said it had opened an investigation.\n\n"
        '"We will act," said Sarah Linden, the regulator\'s executive director.\n\n'
        "The regulator said it expected to decide by the end of next year.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    decided = next(claim for claim in speakers if "expected to decide" in claim)
    assert speakers[decided] == ["Competition and Markets Authority"]


def test_a_painting_titled_in_quotation_marks_is_what_the_painting_and_the_work_mean(db_url):
    text = (
        'The work, "Evening on the Scheldt," was bought by an anonymous bidder.\n\n'
        "A Belgian family said the painting was looted during the war.\n"
    )
    claims = claims_of(db_url, text)
    assert '"Evening on the Scheldt" was looted during the war.' in claims


def test_a_name_repeated_whole_and_never_shortened_is_a_bodys_that_speaks_of_itself(db_url):
    text = (
        "Moorland Creameries supplies milk to the chain.\n\n"
        "Moorland Creameries said it was aware of the investigation.\n\n"
        "Thomas Reinholt joined in 2019. Reinholt said it was too late to act.\n"
    )
    claims = claims_of(db_url, text)
    assert "Moorland Creameries was aware of the investigation." in claims
    assert not any(claim.startswith("Thomas Reinholt was too late") for claim in claims)


def test_it_after_a_listener_written_to_is_no_body_speaking_of_itself(db_url):
    text = (
        "The American Legion has asked the Sanders campaign to stop using its emblem.\n\n"
        "The American Legion wrote to Sanders' Senate office that it did not have permission "
        "to use the emblem.\n"
    )
    claims = claims_of(db_url, text)
    assert not any(claim.startswith("The American Legion did not have") for claim in claims)


def test_a_park_a_fire_a_marathon_and_a_strait_are_the_ones_named(db_url):
    text = (
        "Crews fought the Elkhorn Fire east of Granite Peaks National Park on Saturday, "
        "officials said.\n\n"
        "The National Park Service closed the park's east entrance. The cause of the fire is "
        "under investigation, officials said.\n\n"
        "The Harbour City Marathon was cancelled over a heatwave. The race should have been "
        "moved, runners said.\n\n"
        "The Aurelia Crest ran aground in the Strait of Malacca. Queues will build at both ends "
        "of the strait, analysts said.\n"
    )
    claims = claims_of(db_url, text)
    assert "The National Park Service closed Granite Peaks National Park's east entrance." in (
        claims
    )
    assert "The cause of the Elkhorn Fire is under investigation." in claims
    assert "The Harbour City Marathon should have been moved." in claims
    assert "Queues will build at both ends of the Strait of Malacca." in claims


def test_a_party_named_by_its_place_in_parliament_is_the_party(db_url):
    text = (
        "The opposition Progressive Alliance lost 40 seats on Sunday.\n\n"
        "Three candidates entered the race to lead the party after its worst result in "
        "decades, officials said.\n"
    )
    claims = claims_of(db_url, text)
    assert any("to lead the Progressive Alliance after" in claim for claim in claims)


def test_a_kind_is_not_named_again_where_the_claim_names_it_already(db_url):
    text = (
        "Kvarnby Airport suspended all flights after drones were reported over the airfield, "
        "the operator said.\n\n"
        "Three candidates entered the race to lead the opposition Progressive Alliance after "
        "the party's worst result in decades.\n\n"
        "Officers were searching a wooded area north of the airfield, police said.\n"
    )
    claims = claims_of(db_url, text)
    assert (
        "Kvarnby Airport suspended all flights after drones were reported over the airfield."
        in claims
    )
    assert any("Progressive Alliance after the party's worst result" in claim for claim in claims)
    assert "Officers were searching a wooded area north of Kvarnby Airport." in claims


def test_a_firms_officer_named_with_the_firm_speaks_of_it_as_the_company(db_url):
    text = (
        "A landscape sold for $41.2 million at Aldgate & Finch in New York on Thursday.\n\n"
        "Aldgate & Finch's general counsel, Robert Hale, said in a statement that the company "
        "took restitution claims seriously.\n\n"
        "His lawyer, Ann Lee, said the company was wrong.\n"
    )
    claims = claims_of(db_url, text)
    assert "Aldgate & Finch took restitution claims seriously." in claims
    assert "The company was wrong." in claims  # whose lawyer's company, the story never says


def test_a_person_described_by_a_trade_that_names_companies_too_is_a_person(db_url):
    text = (
        "Veltro unveiled its new phone on Tuesday.\n\n"
        "Jonas Brandt, a software developer in Berlin, said he had bought the old model in "
        'March. "Now it dies before lunch," he said.\n\n'
        "Chief executive Sofia Lindqvist said that the company took the complaints seriously.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["Now it dies before lunch."] == ["Jonas Brandt"]
    assert not any(claim.startswith("Jonas Brandt took") for claim in speakers)


def test_the_customers_of_a_bank_are_no_part_of_its_name(db_url):
    text = (
        "Customers of Northmere Bank were unable to log in on Monday.\n\n"
        '"Nobody at the bank could tell me when it would be fixed," said Ann Garside. The '
        "outage was the third at the bank this year.\n"
    )
    claims = claims_of(db_url, text)
    assert "Nobody at [Northmere Bank] could tell me when it would be fixed." in claims
    assert "The outage was the third at Northmere Bank this year." in claims


def test_an_irregular_past_is_a_statement_its_speaker_said(db_url):
    text = (
        "Officials gave an update on Tuesday.\n\n"
        "A gas explosion tore through a chemical plant on Tuesday, killing two workers, "
        "police said.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    said = "A gas explosion tore through a chemical plant on Tuesday, killing two workers."
    assert speakers[said] == ["police"]


def test_the_company_after_a_haulier_spoke_is_that_haulier(db_url):
    text = (
        "ASTRA said the tunnel would stay shut.\n\n"
        "The truck's owner, the Ticino-based haulier Bernasconi Trasporti, said the vehicle "
        "had been serviced last month. The company said it was cooperating with "
        "investigators.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers["Bernasconi Trasporti was cooperating with investigators."] == [
        "Bernasconi Trasporti"
    ]


def test_a_bodys_feeling_is_its_own_and_a_concerning_it_is_no_one(db_url):
    text = (
        "The Association of Danish Collectors said it was concerned that the museum had "
        "acted without a court ruling.\n\n"
        "The Dunmore Passengers' Forum said it feared the increase would drive people back "
        "into their cars.\n\n"
        "The ministry said it was concerning that prices rose.\n"
    )
    claims = claims_of(db_url, text)
    assert (
        "The Association of Danish Collectors was concerned that the museum had acted without "
        "a court ruling." in claims
    )
    assert (
        "The Dunmore Passengers' Forum feared the increase would drive people back into their "
        "cars." in claims
    )
    assert "It was concerning that prices rose." in claims


def test_a_spokesman_after_the_company_rejected_an_account_is_the_companys(db_url):
    text = (
        "Veldhaven Chemicals said it had shut down all production lines.\n\n"
        "The union FNV said the plant had been understaffed for months.\n\n"
        "The company rejected that account. A spokesman said staffing at the plant met all "
        "legal requirements.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    staffing = next(claim for claim in speakers if claim.startswith("Staffing"))
    assert speakers[staffing] == ["Veldhaven Chemicals"]


def test_the_club_is_the_one_club_named_and_neither_of_two(db_url):
    text = (
        "Castlebridge Rovers have agreed to sell their stadium, the chairman said.\n\n"
        "Fans said the sale was the only way to secure the club's future, the trust said.\n"
    )
    assert any("secure Castlebridge Rovers" in claim for claim in claims_of(db_url, text))


def test_the_club_is_neither_of_two_clubs_named_together(db_url):
    text = (
        "The match between Dunmore Rovers and Eastfield Athletic was postponed. Fans said the "
        "club had failed them.\n"
    )
    assert "The club had failed them." in claims_of(db_url, text)


def test_a_ship_a_tour_and_a_pavilion_are_the_ones_named(db_url):
    text = (
        "More than 240 passengers aboard the cruise ship Azure Meridian have fallen ill, "
        "officials said.\n\n"
        "The ship, operated by Solstice Cruise Lines, docked in Miami, officials said.\n\n"
        "Rider Tomas Verhelst tested positive during the Tour of the Alps, the union said. The "
        "result of the race would be revised, organisers said.\n\n"
        "The enclosure, called the Vantreck Family Bamboo Pavilion, houses two pandas. The "
        "pavilion was paid for by a donor, the zoo said.\n"
    )
    claims = claims_of(db_url, text)
    assert "Azure Meridian, operated by Solstice Cruise Lines, docked in Miami." in claims
    assert "The result of the Tour of the Alps would be revised." in claims
    assert "The Vantreck Family Bamboo Pavilion was paid for by a donor." in claims


def test_an_orchestra_a_union_and_an_airfield_are_the_ones_named(db_url):
    """Bodies a story calls by their kind as it calls things: the one orchestra, union or
    airport named before."""
    text = (
        "The music director of the Calder Symphony Orchestra, Viktor Hallam, resigned on "
        "Wednesday.\n\n"
        "Hallam, 61, who has led the orchestra since 2014, announced his departure in a "
        "letter.\n\n"
        "Workers voted to join the United Logistics Workers union on Friday. The company "
        "said the union had misled workers.\n\n"
        "Kvarnby Airport closed for six hours on Thursday.\n\n"
        "Police said drones had been launched from a wood north of the airfield.\n"
    )
    claims = claims_of(db_url, text)
    assert (
        "Hallam, 61, who has led the Calder Symphony Orchestra since 2014, announced his "
        "departure in a letter." in claims
    )
    assert "The United Logistics Workers union had misled workers." in claims
    assert "Drones had been launched from a wood north of Kvarnby Airport." in claims


def test_a_city_council_is_no_city(db_url):
    """ "The City Council" names a council; "the city" is not it."""
    text = (
        "The ordinance was passed by the City Council in August. It covers about two-thirds "
        "of the city's rental housing, according to an analysis by the council's budget "
        "office.\n\n"
        '"People are being pushed out of the city they grew up in," said Jamal Whitaker, a '
        "tenant organiser.\n"
    )
    claims = claims_of(db_url, text)
    assert not any(
        "[the City Council]" in claim or "the City Council's rental" in claim for claim in claims
    ), claims
    assert "People are being pushed out of the city they grew up in." in claims


def test_the_writers_words_before_a_quotation_take_no_brackets(db_url):
    """'were asking the union "to drop its claims"': the words before the quotation mark
    are the writer's account, so a name goes in plainly, not as an editor's insertion."""
    text = (
        "Workers voted to join the United Logistics Workers union on Friday.\n\n"
        "Ann Lee, a manager, said managers were asking the union "
        '"to drop its claims before the hearing."\n'
    )
    claims = claims_of(db_url, text)
    assert (
        'Managers were asking the United Logistics Workers union "to drop its claims before '
        'the hearing."' in claims
    ), claims


def test_a_kind_named_twice_in_one_claim_takes_its_name_once(db_url):
    text = (
        "Workers voted to join the United Logistics Workers union on Friday.\n\n"
        "Two employees who supported the union were fired in June, and the union has filed "
        "charges.\n"
    )
    assert (
        "Two employees who supported the United Logistics Workers union were fired in June, "
        "and the union has filed charges." in claims_of(db_url, text)
    )


def test_a_ballet_or_an_opera_named_once_is_named_in_claims(db_url):
    text = (
        "The Austrian government will cut its subsidy to the Donaustadt Ballet by a third.\n\n"
        "The ballet, founded in 1952, receives about 6.2 million euros a year.\n"
    )
    assert "The Donaustadt Ballet, founded in 1952, receives about 6.2 million euros a year." in (
        claims_of(db_url, text)
    )
