"""Who "the newspaper" and "the department" are: the outlet the sentence named before,
the last body of that kind proposed, never a person. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.suggest_data import proposals_for, speakers_of


def _chains(db_url, text):
    return {
        p.claim_text: [(h["name"], h["cue"]) for h in p.hops] for p in proposals_for(db_url, text)
    }


def test_the_newspaper_told_in_the_sentence_is_that_newspaper(db_url):
    chains = _chains(
        db_url,
        'Johnson told the Lakeside Gazette that the talks with the governor were "productive," '
        "the newspaper reported.\n",
    )
    assert chains['The talks with the governor were "productive."'] == [
        ("Johnson", "told"),
        ("Lakeside Gazette", "reported"),
    ]


def test_a_person_told_is_not_the_newspaper(db_url):
    chains = _chains(
        db_url,
        "The mayor told Ann Lee that the budget would balance next year, the newspaper reported.\n",
    )
    assert chains["The budget would balance next year."] == [("The mayor", "told")]


def test_the_department_is_the_last_department_named(db_url):
    chains = _chains(
        db_url,
        "The Illinois Department of Transportation said the bridge would close in March. "
        "The department said the work would take six weeks.\n\n"
        "Cumberland Council said the flooding had damaged more than 300 homes. "
        "The council added that emergency shelters would remain open.\n",
    )
    assert chains["The work would take six weeks."] == [
        ("Illinois Department of Transportation", "said")
    ]
    assert chains["Emergency shelters would remain open."] == [("Cumberland Council", "added")]


def test_a_spokesperson_is_the_company_named_by_its_trade(db_url):
    """ "Energy" closing a name of two words says it is a company's, as "Corp" would."""
    chains = _chains(
        db_url,
        "Northwind Energy said its profits fell by a fifth last year. "
        "In a statement, a spokesperson said the company would cut 200 jobs.\n",
    )
    assert chains["Northwind Energy would cut 200 jobs."] == [("Northwind Energy", "said")]


def test_the_agency_after_a_named_agency_is_that_agency_not_the_origin(db_url):
    chains = _chains(
        db_url,
        "The International Energy Agency said oil demand would peak before 2030. "
        "The agency said coal use was already falling in Europe.\n",
    )
    assert chains["Coal use was already falling in Europe."] == [
        ("International Energy Agency", "said")
    ]


def test_a_family_name_first_is_the_full_name_it_opens(db_url):
    chains = _chains(
        db_url,
        "Xi Jinping met Yoon Suk Yeol in Lima on Friday. Xi said the two countries should "
        "cooperate more closely.\n",
    )
    assert chains["The two countries should cooperate more closely."] == [("Xi Jinping", "said")]


def test_a_surname_s_full_name_is_not_read_across_a_sentence_s_end(db_url):
    chains = _chains(
        db_url,
        "The talks were held in Lima. Xi said the two countries should cooperate more closely.\n",
    )
    assert chains["The two countries should cooperate more closely."] == [("Xi", "said")]


def test_a_long_name_before_a_capitalised_word_is_no_family_name_first(db_url):
    chains = _chains(
        db_url,
        "Trump Tower was evacuated on Monday. Trump said the building was safe to enter.\n",
    )
    # (the building is the one tower the story names)
    assert chains["Trump Tower was safe to enter."] == [("Trump", "said")]


@pytest.mark.parametrize(
    ("text", "claim", "chain"),
    [
        # no speaker named before: the subject of the sentence before
        (
            "Karen Feld, the defence lawyer, spoke after the hearing. She said her client "
            "intends to appeal the order.\n",
            "Karen Feld's client intends to appeal the order.",
            [("Karen Feld", "said")],
        ),
        (
            "Shell Plc cut 500 jobs in Britain on Wednesday. Profit rose 12% in the quarter, "
            "it said on Thursday.\n",
            "Profit rose 12% in the quarter.",
            [("Shell Plc", "said")],
        ),
        # a person's "its" is what they speak of, not a sign the person is a body
        (
            "Joe Biden said its attack was unacceptable. He added that the United States "
            "would respond.\n",
            "The United States would respond.",
            [("Joe Biden", "added")],
        ),
        # "it" is no person, "he" no company, and nothing is the sentence's own subject
        (
            "Raymond Doyle was sentenced on Monday. Costs rose by a third, it said.\n",
            "Costs rose by a third, it said.",
            [],
        ),
        (
            "Shell Plc cut 500 jobs in Britain on Wednesday. He said profit rose by a third.\n",
            "He said profit rose by a third.",
            [],
        ),
        (
            "The bridge reopened on Monday. He said the repairs had cost $2 million.\n",
            "He said the repairs had cost $2 million.",
            [],
        ),
    ],
)
def test_a_pronoun_with_no_speaker_before_is_the_subject_before_it(db_url, text, claim, chain):
    assert _chains(db_url, text)[claim] == chain


@pytest.mark.parametrize(
    ("text", "claim", "chain"),
    [
        # "she" said it of "he": someone else, left as written
        (
            "Ms. Feld said he would appeal the order.\n",
            "He would appeal the order.",
            [("Feld", "said")],
        ),
        (
            "Janet Morrow said she had called the council twice.\n",
            "Janet Morrow had called the council twice.",
            [("Janet Morrow", "said")],
        ),
    ],
)
def test_she_said_he_is_not_the_speaker_named_in_her_place(db_url, text, claim, chain):
    assert _chains(db_url, text) == {claim: chain}


COURT = (
    "Assistant U.S. Attorney Michael Ruiz said the money paid for a lake house.\n\n"
    '"He treated the treasury like his own account," Ruiz said.\n\n'
    "Doyle's attorney, Karen Feld, argued for a shorter sentence, saying her client had "
    "repaid $400,000. She said he intends to appeal the restitution order.\n\n"
    "Raymond Doyle, speaking briefly, apologized to his family. "
    '"I am ashamed of what I did," he said.\n'
)


def test_he_and_she_are_who_the_article_calls_so(db_url):
    chains = _chains(db_url, COURT)
    # "she" is the last person named, "he" in what she said is left as written
    assert chains["He intends to appeal the restitution order."] == [("Karen Feld", "said")]
    # the subject of the sentence before, not the last speaker, whom "she" named a woman
    assert chains["I am ashamed of what I did."] == [("Raymond Doyle", "said")]


def test_the_authors_of_a_study_named_before_are_not_the_article_s(db_url):
    text = (
        "A study published on Monday found that walking cut the risk of dementia. The effect "
        "held across age groups, the authors wrote.\n"
    )
    chains = _chains(db_url, text)
    assert chains["The effect held across age groups."] == [("the authors", "wrote")]


def test_he_is_not_the_body_a_title_names_before_a_person(db_url):
    text = (
        "Ukraine's Navy spokesperson Dmytro Pletenchuk said that Russia was hiding its fleet.\n\n"
        '"They understand that Sevastopol is no longer a safe harbor," he said.\n'
    )
    chains = _chains(db_url, text)
    assert chains["They understand that Sevastopol is no longer a safe harbor."] == [
        ("Dmytro Pletenchuk", "said")
    ]


def test_the_chief_is_the_last_person_named_with_that_title(db_url):
    text = (
        "Fire Chief Angela Moreno said the blaze was put out within an hour. The chief said "
        "no one was injured.\n"
    )
    assert _chains(db_url, text)["No one was injured."] == [("Angela Moreno", "said")]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "Nordvik Semiconductor Corp said revenue would fall. The company said it would cut "
            "800 jobs.\n",
            [("Nordvik Semiconductor Corp", "said")],
        ),
        # a person is no company
        (
            "John Smith said the plan was sound. The company said it would cut 800 jobs.\n",
            [("The company", "said")],
        ),
    ],
)
def test_the_company_is_the_last_company_named(db_url, text, chain):
    (said,) = [c for claim, c in _chains(db_url, text).items() if "800 jobs" in claim]
    assert said == chain


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "Acme Corp said it would cut 500 jobs. A spokesman said the cuts would be "
            "completed by March.\n",
            [("Acme Corp", "said")],
        ),
        (
            "Acme Corp said it would cut 500 jobs. A company spokeswoman said the cuts would "
            "be completed by March.\n",
            [("Acme Corp", "said")],
        ),
        (
            "The Interior Ministry said it had arrested five people. A ministry spokeswoman "
            "said the cuts would be completed by March.\n",
            [("Interior Ministry", "said")],
        ),
        # the outlet that reported the body's words is passed over
        (
            "Acme Corp said it would cut 500 jobs, Reuters reported. A spokesman said the cuts "
            "would be completed by March.\n",
            [("Acme Corp", "said")],
        ),
        # whose spokesman a person's is, the reviewer says
        (
            "John Smith said he would resign. A spokesman said the cuts would be completed by "
            "March.\n",
            [("A spokesman", "said")],
        ),
        # nor is a ministry's spokeswoman a company's
        (
            "Acme Corp said it would cut 500 jobs. A ministry spokeswoman said the cuts would "
            "be completed by March.\n",
            [("A ministry spokeswoman", "said")],
        ),
    ],
)
def test_a_spokesperson_speaks_for_the_body_named_last(db_url, text, chain):
    assert _chains(db_url, text)["The cuts would be completed by March."] == chain


def _credited_chains(db_url, text, origin="Associated Press"):
    """Chains, as ``_chains``, of ``text`` published by an outlet crediting ``origin``."""
    return {
        p.claim_text: [(h["name"], h["cue"]) for h in p.hops]
        for p in proposals_for(db_url, text, outlet="Chisinau Courier", origin=(origin, "citing"))
    }


@pytest.mark.parametrize(
    ("text", "claim", "chain"),
    [
        # the agency's abbreviation is the agency the article credits
        (
            "Investigators found traces of explosives, one of the officials told AP.\n",
            "Investigators found traces of explosives.",
            [("one of the officials", "told"), ("Associated Press", None)],
        ),
        (
            "According to AP, prosecutors opened a criminal case on Friday.\n",
            "Prosecutors opened a criminal case on Friday.",
            [("Associated Press", "According to")],
        ),
        # "the report" is the credited agency's, when no other report was named
        (
            "The prosecutor's office confirmed the case had been opened, the report said.\n",
            "The prosecutor's office confirmed the case had been opened.",
            [("Associated Press", "said")],
        ),
        (
            "Romania's foreign ministry said it was ready to help, the AP report added.\n",
            "Romania's foreign ministry said it was ready to help.",
            [("Associated Press", "added")],
        ),
    ],
)
def test_an_agency_s_abbreviation_and_its_report_are_the_credited_agency(
    db_url, text, claim, chain
):
    assert _credited_chains(db_url, text)[claim] == chain


def test_the_report_after_another_report_is_not_the_credited_agency(db_url):
    text = (
        "A UN report published on Monday found that rivers were drying. Water use would "
        "double by 2040, the report said.\n"
    )
    chain = _credited_chains(db_url, text)["Water use would double by 2040."]
    assert [name for name, _ in chain] != ["Associated Press"]


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        (
            "Lisbon newspaper Record reported that the clubs had agreed a fee. The paper said "
            "the deal would be signed next week.\n",
            [("Record", "said")],
        ),
        # an outlet not described as a paper leaves "the paper" to the article's own credit
        (
            "Falcao told Record that the clubs had agreed a fee. The paper said the deal would "
            "be signed next week.\n",
            [],
        ),
    ],
)
def test_the_paper_is_the_newspaper_described_so_just_before(db_url, text, chain):
    assert _chains(db_url, text)["The deal would be signed next week."] == chain


@pytest.mark.parametrize(
    ("text", "claim", "chain"),
    [
        # the subject described, then named between commas
        (
            "Arief Santoso said the toll had risen. The head of Sigi regency, Yohana Lamba, put "
            "the number much higher. She told reporters that 7,000 residents had lost their "
            "homes.\n",
            "7,000 residents had lost their homes.",
            [("Yohana Lamba", "told")],
        ),
        # a person's appositive naming a body leaves them a person
        (
            '"We recovered 19 more bodies," said Arief Santoso, a spokesman for the National '
            "Disaster Mitigation Agency (BNPB).\n\nHe told AFP that search efforts were being "
            "hampered by fresh rain.\n",
            "Search efforts were being hampered by fresh rain.",
            [("Arief Santoso", "told"), ("AFP", None)],
        ),
        # the subject after an opening participle phrase
        (
            "Lisbon newspaper Record reported that the clubs had agreed a fee. Speaking at a "
            "press conference on Tuesday, before the report emerged, Graham Pellow refused to "
            'be drawn on targets. "I have been clear with the chairman about what we need," he '
            "said.\n",
            "I have been clear with the chairman about what we need.",
            [("Graham Pellow", "said")],
        ),
        (
            "Ingrid Solvang wrote a paper on the glacier. Their most recent, published in March, "
            "found that the front had retreated. Asked what the paper means, Ingrid Solvang is "
            'blunt. "What happens here first happens everywhere later," she says.\n',
            "What happens here first happens everywhere later.",
            [("Ingrid Solvang", "says")],
        ),
    ],
)
def test_whom_he_or_she_is_after_appositives_openings_and_outlets(db_url, text, claim, chain):
    assert _chains(db_url, text)[claim] == chain


def test_a_name_the_article_showed_to_be_a_newspaper_s_is_no_he(db_url):
    text = (
        "Lisbon newspaper Record reported that the clubs had agreed a fee. The deal was close, "
        'Record said. "I have been clear about what we need," he said.\n'
    )
    chains = {
        p.quote: [name for name, _ in chain]
        for p, chain in (
            (p, [(h["name"], h["cue"]) for h in p.hops]) for p in proposals_for(db_url, text)
        )
    }
    assert all(
        "Record" not in names for span, names in chains.items() if "clear" in text[slice(*span)]
    )


def test_one_of_two_people_named_together_is_no_pair(db_url):
    text = (
        "For twenty years, Ingrid Solvang and Tomasz Wierzbicki have spent every August on "
        "the glacier. Wierzbicki said he would bring more fuel next year.\n"
    )
    assert _chains(db_url, text)["Tomasz Wierzbicki would bring more fuel next year."] == [
        ("Tomasz Wierzbicki", "said")
    ]


def test_a_quotation_running_over_paragraphs_is_its_speaker_s_once(db_url):
    text = (
        "Tomasz Wierzbicki remembers the first season.\n\n"
        '"She sent two people home that summer," he says. "I thought I would be the third.\n\n'
        '"I have been in charge of not getting us lost ever since."\n'
    )
    proposals = proposals_for(db_url, text)
    said = [(p.claim_text, [h["name"] for h in p.hops]) for p in proposals]
    assert said[-2:] == [
        (
            "She sent two people home that summer. I thought I would be the third.",
            ["Tomasz Wierzbicki"],
        ),
        ("I have been in charge of not getting us lost ever since.", ["Tomasz Wierzbicki"]),
    ]


def test_she_is_the_subject_named_after_her_titles(db_url):
    text = (
        "Eleanor Faulkes said the rivers were dying. Liberal Democrat environment spokeswoman "
        'Fiona MacRae went further. "This company has broken the law repeatedly," she said.\n'
    )
    assert _chains(db_url, text)["This company has broken the law repeatedly."] == [
        ("Fiona MacRae", "said")
    ]


def test_the_company_is_the_one_named_with_its_legal_form_before_anyone_spoke(db_url):
    text = (
        "Lumora Inc on Thursday unveiled a foldable laptop. It will go on sale in October, the "
        "company said in a statement.\n"
    )
    assert _chains(db_url, text)["It will go on sale in October."] == [("Lumora Inc", "said")]


def test_a_word_of_a_company_s_name_is_no_surname(db_url):
    text = (
        "Rival Kestrel Computing declined to comment. A Kestrel spokeswoman said the company "
        "did not discuss unannounced products.\n"
    )
    names = [name for chain in _chains(db_url, text).values() for name, _ in chain]
    assert "Rival Kestrel" not in names


def test_a_quotation_with_its_own_cue_is_not_the_paragraph_before_s(db_url):
    text = (
        "SAN FRANCISCO - Lumora Inc on Thursday unveiled a foldable laptop with a single "
        "17-inch flexible display, the consumer electronics maker's boldest attempt yet to "
        "revive demand in a stagnant personal computer market.\n\n"
        "The device, called the Arc, folds in half to become a 12-inch notebook with a virtual "
        "keyboard on its lower half, or opens flat to serve as a tablet-style monitor. It will "
        "go on sale in the United States and Europe in October, starting at $2,999, the "
        'company said in a statement.\n\n"For 30 years the laptop has looked the same: a '
        "screen on a hinge, a keyboard underneath. The Arc ends that,\" Lumora's chief "
        "executive, Priya Raman, wrote in a blog post published alongside the launch.\n"
    )
    chains = [
        (p.claim_text, [(h["name"], h["cue"]) for h in p.hops]) for p in proposals_for(db_url, text)
    ]
    quoted = "For 30 years the laptop has looked the same: a screen on a hinge, a keyboard"
    assert [chain for claim, chain in chains if claim.startswith(quoted)] == [
        [("Priya Raman", "wrote")]
    ]


def test_the_paper_after_a_study_is_the_study_s_paper(db_url):
    text = (
        "The study, published in The New England Journal of Medicine, followed 11,400 "
        "patients. LDL levels fell by 54 per cent within six months, the paper said.\n"
    )
    assert _chains(db_url, text)["LDL levels fell by 54 per cent within six months."] == [
        ("the paper", "said")
    ]


def test_a_named_lead_author_of_a_study_is_named(db_url):
    text = (
        'The study followed 11,400 patients. "This is the first time we have shown it," said '
        "Professor Helen Marchetti, a cardiologist at the University of Bologna and the "
        "trial's lead author.\n"
    )
    assert _chains(db_url, text)["This is the first time we have shown it."] == [
        ("Helen Marchetti", "said")
    ]


def test_the_report_the_article_introduced_is_not_the_credited_agency(db_url):
    text = (
        "A state audit released Tuesday found that the department overstated its savings. "
        "The report, prepared by the Office of the Auditor General, said the figures were "
        "wrong.\n\nAccording to the report, the department paid $112 million to farmers.\n"
    )
    chain = _credited_chains(db_url, text)["The department paid $112 million to farmers."]
    assert [name for name, _ in chain] != ["Associated Press"]


def test_a_title_in_another_s_name_says_nothing_of_the_speaker(db_url):
    """ "Mrs" belongs to the mother in "Mrs Ellison's son, Graham Ellison": he is a "he"."""
    text = (
        "Mrs Ellison's son, Graham Ellison, said his mother had never felt unsafe there.\n\n"
        "He said the family had set up a rota so that she would not be alone.\n"
    )
    assert _chains(db_url, text)[
        "The family had set up a rota so that she would not be alone."
    ] == [("Graham Ellison", "said")]


def test_he_is_the_person_a_possessive_subject_names_between_commas(db_url):
    """ "Sevilla's president, José María del Nido Carrasco, struck a defiant tone …. He
    said": he is the president named between commas, not the last speaker, and "del Nido
    Carrasco" later is the same man."""
    text = (
        "Newcastle manager Eddie Howe said the club needed a striker.\n\n"
        "Sevilla's president, José María del Nido Carrasco, struck a defiant tone in an "
        'interview on Monday night. He said the club was "not in a position of weakness".\n\n'
        '"We have sold well in the past," del Nido Carrasco said.\n\n'
        "Virgil van Dijk said the team was ready. Van Dijk added that nobody was injured.\n"
    )
    names = {p.claim_text: [h["name"] for h in p.hops] for p in proposals_for(db_url, text)}
    full = "José María del Nido Carrasco"
    assert names['The club was "not in a position of weakness."'] == [full]
    assert names["We have sold well in the past."] == [full]
    assert names["Nobody was injured."] == ["Virgil van Dijk"]


def test_the_company_is_the_one_whose_shares_moved_and_stays_it(db_url):
    """ "Shares of Lumina Systems fell … after the software maker reported": the software
    maker, the company, "Lumina" and a company spokesperson are Lumina Systems, all through
    the story; the data provider an "according to" names in between is not the company."""
    text = (
        "Shares of Lumina Systems fell 14% on Thursday after the software maker warned that "
        "spending on artificial intelligence would weigh on margins.\n\n"
        "The company said revenue rose 11% to $4.82 billion, just short of the $4.86 billion "
        "analysts had expected, according to LSEG data.\n\n"
        "Chief Executive Priya Raman said customers were moving more slowly than expected.\n\n"
        "In a filing, the company said it had received a subpoena from the Federal Trade "
        "Commission.\n\n"
        "Lumina also said it would cut about 4% of its workforce. A company spokesperson said "
        'the cuts were "part of a regular review of priorities".\n'
    )
    first = {p.claim_text: p.hops[0]["name"] for p in proposals_for(db_url, text) if p.hops}
    assert first == {
        "Spending on artificial intelligence would weigh on margins.": "Lumina Systems",
        "Revenue rose 11% to $4.82 billion, just short of the $4.86 billion analysts had "
        "expected.": "Lumina Systems",
        "Customers were moving more slowly than expected.": "Priya Raman",
        "Lumina Systems had received a subpoena from the Federal Trade Commission.": (
            "Lumina Systems"
        ),
        "Lumina Systems would cut about 4% of its workforce.": "Lumina Systems",
        'The cuts were "part of a regular review of priorities."': "Lumina Systems",
    }


def test_a_company_by_its_first_word_is_the_company_named_in_full(db_url):
    text = (
        "Acme Holdings Plc said its profits had risen sharply.\n\n"
        "Acme said it would hire 200 people next year.\n"
    )
    names = [[h["name"] for h in p.hops] for p in proposals_for(db_url, text) if p.hops]
    assert names == [["Acme Holdings Plc"], ["Acme Holdings Plc"]]


FOOTBALL = (
    "Brentford 2-2 Aston Villa: Mbeumo penalty rescues point for Bees\n\n"
    "Bryan Mbeumo's stoppage-time penalty earned Brentford a draw against Aston Villa, "
    "leaving Unai Emery's side frustrated.\n\n"
    "Emery was furious with the decision and confronted the referee after the whistle.\n\n"
    '"For me it is not a penalty," the Villa manager said. He added that he would not be '
    "asking the Premier League for an explanation.\n\n"
    "Brentford boss Thomas Frank said he had not seen a replay.\n\n"
    '"I think over ninety minutes a draw is fair," the Dane told BBC Sport.\n\n'
    "Frank confirmed that midfielder Vitaly Janelt had been taken off at half-time. "
    "\"It doesn't look good, but let's see,\" he said.\n\n"
    "Mbeumo, who has 14 league goals this season, said he had never doubted he would score. "
    '"I knew where I was going before I put the ball down," the forward told Sky Sports.\n'
)


def test_a_person_referred_to_by_role_is_the_one_the_sentence_before_is_about(db_url):
    """ "the Villa manager", "the Dane", "the forward" speak like "he": for the person the
    sentence before is about; the subject of a "that" clause is not that person, and a
    headline's last word is no first name of the line below it."""
    chains = {
        p.claim_text: [(h["name"], h["cue"]) for h in p.hops]
        for p in proposals_for(db_url, FOOTBALL)
        if p.hops
    }
    assert chains["For me it is not a penalty."] == [("Unai Emery", "said")]
    assert chains["Unai Emery would not be asking the Premier League for an explanation."] == [
        ("Unai Emery", "added")
    ]
    assert chains["I think over ninety minutes a draw is fair."] == [
        ("Thomas Frank", "told"),
        ("BBC Sport", None),
    ]
    assert chains["It doesn't look good, but let's see."] == [("Thomas Frank", "said")]
    assert chains["Bryan Mbeumo had never doubted he would score."] == [("Bryan Mbeumo", "said")]
    assert chains["I knew where I was going before I put the ball down."] == [
        ("Bryan Mbeumo", "told"),
        ("Sky Sports", None),
    ]


def test_the_people_are_not_one_of_the_people(db_url):
    text = (
        "Heidelberg Materials is in talks to buy the unit, according to people familiar "
        "with the matter.\n\n"
        "Blackstone had also looked at the business, according to one of the people.\n\n"
        "The firm plans to fund the purchase with cash and new debt, the people said.\n"
    )
    chains = {p.claim_text: [h["name"] for h in p.hops] for p in proposals_for(db_url, text)}
    # the firm in talks to buy, named as the article's own sentence would be read
    assert chains["Heidelberg Materials plans to fund the purchase with cash and new debt."] == [
        "the people"
    ]


def test_the_agency_and_the_group_in_a_papers_own_story_are_bodies_it_named(db_url):
    """In a newspaper's own story "the agency" is not the newspaper, and "it" is no person:
    both are the body named before; "the group" is the campaign group that spoke last; a
    second demand ("and urged it to …") is claimed from its own cue, by the group's name."""
    text = (
        "Glaciers are shrinking at twice the projected rate, the World Meteorological "
        "Organization said on Thursday.\n\n"
        '"This is an acceleration," said Celeste Saulo, the WMO\'s secretary-general.\n\n'
        "The agency warned that glacier runoff could peak within 15 years. It said floods "
        "had killed at least 70 people since 2020.\n\n"
        "Greenpeace Central Asia accused regional governments of expanding coal power.\n\n"
        "In a statement, the group said Kazakhstan had approved three new coal plants and "
        "urged it to set a date for phasing out the fuel.\n"
    )
    proposals = proposals_for(db_url, text, outlet="The Guardian")
    chains = {p.claim_text: [(h["name"], h["cue"]) for h in p.hops] for p in proposals if p.hops}
    wmo = "World Meteorological Organization"
    assert chains["Glacier runoff could peak within 15 years."] == [(wmo, "warned")]
    assert chains["Floods had killed at least 70 people since 2020."] == [(wmo, "said")]
    assert chains["Kazakhstan had approved three new coal plants."] == [
        ("Greenpeace Central Asia", "said")
    ]
    own = [p.claim_text for p in proposals]
    assert "Greenpeace Central Asia urged it to set a date for phasing out the fuel." in own


def test_unnamed_people_speak_on_as_they_and_as_the_people(db_url):
    """ "according to people familiar with the matter … , said the people, who asked not to
    be identified … , they said … , the people said": the same unnamed people throughout."""
    text = (
        "Heidelberg Materials is in advanced talks to buy the unit, according to people "
        "familiar with the matter.\n\n"
        "An agreement could be announced as soon as next week, said the people, who asked "
        "not to be identified because the discussions are private. The talks could still "
        "stall, they said.\n\n"
        "The unit includes around 250 quarries in Ireland and Poland, the people said.\n"
    )
    chains = {p.claim_text: [h["name"] for h in p.hops] for p in proposals_for(db_url, text)}
    assert chains["An agreement could be announced as soon as next week."] == ["the people"]
    assert chains["The talks could still stall."] == ["the people"]
    assert chains["The unit includes around 250 quarries in Ireland and Poland."] == ["the people"]


def test_the_airline_is_the_one_airline_the_story_names(db_url):
    text = (
        "Eleven people were taken to hospital after a United Airlines flight hit severe "
        "turbulence on Monday.\n\n"
        "Passengers described scenes of panic in the cabin.\n\n"
        "The airline said seven passengers and four flight attendants were treated.\n\n"
        '"Safety is our top priority," United said in a statement.\n'
    )
    chains = {p.claim_text: [h["name"] for h in p.hops] for p in proposals_for(db_url, text)}
    assert chains["Seven passengers and four flight attendants were treated."] == [
        "United Airlines"
    ]
    # the company by its first word, as the article names it in full once
    assert chains["Safety is our top priority."] == ["United Airlines"]


def test_a_magazine_told_is_a_hop(db_url):
    text = '"I could not write a single sentence I believed," Clara Vance told The Paris Review.\n'
    chains = [[(h["name"], h["cue"]) for h in p.hops] for p in proposals_for(db_url, text)]
    assert chains == [[("Clara Vance", "told"), ("The Paris Review", None)]]


def test_told_the_magazine_is_the_outlet_the_speaker_told_before(db_url):
    """ "told the magazine" is the outlet this speaker told before, not another outlet the
    article named since."""
    text = (
        '"I could not write a single sentence," Clara Vance told The Paris Review.\n\n'
        'In The Atlantic, the critic Hannah Lee argued that the novel was "too long."\n\n'
        '"I have learned not to talk about a book until it exists," Vance told the '
        "magazine.\n"
    )
    chains = {
        p.claim_text: [h["name"] for h in p.hops] for p in proposals_for(db_url, text) if p.hops
    }
    assert chains["I have learned not to talk about a book until it exists."] == [
        "Clara Vance",
        "The Paris Review",
    ]


def test_he_is_the_person_named_after_his_description(db_url):
    text = (
        "A spokesman for the Commission, Olivier Marchetti, told reporters that the proposal "
        "was proportionate.\n\n"
        '"Nothing in this proposal changes what is prohibited," he said.\n'
    )
    assert _chains(db_url, text)["Nothing in this proposal changes what is prohibited."] == [
        ("Olivier Marchetti", "said")
    ]


def test_she_is_the_one_person_described_before(db_url):
    text = (
        "A nurse at the flagship hospital, who spoke on condition of anonymity, said lab "
        "results were taking hours.\n\n"
        '"We are doing our best, but people are exhausted," she said.\n'
    )
    chains = {
        p.claim_text: [h.get("proposed_name") or h["name"] for h in p.hops]
        for p in proposals_for(db_url, text)
    }
    assert chains["We are doing our best, but people are exhausted."] == [
        "A nurse at the flagship hospital"
    ]
    assert not any("she said" in claim for claim in chains)


def test_himself_is_no_part_of_a_name_and_an_interview_is_a_hop(db_url):
    text = (
        "Lawmakers wrote to Kristjan Sepp, the commissioner for digital policy.\n\n"
        "Sepp himself defended the plan in an interview with the German business daily "
        'Handelsblatt, saying that start-ups faced "a compliance cliff."\n'
    )
    chains = [
        (p.claim_text, [h["name"] or h.get("proposed_name") for h in p.hops])
        for p in proposals_for(db_url, text)
        if p.hops
    ]
    assert chains == [('Start-ups faced "a compliance cliff."', ["Kristjan Sepp", "Handelsblatt"])]


def test_it_is_the_statement_and_the_bank_no_people_before(db_url):
    text = (
        "Chile's central bank cut its benchmark rate on Tuesday.\n\n"
        '"The inflationary shock has largely dissipated," the statement said.\n\n'
        'It added that the rate would "continue to converge toward its neutral level."\n\n'
        "People familiar with the board's deliberations said two members had argued for a "
        "bigger cut.\n\n"
        "The minutes will be published in two weeks, the bank said.\n"
    )
    chains = {
        p.claim_text: [h.get("proposed_name") or h["name"] for h in p.hops]
        for p in proposals_for(db_url, text, outlet="Financial Post", origin=("Reuters", "via"))
        if p.hops
    }
    assert chains['The rate would "continue to converge toward its neutral level."'] == [
        "the statement"
    ]
    assert chains["The minutes will be published in two weeks."] == ["the bank"]


def test_economists_polled_by_reuters_forecasting_a_cut_is_the_articles_own_statement(db_url):
    text = "Eleven of 19 economists polled by Reuters last week had forecast a cut of that size.\n"
    proposals = proposals_for(db_url, text, outlet="Financial Post", origin=("Reuters", "via"))
    assert [(p.claim_text, p.hops) for p in proposals if p.kind == "claim"] == [(text.strip(), [])]


def test_the_french_news_agency_the_local_paper_and_she_in_the_same_sentence(db_url):
    text = (
        "Chifundo Banda claimed victory on Thursday, AFP reported.\n\n"
        'Banda said his tally showed him leading by "more than 400,000 votes", according to '
        "the French news agency.\n\n"
        "Police fired teargas to disperse a crowd in Blantyre, the local Nation newspaper "
        "reported, quoting witnesses.\n\n"
        "Police spokesperson Peter Kalua was quoted by the paper as saying that officers had "
        'acted "to protect election materials".\n\n'
        "The head of the observer mission, Kefilwe Mosweu, said that voting had been "
        '"peaceful and largely orderly," though she noted "isolated incidents of '
        'intimidation" in the north.\n'
    )
    chains = {
        p.claim_text: [h["name"] or h.get("proposed_name") for h in p.hops]
        for p in proposals_for(db_url, text, outlet="The Citizen", origin=("AFP", "via"))
        if p.hops
    }
    assert chains['Chifundo Banda\'s tally showed him leading by "more than 400,000 votes."'] == [
        "Chifundo Banda",
        "AFP",
    ]
    assert chains['Officers had acted "to protect election materials."'] == [
        "Peter Kalua",
        "Nation",
    ]
    assert all(
        speakers == ["Kefilwe Mosweu"] for claim, speakers in chains.items() if "voting" in claim
    )
    assert not any(
        "Peter Kalua" in speakers and "Kefilwe Mosweu" in speakers for speakers in chains.values()
    )


def test_an_agency_described_and_she_after_a_radio_told(db_url):
    text = (
        "The regional health agency ARS Auvergne-Rhone-Alpes said 61 people had been "
        "hospitalised.\n\n"
        '"We are facing an epidemic," said Dr Claire Vasseur, the agency\'s head of '
        "surveillance.\n\n"
        "According to the agency, more than 80 percent of the cases were unvaccinated.\n\n"
        "Health Minister Sophie Marchand told France Inter radio on Friday that she had "
        'ordered a catch-up campaign. "No child should be turned away," she said.\n\n'
        "The health agency said it expected case numbers to keep rising.\n"
    )
    chains = speakers_of(
        proposals_for(db_url, text, outlet="Euro Weekly Post", origin=("AFP", "via"))
    )
    ars = "ARS Auvergne-Rhone-Alpes"
    assert chains["More than 80 percent of the cases were unvaccinated."] == [ars]
    assert chains["No child should be turned away."] == ["Sophie Marchand"]
    assert chains[f"{ars} expected case numbers to keep rising."] == [ars]


def test_a_bare_name_called_it_a_man_who_gave_his_name_and_a_commission_named_here(db_url):
    text = (
        "STOCKHOLM, March 12 (Reuters) - Swedish utility Nordkraft shut down one of its "
        "reactors on Tuesday after detecting a fault in a cooling pump, the company said, "
        "removing about 1,100 megawatts of capacity from the grid.\n\n"
        "Reactor 2 was taken offline at 4:12 a.m., Nordkraft said in a statement. There was "
        "no release of radioactivity and no one was hurt, it added.\n\n"
        '"The shells started falling at about two in the morning," said the man, who gave '
        "his name only as Bakyt.\n\n"
        "Talks are scheduled to resume Wednesday under the supervision of the Fair Work "
        "Commission, a commission spokeswoman said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text, outlet="The Local"))
    (shut,) = [speakers for claim, speakers in chains.items() if "shut down" in claim]
    assert shut == ["Nordkraft"]
    assert chains["There was no release of radioactivity and no one was hurt."] == ["Nordkraft"]
    assert chains["The shells started falling at about two in the morning."] == ["Bakyt"]
    talks = (
        "Talks are scheduled to resume Wednesday under the supervision of the Fair Work Commission."
    )
    assert chains[talks] == ["Fair Work Commission"]


def test_a_woman_from_a_city_is_no_one_named_and_what_a_party_did_stays_its_own(db_url):
    text = (
        "One affected user, a 29-year-old woman from Manchester who asked not to be named, "
        "told the BBC she had received an email from Kindlr on Thursday morning.\n\n"
        'The main opposition party, PAIGC, condemned "any attempt to seize power by force" '
        'but called for a "transparent and independent" investigation.\n'
    )
    proposals = proposals_for(db_url, text, outlet="The Guardian")
    speakers = [h.get("proposed_name") or h["name"] for p in proposals for h in p.hops]
    assert "Manchester" not in speakers
    own = [p.claim_text for p in proposals if not p.hops]
    assert (
        'The main opposition party, PAIGC, condemned "any attempt to seize power by force."' in own
    )


def test_the_regulator_is_the_watchdog_the_story_named(db_url):
    """ "The regulator said" after "financial watchdog BaFin": BaFin, not a description;
    "the auditor" after "Queensland's state auditor": that auditor, as proposed."""
    text = (
        "FRANKFURT - Germany's financial watchdog BaFin has fined Nordbank 5 million euros "
        "for failing to report suspicious transactions.\n\n"
        "The regulator said the bank had ignored repeated warnings since 2021.\n\n"
        "Queensland's state auditor found that the program had run over budget by A$40 "
        "million. The auditor said the agency had not tracked costs.\n\n"
        "The ombudsman said complaints had doubled.\n"
    )
    assert speakers_of(proposals_for(db_url, text)) == {
        "Germany's financial watchdog BaFin has fined Nordbank 5 million euros for failing "
        "to report suspicious transactions.": [],
        "The bank had ignored repeated warnings since 2021.": ["BaFin"],
        "The program had run over budget by A$40 million.": ["Queensland's state auditor"],
        "The agency had not tracked costs.": ["Queensland's state auditor"],
        "Complaints had doubled.": ["The ombudsman"],  # none named: the reviewer says whose
    }


def test_the_spokesman_one_of_them_and_the_agency_are_who_the_story_described(db_url):
    """ "the spokesman" is the spokesman described before, not the body named last; "One of
    them" one of the people described; "the agency" the agency named again in its sentence;
    a headline's "Carmaker Arvena" gives no name with "Carmaker" in it."""
    text = (
        "Carmaker Arvena recalls 410,000 vehicles over faulty brake sensor\n\n"
        "DETROIT - Arvena Motors is recalling about 410,000 vehicles because a faulty brake "
        "sensor can activate the brakes without warning, the company said on Wednesday.\n\n"
        "Arvena said it was aware of 37 crashes.\n\n"
        "The bureau's annual report shows 1,412 complaints in 2019.\n\n"
        "A spokesman for Ruthven's office said the senator had been referring to a different "
        'measure. "The senator was talking about assaults," the spokesman said.\n\n'
        "The sensors were supplied by Keller Elektronik, according to two people familiar "
        "with the matter. One of them said Arvena was in talks with Keller about the cost.\n\n"
        "The United Auto Workers union said the recall would not affect production. NHTSA said "
        "it had opened an investigation. Owners can check whether their vehicle is affected on "
        "the NHTSA website, the agency said.\n\n"
        '"Our members build these vehicles right," union local president Curtis Dawes told '
        "the Detroit Free Press.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Arvena Motors was aware of 37 crashes."] == ["Arvena Motors"]
    assert (
        chains["The senator was talking about assaults."]
        == chains["The senator had been referring to a different measure."]
    )
    assert "report" not in " ".join(chains["The senator was talking about assaults."])
    assert chains["Arvena was in talks with Keller about the cost."] == [
        "two people familiar with the matter"
    ]
    assert chains["Owners can check whether their vehicle is affected on the NHTSA website."] == [
        "NHTSA"
    ]
    assert chains["Our members build these vehicles right."] == [
        "Curtis Dawes",
        "Detroit Free Press",
    ]


def test_she_after_a_live_blog_entry_is_its_subject(db_url):
    text = (
        "ORAVA - Opposition candidate Anneli Korpela said she was confident of victory.\n\n"
        "22:10 - Pekka Halonen said the count would be over by midnight.\n\n"
        '22:31 - Korpela has posted a short message on social media. "Every vote will be '
        'counted. Stay calm, stay patient," she wrote.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Every vote will be counted. Stay calm, stay patient."] == ["Anneli Korpela"]


def test_it_after_a_sentence_about_the_bank_is_the_bank(db_url):
    """ "Government bond yields dropped. The bank also lowered its forecast. It now expects
    …, it said": the bank the sentence before is about, not "Government" two sentences up;
    which bank, the reviewer says, as the story named two."""
    text = (
        "The Central Bank of Norvalia kept its rate unchanged, said Ingrid Solheim, an "
        "economist at Baltic Union Bank.\n\n"
        "Government bond yields dropped. The bank also lowered its growth forecast. It now "
        "expects the economy to expand 0.9 percent this year, it said in its quarterly report.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["It now expects the economy to expand 0.9 percent this year."] == ["the bank"]


def test_the_regulator_the_authority_the_carrier_and_the_university_of_the_story(db_url):
    """Bodies the story names once and then calls by what they are: "the regulator" after
    "The Food Standards Authority has ordered …" in its own sentence, and "the authority"
    after that; "the carrier" of Aurelia Air; "the university" named last before."""
    text = (
        "The Food Standards Authority has ordered the recall of three cheeses, the regulator "
        "said on Wednesday.\n\n"
        "In a statement, the authority said that laboratory tests had linked the outbreak to "
        "one batch.\n\n"
        "Aurelia Air cancelled more than 400 flights on Monday. The carrier said about 62,000 "
        "passengers were affected.\n\n"
        "A professor at the University of Castlemoor reviewed the images. Brayford University "
        "has suspended the researcher, the university confirmed on Tuesday.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The Food Standards Authority has ordered the recall of three cheeses."] == [
        "Food Standards Authority"
    ]
    assert chains["Laboratory tests had linked the outbreak to one batch."] == [
        "Food Standards Authority"
    ]
    assert chains["About 62,000 passengers were affected."] == ["Aurelia Air"]
    assert chains["Brayford University has suspended the researcher."] == ["Brayford University"]


def test_a_named_bodys_appositive_and_a_spokesman_for_the_body_described(db_url):
    """ "Northline Rail, the national rail operator, said in a statement that A": Northline
    Rail (and the rules' "said" and the tagger's "statement" nest without a cycle); "A
    spokesman for the regulator said" after "The Mines Inspectorate …" is the inspectorate."""
    text = (
        "Northline Rail, the national rail operator, said in a statement that the train had "
        "been carrying 112 passengers.\n\n"
        "The Mines Inspectorate opened an investigation. A spokesman for the regulator said the "
        "pit had passed its last inspection in March.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The train had been carrying 112 passengers."] == ["Northline Rail"]
    assert chains["The pit had passed its last inspection in March."] == ["Mines Inspectorate"]


def test_the_company_the_union_and_the_district_are_the_bodies_named_so(db_url):
    """A company named by its trade ("Brakton Packaging") is one, though a person spoke
    since; a bureau or a district is no company; "the union" is the workers' union named
    before; "the district" the district its own sentence names."""
    text = (
        "Members of Allied Press Workers Local 77 approved the strike, the union said.\n\n"
        "Brakton Packaging said in a statement that it was disappointed. A company spokeswoman, "
        "Alicia Moore, said talks would resume on Wednesday.\n\n"
        "Strikes rose by a third last year, the U.S. Bureau of Labor Statistics reported.\n\n"
        "The company said the plant would keep running during the talks.\n\n"
        "The Harlow County Fire District said the blaze was contained. Schools in the Fenwick "
        "Valley School District will close on Friday, the district said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Members of Allied Press Workers Local 77 approved the strike."] == [
        "Allied Press Workers Local 77"
    ]
    assert chains["Brakton Packaging was disappointed."] == ["Brakton Packaging"]
    assert chains["The plant would keep running during the talks."] == ["Brakton Packaging"]
    assert chains["Schools in the Fenwick Valley School District will close on Friday."] == [
        "Fenwick Valley School District"
    ]


def test_the_report_is_its_author_named_with_it(db_url):
    """ "The report said" after "a report by …, the Bureau of …" is the bureau's word, and so
    is "the report" again and "It said"; a study nobody is said to have written stays as
    written."""
    text = (
        "The expulsions followed a report by Orland's intelligence service, the Bureau of "
        "State Security (BSS). According to the report, two diplomats had recruited three "
        "clerks.\n\n"
        "The report said one of the clerks had confessed. It said the men had met in a cafe.\n\n"
        "A study published on Monday found rents had risen. The study said rents rose 9%.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    for claim in (
        "Two diplomats had recruited three clerks.",
        "One of the clerks had confessed.",
        "The men had met in a cafe.",
    ):
        assert chains[claim] == ["Bureau of State Security"], claim
    assert chains["Rents rose 9%."] == ["The study"]


def test_she_added_is_the_woman_just_read_as_she_not_an_outlet(db_url):
    """ "She said" read as the subject of the sentence before makes her whom "She added"
    means next; "The Athletic", a single name after "The", is an outlet, never "she"."""
    text = (
        "The Athletic reported that the club would insert a sell-on clause.\n\n"
        "The club's sporting director, Claire Dumas, defended the strategy. In an interview, "
        "she said the money would be reinvested. She added that the club had identified two "
        "replacements.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The money would be reinvested."] == ["Claire Dumas"]
    assert chains["The club had identified two replacements."] == ["Claire Dumas"]


@pytest.mark.parametrize(
    ("first", "outlet"),
    [
        ("according to Le Sport", ["Le Sport"]),  # a name the next sentence says is a daily
        ("according to Sportivo", ["Sportivo"]),
        ("Mark Hale said", ["French sports daily"]),  # a person's name: no daily
    ],
)
def test_an_outlet_described_right_after_its_name_is_that_outlet(db_url, first, outlet):
    text = (
        f"Westbridge are close to signing Yanis Rennard, {first}.\n\n"
        "The French sports daily reported that the two clubs had agreed a fee of 70 million "
        "euros.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The two clubs had agreed a fee of 70 million euros."] == outlet


def test_a_document_of_its_is_the_body_the_sentence_is_about(db_url):
    """ "according to minutes of its June meeting", "a summary of its proposal": the
    document gives the words of the body its sentence is about, named or called "the union"
    after its name."""
    text = (
        "The Joint Committee on Vaccination and Immunisation, which advises the government, "
        "is expected to review the evidence later this year, according to minutes of its June "
        "meeting.\n\n"
        "Members of Allied Press Workers Local 77 voted to strike, the union said. The union is "
        "seeking raises of 6 percent, according to a summary of its proposal.\n\n"
        "Shares of Brellin fell 4 percent, according to its annual report.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    (committee,) = [chain for claim, chain in chains.items() if "review the evidence" in claim]
    assert committee == ["Joint Committee on Vaccination and Immunisation"]
    (union,) = [chain for claim, chain in chains.items() if "raises" in claim]
    assert union == ["Allied Press Workers Local 77"]
    (shares,) = [chain for claim, chain in chains.items() if "Shares" in claim]
    assert shares == ["its annual report"]  # the shares own no report: the reviewer says whose


def test_the_commission_the_panel_the_party_and_the_utility_are_the_ones_named(db_url):
    """A body named inside another's words ("read by the chairman of the National Electoral
    Commission") is whom "the commission" means; a party named in an apposition ("Her party,
    the Alliance for Change,") whom "the party" means; "Southern Waters" is a body."""
    text = (
        "Grace Mutua received 43%, according to results read by the chairman of the National "
        "Electoral Commission, Samuel Oyelaran.\n\n"
        "Her party, the Alliance for Change, said its count showed Mutua winning. The party "
        "said it would file a petition.\n\n"
        "The commission said in a statement that the count had been transparent.\n\n"
        "The International Tennis Integrity Panel banned her for a year. The panel said the "
        "traces were small.\n\n"
        "Southern Waters said on Friday that supplies would be cut at night. Hospitals will be "
        "exempt, the utility said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The Alliance for Change would file a petition."] == ["Alliance for Change"]
    assert chains["The count had been transparent."] == ["National Electoral Commission"]
    assert chains["The traces were small."] == ["International Tennis Integrity Panel"]
    assert chains["Hospitals will be exempt."] == ["Southern Waters"]


def test_the_report_published_on_a_day_by_a_firm_is_the_firms(db_url):
    text = (
        "A report published on Wednesday by Greyline Security, a cybersecurity firm based in "
        "Leeds, attributed the attack to a group known as Nightjar. According to the report, "
        "the group typically gains access through stolen staff passwords.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    # the group the report named, through the report's author
    assert chains["Nightjar typically gains access through stolen staff passwords."] == [
        "Greyline Security"
    ]


def test_a_patient_who_asked_not_to_be_named_because_is_the_patient(db_url):
    """The reason in the aside ("because he works for the trust") is nobody's name; the
    speaker is the person the sentence opens with, and "he" next is that person too."""
    text = (
        "Patients described confusion on the wards. Doreen Hartley, 67, whose hip replacement "
        "was cancelled on Tuesday morning, said she had been told by a nurse that staff "
        '"couldn\'t even see who was on the list". "I had been waiting fourteen months," she '
        "said. \"I understand it isn't their fault, but nobody can tell me when I'll get a new "
        'date."\n\n'
        "Another patient, who asked not to be named because he works for the trust, said blood "
        'test results were being carried by hand between buildings. "It is like going back to '
        '1985," he said.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Blood test results were being carried by hand between buildings."] == [
        "Another patient"
    ]
    assert chains["It is like going back to 1985."] == ["Another patient"]


def test_the_analysts_are_the_analysts_described_before(db_url):
    text = (
        "Analysts at Kestrel Hartley said the decision was a blow but not a surprise.\n\n"
        "The company has 30 days to appeal.\n\n"
        '"Appeals against the authority very rarely succeed," the analysts wrote.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Appeals against the authority very rarely succeed."] == [
        "Analysts at Kestrel Hartley"
    ]


def test_the_statement_is_the_one_the_speaker_made_before(db_url):
    """ "The ministry said in a statement that A. …, the statement said": whose statement the
    article said it was."""
    text = (
        "Velaria's defence ministry said in a statement that troops had opened fire on a post "
        "near Kirsk. Four soldiers were killed, the ministry said.\n\n"
        '"The armed forces responded proportionately," the statement said.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The armed forces responded proportionately."] == ["Velaria's defence ministry"]


def test_it_after_a_body_named_by_its_owner_is_that_body(db_url):
    """ "Dranovia's defence ministry gave a sharply different account. It said A": the body
    the sentence before opens with, though another ministry spoke last; "The ministry said"
    after it is that body too."""
    text = (
        "Velaria's defence ministry said in a statement that troops had opened fire on a post "
        "near Kirsk.\n\n"
        "Dranovia's defence ministry gave a sharply different account. It said Velarian "
        "soldiers had fired first. The ministry said three servicemen had been killed.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Velarian soldiers had fired first."] == ["Dranovia's defence ministry"]
    assert chains["Three servicemen had been killed."] == ["Dranovia's defence ministry"]


def test_one_of_a_counted_group_and_the_person_are_those_described(db_url):
    """ "two engineers involved in the mission" are people spoken of as a group, whom "One
    of them" is one of; "Two curators" is counted, so no one's name; "The person" is the
    person the article described before."""
    text = (
        "According to two engineers involved in the mission, data received before the signal "
        "was lost showed a rise in pressure. Neither was authorised to speak publicly. One of "
        'them said the reading "could be a sensor fault."\n\n'
        "Two curators said several employees had written to the board. One of them said the "
        'mood was "deeply uncomfortable."\n\n'
        "A person close to the president said his camp had secured the backing of at least 20 "
        "associations. The person said Almeida had no intention of resigning.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    engineers = ["two engineers involved in the mission"]
    assert chains['The reading "could be a sensor fault."'] == engineers
    assert chains["Several employees had written to the board."] == ["Two curators"]
    assert chains['The mood was "deeply uncomfortable."'] == ["Two curators"]
    assert chains["Almeida had no intention of resigning."] == ["A person close to the president"]


def test_the_federation_and_the_agency_are_those_the_story_named(db_url):
    """ "The federation said" is the federation named before, though only in an apposition;
    "The agency said", right after a sentence naming the Caledonian Space Agency, is that
    agency, not the wire the article credits."""
    text = (
        "The president of the Atlantic Rowing Federation, Rodrigo Almeida, will face a vote "
        "next month, officials said on Monday.\n\n"
        "The federation said in a separate statement that the council had been briefed in "
        "June.\n\n"
        "The Caledonian Space Agency lost contact with the lander on Friday. The agency said "
        "the landing had been postponed.\n"
    )
    chains = speakers_of(proposals_for(db_url, text, origin=("AFP", "via")))
    assert chains["The council had been briefed in June."] == ["Atlantic Rowing Federation"]
    assert chains["The landing had been postponed."] == ["Caledonian Space Agency"]


def test_she_is_the_unnamed_spokeswoman_the_sentence_before_opens_with(db_url):
    text = (
        "Culture Minister Abena Osei said the heads had been taken by force.\n\n"
        "A spokeswoman for the gallery disputed that account. She said the trustees had "
        "reviewed every document.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The trustees had reviewed every document."] == ["A spokeswoman for the gallery"]


def test_the_chief_executive_named_after_the_description_speaks_and_the_company_that_spoke(
    db_url,
):
    """ "The council's chief executive, Simon Harrow, has apologised and said": Harrow; "The
    company said" right after "Tellus Grid said it would publish" is Tellus Grid, not the
    consultancy named before it; "the bank" is no bank the story names only later."""
    text = (
        "Valdoria's central bank governor Katrin Ostheimer resigned on Monday, the bank said.\n\n"
        "The council's chief executive, Simon Harrow, has previously apologised to the "
        'families and said the authority would "accept whatever findings the inquiry '
        'reaches".\n\n'
        '"The next 72 hours are critical," said Henrik Moll, head of power analysis at '
        "consultancy Northlight Energy.\n\n"
        "Tellus Grid said it would publish an updated assessment on Thursday. The company said "
        "customers could check whether their area was at risk on its website.\n\n"
        '"Markets are calm," said Franziska Lind, a strategist at Hallam Bank.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Valdoria's central bank governor Katrin Ostheimer resigned on Monday."] == [
        "the bank"
    ]
    assert chains['The authority would "accept whatever findings the inquiry reaches."'] == [
        "Simon Harrow"
    ]
    (customers,) = [c for c in chains if c.startswith("Customers could check")]
    assert chains[customers] == ["Tellus Grid"]


def test_a_given_name_written_alone_is_the_one_person_the_article_named_so(db_url):
    text = (
        "Siriporn Wattana, a researcher at a conservation group, said the trade was growing. "
        '"The number of seizures is going up," Siriporn said.\n\n'
        "Retired judge Sir Edmund Loy chairs the inquiry. Sir Edmund said the families "
        "deserved answers.\n"
    )
    chains = _chains(db_url, text)
    assert chains["The number of seizures is going up."] == [("Siriporn Wattana", "said")]
    assert chains["The families deserved answers."] == [("Edmund Loy", "said")]


def test_it_said_it_names_the_body_in_the_claim(db_url):
    text = (
        "Lumora Technologies said it had introduced new filters in March.\n\n"
        'It said it would "vigorously defend" the lawsuit.\n\n'
        "The report was published on Monday. Tom Reid said it was late.\n"
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert 'Lumora Technologies would "vigorously defend" the lawsuit.' in claims
    assert "It was late." in claims  # a person's "it" is a thing


def test_he_after_telling_a_body_is_the_speaker(db_url):
    text = (
        "Chief engineer Tomas Rellick told the inquiry that he had personally raised "
        "concerns.\n\n"
        "Ann Lee told Bob Smith he had lied.\n"
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert "Tomas Rellick had personally raised concerns." in claims
    assert "He had lied." in claims  # Bob Smith may be "he"


def test_according_to_the_newspaper_after_another_paper_spoke_is_that_paper(db_url):
    text = (
        "The director resigned hours after the Vessmark Tribune published what it said was an "
        "internal audit estimating that hosting the Games would cost 14.8 billion euros.\n\n"
        "According to the newspaper, the audit found that security costs had been "
        "underestimated by at least 2 billion euros.\n"
    )
    chains = speakers_of(proposals_for(db_url, text, origin=("AFP", "via")))
    (claim,) = [c for c in chains if "security costs" in c]
    assert chains[claim] == ["Vessmark Tribune"]


def test_the_group_named_at_a_sentence_s_end_ends_there(db_url):
    text = (
        "The figures come from the conservation group WildWatch Asia. A single adult can sell "
        "for thousands, the group said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["A single adult can sell for thousands."] == ["WildWatch Asia"]


def test_the_agency_and_the_group_are_the_ones_just_named_or_just_speaking(db_url):
    """ "The agency said" right after a sentence naming the Kestavian Space Agency is that
    agency, and right after "…, NASA said." is NASA; "The group said" after "A group
    calling itself BlackLantern claimed …" is BlackLantern, not the hospital group named
    before; "Harcourt & Lyle" is a firm, no "she"."""
    text = (
        "Meridale Health, a hospital group, said its systems were restored on Friday.\n\n"
        "A group calling itself BlackLantern claimed responsibility for the attack. The "
        "group said it would release the records unless it was paid.\n\n"
        "Aurora-3 was launched in 1998 by the Kestavian Space Agency. The agency said it was "
        "analysing the data.\n\n"
        "The space station is not at risk, NASA said. The agency said it was tracking the "
        "debris.\n\n"
        '"We take attribution seriously," Harcourt & Lyle said in a statement. She told the '
        "Review that the paintings were fakes.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["BlackLantern would release the records unless it was paid."] == ["BlackLantern"]
    assert chains["The Kestavian Space Agency was analysing the data."] == [
        "Kestavian Space Agency"
    ]
    assert chains["NASA was tracking the debris."] == ["NASA"]
    assert not [c for c, names in chains.items() if "fakes" in c and "Harcourt & Lyle" in names]


def test_she_is_the_one_person_the_sentence_before_names_with_a_title(db_url):
    """ "… when Dr Ingrid Halvorsen, a conservator, examined photographs of the paintings.
    She told the Kensington Review …": Halvorsen, who spoke in no relation before; the
    auction house quoted before is a firm, no "she"; "Mr" is no "she"."""
    text = (
        '"We take attribution seriously," Harcourt & Lyle said in a statement.\n\n'
        "The doubts first surfaced when Dr Ingrid Halvorsen, a conservator, examined "
        "photographs of the paintings. She told the Kensington Review that the craquelure "
        "looked artificial.\n\n"
        "The sale was halted after Mr Anton Vos raised questions. She said the sale would "
        "resume.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The craquelure looked artificial."] == [
        "Ingrid Halvorsen",
        "Kensington Review",
    ]
    assert "Anton Vos" not in chains["The sale would resume."]


def test_the_health_department_is_the_department_named_with_health_in_it(db_url):
    """ "the health department" after "The Brenford County Health Department said" is that
    department, as "the department" is; a department without "health" in its name is not."""
    text = (
        "The Brenford County Parks Department closed the beaches. The Brenford County Health "
        "Department said that water samples showed high toxin levels.\n\n"
        "No human illnesses had been reported as of Tuesday afternoon, the health department "
        "said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["No human illnesses had been reported as of Tuesday afternoon."] == [
        "Brenford County Health Department"
    ]


def test_it_after_the_department_just_read_is_that_department_and_that_memo_is_which(db_url):
    """ "The health department said A. B, it said": the department, read just now, not the
    study described two paragraphs before; "That memo was never acted on, the former
    employee said" keeps "That": which memo, not the "that" of reported speech."""
    text = (
        "The Brenford County Health Department said the samples showed high toxin levels.\n\n"
        "A 2023 study by researchers at Halverson University found that blooms had tripled.\n\n"
        "The health department said residents should switch to bottled water. Municipal "
        "drinking water is not affected, it said.\n\n"
        "A former employee said a junior specialist had written a memo. That memo was never "
        "acted on, the former employee said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Municipal drinking water is not affected."] == [
        "Brenford County Health Department"
    ]
    assert chains["That memo was never acted on."] == ["the former employee"]


def test_the_zoo_is_the_zoo_named_and_a_news_site_emailed_is_a_hop(db_url):
    """ "the zoo said" after "Brackenford Zoo" is that zoo; "in a statement emailed to the
    Harbourline news site" passes the words through the site."""
    text = (
        "A red panda escaped from Brackenford Zoo on Sunday. The animal was recaptured nine "
        "hours later in a neighbouring park, the zoo said.\n\n"
        "StayNest said in a statement emailed to the Harbourline news site that it was deeply "
        "disappointed by the vote.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The animal was recaptured nine hours later in a neighbouring park."] == [
        "Brackenford Zoo"
    ]
    assert len(chains["StayNest was deeply disappointed by the vote."]) == 2


def test_it_is_no_person_and_police_are_the_one_force_named(db_url):
    """ "In a statement, it said" after a sentence quoting a harbourmaster is the authority
    the sentence before is about, not him; "Police said" is the one force the article
    names, before or after ("Westmoor Police Chief Superintendent …")."""
    text = (
        "The Meridian Canal Authority said the tanker had lost power.\n\n"
        '"Every year the ships get bigger," harbourmaster Yusuf Demir told the Salt Haven '
        "Courier. He said the authority had ignored repeated warnings.\n\n"
        "The authority rejected the criticism. In a statement later on Wednesday, it said the "
        "channel had been dredged in January.\n\n"
        "Police said at the time that no arrests had been made and that they were not "
        "treating the incident as criminal. Westmoor Police Chief "
        "Superintendent Graham Fairley said the force would review its position.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The channel had been dredged in January."] == ["Meridian Canal Authority"]
    assert chains["No arrests had been made."] == ["Westmoor Police"]
    assert chains["Westmoor Police were not treating the incident as criminal."] == [
        "Westmoor Police"
    ]


def test_a_person_of_a_body_in_lower_case_is_whom_she_means(db_url):
    """ "Anna Berg of the drivers' association said": a person with her affiliation, so
    the next "She said" is hers, as after "Anna Berg said"."""
    text = (
        "Court rules against parking app\n\n"
        "Anna Berg of the drivers' association said the rules were unfair. She said the firm "
        "had ignored complaints for two years.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The firm had ignored complaints for two years."] == ["Anna Berg"]


def test_a_person_with_a_trade_companies_ply_too_is_the_she_who_speaks_next(db_url):
    """ "Denise Okafor, a forklift operator," is a person, however much "operator" names
    firms: the next speaker is "she", and no one else is named between."""
    text = (
        "Denise Okafor, a forklift operator, wept as the final tally was read. "
        '"They told us we were replaceable," she said outside the office.\n\n'
        "Marta Lind, a crane operator who has worked at the port for six years and helped "
        'lead the campaign, spoke next. "We did not believe them," she said.\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("They told us we were replaceable.") == ["Denise Okafor"], speakers
    assert speakers.get("We did not believe them.") == ["Marta Lind"], speakers


def test_it_after_a_body_described_by_whose_it_is_is_that_body(db_url):
    """ "Norway's fisheries ministry rejected that account. In a statement, it said": the
    ministry, as the story describes it, rather than no speaker at all."""
    text = (
        "Norway's fisheries ministry rejected that account. In a statement, it said Iceland's "
        "demand was out of all proportion to its historical catch.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("Iceland's demand was out of all proportion to its historical catch.") == [
        "Norway's fisheries ministry"
    ], speakers


def test_she_is_the_one_person_the_sentence_before_names_not_the_last_speaker(db_url):
    text = (
        "Denise Okafor, a forklift operator, wept as the final tally was read.\n\n"
        '"The company can drag this out," said Rebecca Lindgren, a professor.\n\n'
        "For Okafor, the next step is simpler. She said she planned to go home.\n\n"
        "Another specialist, Dr. Priya Raman, who studied the flints, went further. In a "
        "letter to a journal, she wrote that some of the tools were younger.\n"
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("Denise Okafor planned to go home.") == ["Denise Okafor"], speakers
    assert speakers.get("Some of the tools were younger.") == ["Priya Raman"], speakers


def test_a_place_or_a_name_inside_a_quotation_is_no_she_the_sentence_before_names(db_url):
    """The one person a sentence names is "he" only where the story introduced them as a
    person and the sentence is the writer's: not "Salem, New Hampshire", nor a Cruz named
    inside a quotation, nor Trump after "He declared"; the last speaker stays."""
    text = (
        "Republican presidential candidate Donald Trump, who spoke for an hour, attacked "
        "a rival on Monday.\n\n"
        "Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush.\n\n"
        "He says Bush is a weak candidate.\n\n"
        '"Cruz is the real conservative," Brent Bozell said.\n\n'
        '"The establishment is attacking Ted Cruz, who has won Iowa."\n\n'
        '"There were those of us who felt otherwise," he notes.\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("Bush is a weak candidate.") == ["Donald Trump"], speakers
    assert speakers.get("There were those of us who felt otherwise.") == ["Brent Bozell"]


def test_a_second_apposition_describes_the_body_the_first_named_not_the_person(db_url):
    """ "Kevin Tsosie, a lawyer with the Desert Ratepayers Alliance, a consumer group," is a
    person: "a consumer group" is what the Alliance is. His "he said" is his."""
    text = (
        "Kevin Tsosie, a lawyer with the Desert Ratepayers Alliance, a consumer group, said "
        "customers had paid for upgrades that were years behind schedule. \"They've been "
        'warned about this for a decade," he said.\n'
    )
    speakers = speakers_of(proposals_for(db_url, text))
    assert speakers.get("They've been warned about this for a decade.") == ["Kevin Tsosie"]
