"""The name proposed for a source nobody has recorded yet."""

from __future__ import annotations

import pytest

from claims.resolution import _proposed_name, is_description


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Opposition leader Mark Hale", "Mark Hale"),
        ("Britain's media regulator Ofcom", "Ofcom"),
        ("The Bavarian interior ministry", "Bavarian interior ministry"),
        ("The German weather service DWD", "DWD"),
        ("The Ukrainian president's office", "Ukrainian president's office"),
        ("Chief Executive Dr. Linda Park", "Linda Park"),
        ("The U.N. labor agency", "U.N. labor agency"),
        ("Published figures show", "Published figures show"),
        ("Energy Minister Ana Konig", "Ana Konig"),
        # the particles of a name are the name's, opening it or not
        ("del Nido Carrasco", "del Nido Carrasco"),
        ("Del Nido", "Del Nido"),
        ("José María del Nido Carrasco", "José María del Nido Carrasco"),
        ("Bild am Sonntag", "Bild am Sonntag"),
        ("Pollster Michael Brandt", "Michael Brandt"),
        ("The Madrid-based newspaper", "The Madrid-based newspaper"),
        ("Commission President Ursula von der Leyen", "Ursula von der Leyen"),
        ("the opposition leader, Mark Hale", "Mark Hale"),
        # the department a title is of comes before the name, however many words it has
        ("Secretary of Energy Jennifer Granholm", "Jennifer Granholm"),
        ("Chancellor of the Exchequer Rachel Reeves", "Rachel Reeves"),
        ("Minister of Foreign Affairs Wang Yi", "Wang Yi"),
        ("Minister of Foreign Affairs Recep Tayyip Erdogan", "Recep Tayyip Erdogan"),
        ("Secretary of State Antony Blinken", "Antony Blinken"),
        ("Secretary of State for Health Wes Streeting", "Wes Streeting"),
        ("Minister for Health Simon Harris", "Simon Harris"),
        # a body of people qualifies a title, and is none alone
        ("Police Chief John Smith", "John Smith"),
        ("Police Scotland", "Police Scotland"),
        ("Officials Weekly", "Officials Weekly"),
        # "on" goes on with a body's name, and says when after a person's
        ("the Council on Foreign Relations", "Council on Foreign Relations"),
        ("The Committee on Foreign Affairs", "Committee on Foreign Affairs"),
        # a name before where it is: WHO's spokesperson, not Lusaka
        ("a WHO spokesperson in Lusaka", "WHO"),
        # the acronym given beside the name, and what a body publishes
        ("The Department of Energy (DOE)", "Department of Energy"),
        ("LSEG data", "LSEG"),
        # a title whose one word is a trade's: the whole title, or it reads as anyone's
        ("The Economist", "The Economist"),
    ],
)
def test_the_name_is_the_head_of_the_span(surface, name):
    assert _proposed_name(surface) == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("the official Xinhua news agency", "Xinhua"),
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("the Justice Department's", "Justice Department"),
        ("Hillary Clinton's spokeswoman", "Hillary Clinton"),
    ],
)
def test_descriptors_suffixes_and_bodies_are_not_taken_for_titles(surface, name):
    assert _proposed_name(surface) == name


@pytest.mark.parametrize(
    "surface, name",
    [
        ("Local MP Markus Campbell", "Markus Campbell"),
        ("Organiser Fiona Laing", "Fiona Laing"),
        ("Labour MP Priya Sandhu", "Priya Sandhu"),
        ("R. Alan Whitfield of the University of Illinois Springfield", "R. Alan Whitfield"),
        ("Tom Reiss of the thinktank Resolution Industrial", "Tom Reiss"),
        ("The leader of the party in the Assembly, Mathilde Panot", "Mathilde Panot"),
        ("A senior official who declined to be named because talks are private",
         "A senior official"),
        ("Robert F. Kennedy Jr.", "Robert F. Kennedy Jr."),
        ("Bank of England", "Bank of England"),
        ("Federal Reserve Bank of New York", "Federal Reserve Bank of New York"),
        ("People in Need, a Czech aid group,", "People in Need"),
        ("the Council on Foreign Relations, a think tank,", "Council on Foreign Relations"),
        ("John Smith, an analyst,", "John Smith"),
        # local offices and a party's member, as US copy writes them
        ("Pima County Recorder Gabriella Cazares-Kelly", "Gabriella Cazares-Kelly"),
        ("City Councilman Greg Ames", "Greg Ames"),
        ("Democrat Elena Vasquez", "Elena Vasquez"),
        ("Minister for Europe Stephen Doughty", "Stephen Doughty"),
        ("Minister for Agriculture Eoghan Mac Cárthaigh", "Eoghan Mac Cárthaigh"),
        # to whom a document went, or what it counts, is not who wrote it
        ("a filing with the National Highway Traffic Safety Administration", "a filing"),
        ("a letter to the European Commission", "a letter"),
        ("Data for Progress", "Data for Progress"),
        ("Minister for Rural Affairs Aoife Ní Bhriain", "Aoife Ní Bhriain"),
        ("Minister for the Cabinet Office Pat McFadden", "Pat McFadden"),
        ("Republican National Committee", "Republican National Committee"),
        # a department every country has keeps whose it is
        ("Russia's Foreign Ministry", "Russia's Foreign Ministry"),
        ("A study of 8,000 adults", "A study of 8,000 adults"),
        ("Britain's media regulator Ofcom", "Ofcom"),
        # whom a lawyer works for is no name of theirs, but their own name is
        ("A lawyer for Ostrander, Jonathan Weil", "Jonathan Weil"),
        # an owner that is the name's own word
        ("The Women's Tennis Association", "Women's Tennis Association"),
        ("the Children's Hospital of Philadelphia", "Children's Hospital of Philadelphia"),
        # where a body or an office is, not who speaks
        ("the Rescue Service of the canton of Oberwald", "Rescue Service of Oberwald"),
        ("the governor of the state of Ohio", "the governor"),
        ("Speaker of the House Newt Gingrich", "Newt Gingrich"),
    ],
)  # fmt: skip
def test_a_new_name_is_the_person_without_title_workplace_or_relative_clause(surface, name):
    assert _proposed_name(surface) == name


@pytest.mark.parametrize(
    ("surface", "description"),
    [
        ("his office", True),
        ("a spokesperson", True),
        ("A spokesperson", True),
        ("The ministry", True),
        ("the billionaire estate mogul", True),
        ("the", True),
        ("Mark Hale", False),
        ("Bavarian interior ministry", False),
        # one of many of its kind: the capitals say where it is from, not who
        ("the Andalusian club", True),
        ("The Madrid-based newspaper", True),
        ("the Kremlin-backed group", True),
        ("Two Republican officials familiar with the campaign", True),
        ("Several planetary scientists not involved", True),
        ("Passengers", True),
        ("Opposition politicians", True),
        # officials, diplomats: people unnamed, whoever they work for
        ("U.S. officials", True),
        ("Israeli officials", True),
        ("Two Pentagon officials", True),
        ("One official", True),
        ("A Western diplomat", True),
        ("Ofcom", False),
        # an office without its holder's name, capitalised as many papers print it
        ("The Minister", True),
        ("Minister", True),
        ("the Prime Minister", True),
        ("Interior Minister", True),
        ("the Attorney General", True),
        ("Secretary of State", True),
        ("the Minister of Finance", True),
        ("the Secretary-General", True),
        ("Secretary of State for Health", True),
        # an appositive: the span is a description only when every part is one, and one
        # that calls a body by its kind makes what it stands beside a name
        ("John Smith, an analyst,", False),
        ("People in Need, a Czech aid group,", False),
        ("Police in Kent, a force spokesman,", True),
        ("A senior official, speaking on condition of anonymity,", True),
        ("the Chief Executive", True),
        ("General Motors", False),
        ("the Bank of England", False),
        ("President Biden", False),
        ("Minister Olsen", False),
        ("US", False),
        ("Critics", True),
        ("Two other sources", True),
        ("Officials", True),
        # a force or a crowd is no one source: "Police" would gather every force anywhere
        ("Police", True),
        ("Voters in Ohio", True),
        # the head comes before where it is: police, analysts
        ("Police in Kent", True),
        ("Analysts at Goldman Sachs", True),
        ("A viral post on Facebook", True),
        # what was seen says it, not who saw it
        ("documents seen by Reuters", True),
        ("a letter obtained by the BBC", True),
        # groups and unnamed insiders, whatever their capitals
        ("Neighbors", True),
        ("Central bankers", True),
        ("Another MP", True),
        ("Another musician", True),
        ("Some studies", True),
        ("Several signatories", True),
        ("Many Voices", False),
        ("One former minister", True),
        ("Allies of the Prime Minister", True),
        ("a source close to the Chancellor", True),
        ("Friends of the Earth", False),
        ("Democrat Elena Vasquez", False),
        # those polled say it; the pollster only asked
        ("economists polled by Reuters", True),
        ("voters surveyed by YouGov", True),
        ("data compiled by LSEG", False),
        ("Kent Police", False),
        ("Police Scotland", False),
        ("Officials Weekly", False),
        ("Citizens in Action", False),
        ("Council on Foreign Relations", False),
        ("The Union of Concerned Scientists", False),
        ("American Federation of Teachers", False),
        # a group's word capitalised after its article is a title: the magazine
        ("The Economist", False),
        ("The economist", True),
        ("the Police", True),
        ("Two Officials", True),
    ],
)
def test_a_description_names_nobody(surface, description):
    assert is_description(surface) is description


def test_a_description_goes_to_the_reviewer_as_written_and_marked(session):
    from claims.resolution import Resolver

    resolution = Resolver(session).resolve("his office")
    assert resolution.proposed_name == "his office" and is_description("his office")
    assert resolution.why.startswith("a description, not a name")
    assert Resolver(session).resolve("Olaf Brandt").why == "no known source by this name"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The minister quit, according to The Times.", "The Times"),
        ("The Times said the minister quit.", "Times"),  # a capital where sentences start
        ("The minister quit, according to the Times.", "Times"),
        ("The Times said he quit.\n\nHe told The Times he was tired.", "The Times"),
    ],
)
def test_a_new_outlet_keeps_the_the_its_article_capitalises(session, text, name):
    from types import SimpleNamespace

    from claims.resolution import Resolver
    from claims.services.sources import add_source

    article = SimpleNamespace(origin=None, publisher=None, text=text)
    surface = text[text.index("he Times") - 1 : text.index("Times") + len("Times")]
    assert Resolver(session, article).resolve(surface).proposed_name == name
    assert Resolver(session, article).resolve("the newspaper").proposed_name == "the newspaper"
    add_source(session, name="Times", kind="outlet", actor="t")
    assert Resolver(session, article).resolve(surface).name == "Times"


@pytest.mark.parametrize(
    ("surface", "proposed"),
    [
        ("the ministry on Monday", "the ministry"),
        (
            "figures released by the statistics office on Friday",
            "figures released by the statistics office",
        ),
        ("Finance Minister Anna Konig last week", "Anna Konig"),
        ("Police in Kent on Saturday night", "Police in Kent"),
        ("The Sunday Times", "Sunday Times"),
        ("Monday Group", "Monday Group"),
    ],
)
def test_when_a_source_spoke_is_no_part_of_its_name(session, surface, proposed):
    from claims.resolution import Resolver

    assert Resolver(session).resolve(surface).proposed_name == proposed


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Dana Whitaker, CEO of GreenGrid Energy", "Dana Whitaker"),
        ("Tatiana Stanovaya, a senior fellow at GreenGrid Energy", "Tatiana Stanovaya"),
        ("GreenGrid Energy, the company", "GreenGrid Energy"),
    ],
)
def test_a_person_described_by_their_employer_is_the_person(session, surface, name):
    from claims.resolution import Resolver
    from claims.services.sources import add_source

    add_source(session, name="GreenGrid Energy", kind="organisation", actor="t")
    session.flush()
    resolution = Resolver(session).resolve(surface)
    assert (resolution.name or resolution.proposed_name) == name
