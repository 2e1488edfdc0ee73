"""Proposals for speakers described rather than named, and for sentences whose verb
frames what someone said: one of many ("a Reuters reporter") is no name to create."""

from __future__ import annotations

from tests.suggest_data import proposals_for, speakers_of


def _hops(proposals, claim):
    found = [p for p in proposals if p.claim_text == claim]
    assert found, [p.claim_text for p in proposals]
    return found[0].hops


def test_one_of_many_is_a_description_however_many_capitals_say_whose(db_url):
    """ "A former Kestrel Power lineman", "A Reuters reporter": a lower-case noun after
    "a" is one of many, not a source's name to create; "A Tribe Called Quest" is a name."""
    text = (
        "A former Kestrel Power lineman said the poles were rotten.\n\n"
        "A Reuters reporter at the scene said the building had collapsed.\n\n"
        "An Ostrava city councillor said the budget was short by a third.\n\n"
        "A Tribe Called Quest said the tour would resume in May.\n"
    )
    proposals = proposals_for(db_url, text)
    for claim, surface in [
        ("The poles were rotten.", "A former Kestrel Power lineman"),
        ("The building had collapsed.", "A Reuters reporter at the scene"),
        ("The budget was short by a third.", "An Ostrava city councillor"),
    ]:
        (hop,) = _hops(proposals, claim)
        assert hop["source_id"] is None
        assert hop["why"].startswith("a description"), hop
        assert hop["name"] == surface
    (band,) = _hops(proposals, "The tour would resume in May.")
    assert not band["why"].startswith("a description")


def test_an_outlet_s_kind_after_its_name_and_a_place_before_to_keep_the_hop(db_url):
    """ "told the Property Weekly trade magazine", "speaking from her hospital bed to the
    Dauphine Courier": the outlet is a hop, under its own name."""
    text = (
        "Simon Achterberg told the Property Weekly trade magazine last month that Redbridge "
        "planned to invest 80 million pounds in the estate.\n\n"
        "Mary Bell, speaking from her hospital bed to the Dauphine Courier, said the slope "
        "had seemed safe.\n"
    )
    proposals = proposals_for(db_url, text)
    told = _hops(proposals, "Redbridge planned to invest 80 million pounds in the estate.")
    assert [h["name"] for h in told] == ["Simon Achterberg", "Property Weekly"]
    speaking = _hops(proposals, "The slope had seemed safe.")
    assert [h["name"] for h in speaking] == ["Mary Bell", "Dauphine Courier"]


def test_an_acronym_in_brackets_keeps_the_whole_name_it_spells(db_url):
    """ "Olive Producers of Italy (OPI)" is the body OPI spells, not a Mr Olive Producers
    "of Italy"."""
    text = (
        'Industry group Olive Producers of Italy (OPI) said the high prices had created "a '
        'perfect environment for fraudsters".\n'
    )
    (proposal,) = proposals_for(db_url, text)
    assert [h["name"] for h in proposal.hops] == ["Olive Producers of Italy"]


def test_one_of_a_kind_set_beside_the_subject_is_the_company_that_speaks(db_url):
    """ "Veltrax, one of the largest cryptocurrency exchanges in the region, suspended …,
    the company said": the subject, which its apposition shows to be a company."""
    text = (
        "Veltrax, one of the largest cryptocurrency exchanges in the region, suspended all "
        "customer withdrawals on Monday, the company said.\n\n"
        "Nordex, one of the world's biggest turbine makers, cut 500 jobs, the company said.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "Veltrax, one of the largest cryptocurrency exchanges in the region, suspended all "
        "customer withdrawals on Monday."
    ] == ["Veltrax"]
    assert chains["Nordex, one of the world's biggest turbine makers, cut 500 jobs."] == ["Nordex"]


def test_a_spokesman_quoted_by_a_described_agency_is_the_body_s_through_the_agency(db_url):
    """ "…, according to a spokesman quoted by the German news agency dpa": the agency's own
    spokesman, through dpa (a name, lower case and all, since the text says what it is)."""
    text = (
        "The European Space Agency said it stood ready to offer technical assistance, "
        "according to a spokesman quoted by the German news agency dpa.\n\n"
        "The ministry said in a statement cited by the news agency dpa that the talks had "
        "failed.\n"
    )
    proposals = proposals_for(db_url, text)
    agency = _hops(
        proposals, "The European Space Agency stood ready to offer technical assistance."
    )
    assert [h["name"] for h in agency] == ["European Space Agency", "dpa"]
    assert not agency[1]["why"].startswith("a description")
    ministry = _hops(proposals, "The talks had failed.")
    assert [h["name"] for h in ministry][-1] == "dpa"


def test_a_description_set_beside_a_passive_s_agent_names_it_and_which_says_after(db_url):
    """ "rated … by the national weather service, Meteo-Alpes, which had warned …": "the
    service said" is Meteo-Alpes, and "which had warned" reports nothing before it."""
    text = (
        "The avalanche risk had been rated at 4 on a scale of 5 by the national weather "
        "service, Meteo-Alpes, which had warned on Friday against all off-piste skiing. "
        '"Conditions are extremely unstable," the service said in its bulletin.\n'
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Conditions are extremely unstable."] == ["Meteo-Alpes"]
    assert not any(claim.endswith("by the national.") for claim in chains)


def test_a_kind_set_beside_a_name_is_named_inside_a_claim(db_url):
    """ "Veltrax, a cryptocurrency exchange that once claimed two million users," makes a
    claim's "the exchange" Veltrax; not "the company", of which a story names several."""
    text = (
        "Veltrax, a cryptocurrency exchange that once claimed two million users, suspended "
        "all withdrawals on Tuesday.\n\n"
        "The Monetary Conduct Authority said it had opened an investigation into the exchange."
        "\n\nKestrel Quant, a trading firm, said the company had repaid its loans.\n"
    )
    claims = [p.claim_text for p in proposals_for(db_url, text)]
    assert "The Monetary Conduct Authority had opened an investigation into Veltrax." in claims
    assert "The company had repaid its loans." in claims


def test_the_name_before_an_apposition_the_tagger_took_for_the_speaker(db_url):
    """ "LONDON (Reuters) - Meridane Pharmaceuticals, one of Europe's largest generic drug
    makers, said": Meridane speaks, not "one of Europe's largest generic drug makers"; "In
    Brussels, the minister said" is still the minister."""
    text = (
        "Meridane recalls blood pressure tablets after impurity found\n\n"
        "LONDON (Reuters) - Meridane Pharmaceuticals, one of Europe's largest generic drug "
        "makers, said on Tuesday it was recalling three batches of its tablet Corvalex.\n\n"
        "In Brussels, the minister said talks would resume.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains[
        "Meridane Pharmaceuticals was recalling three batches of its tablet Corvalex."
    ] == ["Meridane Pharmaceuticals"]
    assert chains["Talks would resume."] == ["the minister"]


def test_as_first_reported_by_is_the_outlet_the_words_went_through(db_url):
    """ "X said A, as first reported by the trade magazine Pharmacy Weekly": X through the
    magazine, not a speaker "first"; alone, "A was leaked, as reported by Y" is Y's."""
    text = (
        "The National Pharmacists' Association said pharmacies had begun contacting patients "
        "on Tuesday morning, as first reported by the trade magazine Pharmacy Weekly.\n\n"
        "The minister said the talks had failed, as reported by the Harbour Gazette.\n\n"
        "The plan was leaked, as reported by the Harbour Gazette.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Pharmacies had begun contacting patients on Tuesday morning."] == [
        "National Pharmacists' Association",
        "Pharmacy Weekly",
    ]
    assert chains["The talks had failed."] == ["The minister", "Harbour Gazette"]
    assert chains["The plan was leaked."] == ["Harbour Gazette"]


def test_a_clause_ending_on_a_verb_s_particle_is_whole(db_url):
    """ "fields that some users had chosen to fill in" ends on "fill in": a whole clause,
    not one cut off mid-way."""
    text = (
        "According to Jonas Feld, the exposed records included fields that some users had "
        "chosen to fill in.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The exposed records included fields that some users had chosen to fill in."] == [
        "Jonas Feld"
    ]


def test_a_spokeswoman_set_off_from_the_agency_that_quoted_her(db_url):
    """ "A spokeswoman for the ministry, quoted by the state news agency TKA, said": the
    Ministry of Labour named before, through TKA; not TKA speaking."""
    text = (
        "The Ministry of Labour said it was ready to appoint a mediator if both sides "
        "requested one. A spokeswoman for the ministry, quoted by the state news agency TKA, "
        "said the minister had spoken to both parties by telephone on Sunday evening.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The minister had spoken to both parties by telephone on Sunday evening."] == [
        "Ministry of Labour",
        "TKA",
    ]


def test_the_bank_is_the_one_so_named_not_a_bankers_association(db_url):
    """ "A bank spokesman", "The bank denied" after "The Bank of Estoria raised …" and "The
    Estorian Bankers' Association said": the Bank of Estoria; "the bank's hesitation"
    inside someone's quotation stays hers, the name an editor's, in square brackets."""
    text = (
        "The Bank of Estoria raised its benchmark rate by a quarter point on Wednesday.\n\n"
        "Homeowners' payments have risen by 40 percent, the Estorian Bankers' Association "
        "said last month. Lindqvist said wage growth was too strong for the bank to wait.\n\n"
        'Party spokesperson Elin Voss said that "families are paying the price for the '
        "bank's hesitation\".\n\n"
        "A bank spokesman said the timing of each decision had been justified by the data.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The timing of each decision had been justified by the data."] == [
        "Bank of Estoria"
    ]
    assert "Wage growth was too strong for the Bank of Estoria to wait." in chains
    assert "Families are paying the price for [the Bank of Estoria]'s hesitation." in chains


def test_what_a_speaker_cites_as_its_own_evidence_is_no_hop(db_url):
    """ "citing passenger complaints", "citing its own tests": the speaker's evidence, not
    whose word it is; "citing Reuters" is still a hop."""
    text = (
        "Consumer group Fair Travel, citing passenger complaints, said the carrier had failed "
        "to offer refunds.\n\n"
        "Clear Water, citing its own tests, said mercury levels were ten times the limit.\n\n"
        "Harbour Watch, citing Reuters, said the port would close.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The carrier had failed to offer refunds."] == ["Fair Travel"]
    assert chains["Mercury levels were ten times the limit."] == ["Clear Water"]
    assert chains["The port would close."] == ["Reuters", "Harbour Watch"]


def test_police_are_the_force_named_with_its_service_and_pm_ends_a_sentence(db_url):
    """ "According to police" is the one force named, "Fairhaven Police Service" whole; and
    "at 7.40pm. Police said" is two sentences, as "at 7.40 p.m. Police said" is."""
    text = (
        "The Fairhaven Police Service said two men had been arrested. According to police, "
        "the north gate was opened at 7.40pm. Police said the crowd was calm.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["The north gate was opened at 7.40pm."] == ["Fairhaven Police Service"]
    assert chains["The crowd was calm."] == ["Fairhaven Police Service"]


def test_a_body_s_it_when_what_it_is_is_set_beside_its_name(db_url):
    """ "The engine maker, Holtwerk Propulsion, said that it was …": the maker itself, named
    once; "Arief Santoso, a spokesman for the agency, said he" is still a person."""
    text = (
        "The engine maker, Holtwerk Propulsion, said in a statement that it was working "
        "around the clock with the airline.\n\n"
        "Arief Santoso, a spokesman for the National Disaster Mitigation Agency, said he was "
        "worried about the dam.\n"
    )
    chains = speakers_of(proposals_for(db_url, text))
    assert chains["Holtwerk Propulsion was working around the clock with the airline."] == [
        "Holtwerk Propulsion"
    ]
    assert chains["Arief Santoso was worried about the dam."] == ["Arief Santoso"]
