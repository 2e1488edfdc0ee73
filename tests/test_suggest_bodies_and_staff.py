"""Readings asked for by a blind check on six more stories (a dam inspection, a research
inquiry, a port lockout, a meteorite, a price-fixing raid, a doping case): who a body's
"it" and "the company" are, whom its staff speak for, and words that only look like a
report. Made-up sentences in their shapes, each read as a reviewer would accept it."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def test_a_body_the_story_keeps_naming_bare_is_its_own_it(db_url):
    """ "Freshway" is named four times, never with a first name or a title: a firm, so
    "Freshway said it was cooperating" is Freshway's cooperation. "Denyer", named once, may
    be anyone: "it" stays."""
    text = (
        "Officials raided three supermarket chains, Freshway, Kornhall and Bellmart, on "
        "Tuesday.\n\n"
        "Freshway said it was cooperating fully with the investigation. Kornhall said it had "
        "robust compliance procedures.\n\n"
        "Shares in Kornhall fell. Freshway is privately owned.\n\n"
        "Amos told the BBC that the plan was sound, but Denyer said it would fail.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Freshway was cooperating fully with the investigation."] == ["Freshway"]
    assert chains["Kornhall had robust compliance procedures."] == ["Kornhall"]
    assert chains["It would fail."] == ["Denyer"]


def test_a_surname_the_story_gave_a_first_name_is_a_person_s(db_url):
    """ "Anna Berglund" was introduced by her full name: her "it" is not herself."""
    text = (
        "Anna Berglund runs the ferry service.\n\n"
        "Berglund said it was too windy to sail. Berglund said it would sail on Friday.\n"
    )
    claims = {p.claim_text for p in proposals_for(db_url, text)}
    assert "It would sail on Friday." in claims
    assert not any(claim.startswith("Berglund would") for claim in claims)


def test_initials_in_brackets_and_one_of_a_kind_show_a_body(db_url):
    """No person is shortened to initials in brackets, and "One of those journals, X," says
    what X is: their "it" is themselves. "The shipping line Norrvale Cargo" too."""
    text = (
        "Halvik Container Terminals (HCT) said it had locked out 1,800 dockworkers.\n\n"
        "One of those journals, Cellular Oncology Letters, said it had added an expression of "
        "concern to the paper.\n\n"
        "The shipping line Norrvale Cargo said it had diverted three vessels.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Halvik Container Terminals had locked out 1,800 dockworkers."] == [
        "Halvik Container Terminals"
    ]
    assert chains["Cellular Oncology Letters had added an expression of concern to the paper."] == [
        "Cellular Oncology Letters"
    ]
    assert chains["Norrvale Cargo had diverted three vessels."] == ["Norrvale Cargo"]


def test_the_company_a_chief_executive_speaks_of_is_his(db_url):
    """ "HCT chief executive Lars Brennvik" ... "He said the company had offered": his own
    company, whatever its name holds; a union leader's "the company" is not her union."""
    text = (
        "Halvik Container Terminals (HCT) locked out dockworkers on Thursday.\n\n"
        '"We put a fair offer on the table," HCT chief executive Lars Brennvik said.\n\n'
        "He said the company had offered a written commitment on retraining.\n\n"
        "FHW general secretary Mira Santeli said the company had refused to guarantee jobs.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Halvik Container Terminals had offered a written commitment on retraining."] == [
        "Lars Brennvik"
    ]
    assert "FHW had refused to guarantee jobs." not in chains


def test_officials_and_scientists_of_a_named_body_speak_for_it(db_url):
    """ "Officials at the Ministry of Transport", "Scientists from the Hollander Institute":
    the body named is the source, as for its spokesperson; a firm's analysts, and workers
    at a plant, speak for themselves."""
    text = (
        "Officials at the Ministry of Transport said the road would reopen on Friday.\n\n"
        "Scientists from the Hollander Institute of Planetary Sciences confirmed that the "
        "object was a stony meteorite.\n\n"
        "Workers at the Lindqvist plant said they had not been paid for two months.\n\n"
        "Analysts at Norvik Capital said shares would fall.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The road would reopen on Friday."] == ["Ministry of Transport"]
    assert chains["The object was a stony meteorite."] == [
        "Hollander Institute of Planetary Sciences"
    ]
    assert chains["Shares would fall."] == ["Analysts at Norvik Capital"]
    assert chains["Workers at the Lindqvist plant had not been paid for two months."] == [
        "Workers at the Lindqvist plant"
    ]


def test_the_name_set_after_a_relative_clause_is_the_speaker(db_url):
    """ "The farmer who owns the barn, Elias Varnquist, said he heard": Varnquist heard it."""
    text = (
        "The farmer who owns the barn, Elias Varnquist, said he heard a loud bang at about "
        "10.40 p.m.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Elias Varnquist heard a loud bang at about 10.40 p.m."] == ["Elias Varnquist"]


def test_people_who_live_somewhere_is_something_said(db_url):
    """ "said about 4,000 people live in the flood zone": a bare present then where is a
    clause's verb, so the words are Haulund's, not the article's own sentence."""
    text = (
        "Petra Haulund, who chairs the residents' association, said about 4,000 people live "
        "in the flood zone below the dam.\n\n"
        "Haulund said residents sleep in their cars.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["About 4,000 people live in the flood zone below the dam."] == ["Petra Haulund"]
    assert chains["Residents sleep in their cars."] == ["Petra Haulund"]


def test_a_verdict_is_no_report(db_url):
    """ "Companies found guilty of operating a cartel can be fined": nobody found anything
    said; the sentence is the article's own, whole."""
    text = "Companies found guilty of operating a cartel can be fined up to 10 percent.\n"
    proposals = proposals_for(db_url, text)
    assert [(p.claim_text, p.hops) for p in proposals] == [
        ("Companies found guilty of operating a cartel can be fined up to 10 percent.", [])
    ]


def test_a_denial_of_a_deed_is_claimed_whole(db_url):
    """ "denied taking any banned substance": not the claim "Taking any banned substance"."""
    text = "Talia Rask, 29, denied taking any banned substance.\n"
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert "Talia Rask denied taking any banned substance." in claims
    assert not any(claim.startswith("Taking") for claim in claims)


def test_a_memo_shared_with_a_newspaper_reached_the_article_through_it(db_url):
    """ "told staff in an internal memo, which was shared with the Castrel Herald": the words
    went through the paper, and so does the quotation that goes on in the next sentence."""
    text = (
        "Vice-chancellor Ingrid Salvane said the panel would meet.\n\n"
        '"Research integrity is the foundation of everything we do," Salvane told staff in an '
        'internal memo, which was shared with the Castrel Herald. "We will answer openly."\n\n'
        '"Prices will rise," Lunde wrote in an email to staff that was leaked to the Daily '
        "Ledger.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Research integrity is the foundation of everything we do."] == [
        "Ingrid Salvane",
        "Castrel Herald",
    ]
    assert chains["We will answer openly."] == ["Ingrid Salvane", "Castrel Herald"]
    assert chains["Prices will rise."] == ["Lunde", "Daily Ledger"]


def test_a_body_named_after_a_preposition_is_not_the_person_beside_it(db_url):
    """ "The director of the city zoo, Anna Palm," names the director, not the zoo; "Dr.
    Sofie Lindahl, a meteoriticist at the institute," is no institute: "the institute" said
    later is the institute the story named, by its full name."""
    text = (
        "The director of the city zoo, Anna Palm, said the zoo would close in May.\n\n"
        "Scientists from the Hollander Institute of Planetary Sciences confirmed the find. "
        "Dr. Sofie Lindahl, a "
        "meteoriticist at the institute, said it was a chondrite.\n\n"
        "The institute said the meteorite would be returned after testing.\n\n"
        "A spokesman for the Hollander Institute said finds belong to the landowner.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert "Anna Palm would close in May." not in chains
    # one source, by the full name the story gave it
    assert chains["The meteorite would be returned after testing."] == [
        "Hollander Institute of Planetary Sciences"
    ]
    assert chains["Finds belong to the landowner."] == ["Hollander Institute of Planetary Sciences"]


def test_initials_after_a_name_and_before_its_description_are_dropped(db_url):
    """ "The National Sky Observation Network (NSON), a volunteer network of camera
    stations,": the network's name, without its initials glued on."""
    text = (
        "The National Sky Observation Network (NSON), a volunteer network of camera stations, "
        "said 23 cameras had recorded the descent.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["23 cameras had recorded the descent."] == ["National Sky Observation Network"]


def test_she_in_a_body_s_words_is_the_one_person_the_sentence_before_names(db_url):
    """ "The commission said a sample taken from Rask …. It said she had the right": no body
    is "she"; Rask is, by the full name the story gave her."""
    text = (
        "Talia Rask, the winner of the marathon, has been suspended, the Athletics Integrity "
        "Commission said.\n\n"
        "The commission said a sample taken from Rask had been found to contain EPO. It said "
        "she had the right to ask for her B sample to be tested.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Talia Rask had the right to ask for her B sample to be tested."] == [
        "Athletics Integrity Commission"
    ]


def test_a_thing_a_clause_named_before_but_said_it_is_the_thing(db_url):
    """ "confirmed that the review had taken place but said it had been limited": the review
    was limited, not the university; "welcomed the decision and said it would help" may be
    the club helping, so "it" stays."""
    text = (
        "The University of Castrel confirmed that the review had taken place but said it had "
        "been limited in scope.\n\n"
        "The Kestrel Rowing Club welcomed the decision and said it would help.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The review had been limited in scope."] == ["University of Castrel"]
    assert "University of Castrel had been limited in scope." not in chains
    assert "The decision would help." not in chains


def test_a_persons_office_or_spokesman_speaks_for_that_person(db_url):
    """ "Her office said", "His spokesman said": the person the pronoun is, as a
    spokesperson speaks for a body; "his lawyer" is someone else."""
    text = (
        "Mayor Teresa Lund, who signed the ordinance, has said she is confident it will "
        "survive. Her office said in an email on Monday that the city was prepared to defend "
        "the law.\n\n"
        "Senator Tom Reyes voted against the bill. His spokesman said the senator had "
        "concerns about its cost. His lawyer said the vote was lawful.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("The city was prepared to defend the law.") == ["Teresa Lund"], speakers
    assert speakers.get("Tom Reyes had concerns about its cost.") == ["Tom Reyes"], speakers
    assert speakers.get("The vote was lawful.") == ["His lawyer"], speakers


def test_a_document_a_body_put_out_is_that_bodys_word(db_url):
    """ "according to a summary the university released": the university the story named."""
    text = (
        "The dig was led by a team from Northgate University.\n\n"
        "Charcoal from the post holes was dated to 3300 B.C., according to a summary the "
        "university released in September.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("Charcoal from the post holes was dated to 3300 B.C.") == [
        "Northgate University"
    ], speakers


def test_a_spokesman_giving_a_bodys_words_in_the_same_sentence_speaks_for_it(db_url):
    """ "Rival carrier Nordfly said it would offer seats …, a spokesman said": Nordfly's
    spokesman, not the airline named before; "He said it was also considering" is Nordfly's
    "it" too. A pilot's "it was raining" stays a thing."""
    text = (
        "Skyvale Airways collapsed on Thursday.\n\n"
        "Rival carrier Nordfly said it would offer stranded Skyvale passengers seats at a "
        "reduced fare, a spokesman said. He said it was also considering whether to bid for "
        "some of the routes.\n\n"
        "Tom Hale, a pilot, was angry. He said it was raining.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get(
        "Nordfly would offer stranded Skyvale passengers seats at a reduced fare."
    ) == ["Nordfly"], speakers
    assert speakers.get("Nordfly was also considering whether to bid for some of the routes.") == [
        "Nordfly"
    ], speakers
    assert speakers.get("It was raining.") == ["Tom Hale"], speakers


def test_a_name_that_lists_its_words_with_a_comma_is_one_name(db_url):
    """ "the Department for Culture, Media and Sport" is one ministry, not "Media and Sport"
    nor "Department for Culture"; three people listed stay three."""
    text = (
        "A spokesman for Britain's Department for Culture, Media and Sport said the "
        "government had no plans to change the law.\n\n"
        "The Department for Culture, Media and Sport said it had no objection.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("The government had no plans to change the law.") == [
        "Department for Culture, Media and Sport"
    ], speakers
    assert speakers.get("The Department for Culture, Media and Sport had no objection.") == [
        "Department for Culture, Media and Sport"
    ], speakers
