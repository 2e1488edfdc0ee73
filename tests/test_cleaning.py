"""Cleaning at ingest: generic debris rules on made-up pages, offsets back into the raw text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.cleaning import clean_text, line_reason
from claims.html import html_to_text, looks_like_html

PAGE = (
    "Mayor promises new tram line\n\n"
    "Mayor promises new tram line\n\n"
    "By Jane Smith and Tom Brown\n"
    "Updated: March 3, 2025 10:15 AM\n\n"
    "City Hall plans a tram line to the airport, Mayor Ana Ruiz said on Monday.\n\n"
    "Story continues below advertisement\n\n"
    "The mayor speaks at a news conference in Lisbon, March 3, 2025. (AP Photo/Maria Lopes)\n\n"
    "READ MORE: Airport traffic hits record\n\n"
    "\u201cThe line will open in 2028,\u201d Ruiz told reporters.\n\n"
    "Sign up for our morning newsletter\n"
    "We use cookies to improve your experience. Accept all cookies\n"
    "\u00a9 2025 City Gazette. All rights reserved.\n"
)


def test_debris_is_cut_and_recorded_with_raw_offsets():
    cleaned = clean_text(PAGE)
    reasons = [cut.reason for cut in cleaned.removed]
    assert reasons == [
        "repeated line",
        "byline or timestamp",
        "byline or timestamp",
        "advertisement",
        "photo caption",
        "teaser",
        "newsletter",
        "cookie notice",
        "copyright",
    ]
    for cut in cleaned.removed:
        assert PAGE[cut.start : cut.end] == cut.text
    assert cleaned.text.startswith("Mayor promises new tram line\n\nCity Hall plans")
    assert cleaned.text.count("Mayor promises new tram line") == 1
    assert "\u201cThe line will open in 2028,\u201d Ruiz told reporters." in cleaned.text
    assert "\n\n\n" not in cleaned.text


def test_article_prose_is_never_cut():
    prose = (
        "Readers who subscribe to the newsletter say the paper's coverage of the election, "
        "which ran for months and drew criticism from both campaigns, was the most thorough "
        "in the country, and subscriptions rose by a third in the year that followed, the "
        "publisher said in its annual report released on Tuesday in the capital."
    )
    assert line_reason(prose) is None
    assert clean_text(prose).text == prose


def test_nothing_to_cut_leaves_the_text_untouched():
    text = "  The minister said the bridge will open in May.\n"
    cleaned = clean_text(text)
    assert cleaned.text == text and cleaned.removed == []


def test_reuters_style_caption_and_leading_date_stamp():
    raw = (
        "date 2024-05-01 The council met on Tuesday.\n\n"
        "Protesters gather outside parliament in Budapest. Jane Roe/Pool via REUTERS\n\n"
        "Lawmakers voted on Wednesday. REUTERS/John Doe\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "The council met on Tuesday."
    assert [cut.reason for cut in cleaned.removed] == [
        "byline or timestamp",
        "photo caption",
        "photo caption",
    ]


def test_protected_passage_survives_a_rule():
    raw = "Body text of the story.\n\nA caption for the picture here. Photographer X/AFP\n"
    start = raw.index("A caption")
    kept = clean_text(raw, keep=[(start, start + 9)])
    assert "A caption" in kept.text and kept.removed == []


def test_html_page_yields_its_article_text():
    html = (
        "<html><head><title>T</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Tram line for the airport</h1>"
        "<p>City Hall plans a tram line to the airport, Mayor Ana Ruiz said on Monday, "
        "adding that work would start next spring.</p>"
        "<p>The line will cost 300 million euros and open in 2028, the city said.</p>"
        "</article><footer>Copyright 2025 City Gazette</footer></body></html>"
    )
    assert looks_like_html(html)
    text = html_to_text(html)
    assert "Mayor Ana Ruiz said on Monday" in text
    assert "Home | World" not in text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_no_input_crashes_and_cuts_point_into_the_raw_text(raw):
    cleaned = clean_text(raw)
    for cut in cleaned.removed:
        assert raw[cut.start : cut.end] == cut.text


# A caption is told by the credit that ends it: the shapes wire services and newspapers print.
_CAPTIONS = [
    "Wang waits in Beijing, Tuesday, Jan. 30, 2024. Ng Han Guan/Pool via REUTERS",
    "Protesters gather outside parliament in Budapest. REUTERS/Bernadett Szabo",
    "A man walks past the site. Maria Lopes/Reuters",
    "The mayor speaks in Lisbon, March 3, 2025. (AP Photo/Maria Lopes)",
    "The mayor speaks in Lisbon, March 3, 2025. AP Photo/Maria Lopes",
    "Soldiers patrol the border. Photo: Jane Doe/AFP",
    "Soldiers patrol the border on Monday. AFP via Getty Images",
    "Soldiers patrol the border on Monday. Jane Doe/AFP via Getty Images",
    "Boris Johnson leaves Downing Street. Photograph: Dan Kitwood/Getty Images",
    "FILE PHOTO: A man walks past a bank in Frankfurt. REUTERS/Kai Pfaffenbach/File Photo",
    "A view of the port. Credit: Reuters",
    "Firefighters work at the scene. (Photo by Jane Doe/AFP via Getty Images)",
    "Rescuers search the rubble in Gaziantep. EPA-EFE/SEDAT SUNA",
    "Xi Jinping meets Viktor Orban in Beijing. Xinhua/Li Xueren",
    "A drone view shows the damaged building in Kyiv. Emergency Service/Handout via REUTERS",
    "Officials meet in Budapest on Monday. (Photo: Reuters)",
    "Viktor Orbán in Brussels, 2024. [File: Johanna Geron/Reuters]",
    "The minister in Budapest in 2019. (File: Jane Doe)",
    "A protester holds a flag in Tbilisi. AFP PHOTO/VANO SHLAMOV",
    "Police officers at the scene in Paris \u2014 Jane Doe/Reuters",
    "Police officers at the scene in Paris. Photo by Jane Doe on Unsplash",
    "Christoph Blocher at a meeting on October 2, 2015. (FABRICE COFFRINI/AFP/Getty Images.)",
]
# The credit alone, on its own line.
_CREDITS = [
    "AP Photo/Maria Lopes, File",
    "Photo: Jane Doe/AFP",
    "Getty Images",
    "Jane Doe/Getty Images",
    "Scott Olson via Getty Images.",
    "Jim Urquhart / Reuters.",
    "Photograph: Dan Kitwood/Guardian",
    "File photo",
    "Credit: Jane Doe for The New York Times",
    "Photo by Jane Doe/AFP",
    "EPA-EFE/SEDAT SUNA",
    "Handout via REUTERS",
    "REUTERS/Maria Lopes/File",
]
# Article text that names agencies, polls and pictures, and ends as prose does.
_PROSE = [
    "China offered to support Hungary on security issues, Reuters reported.",
    "The ministry's statement, obtained via Reuters, said talks would resume.",
    "The footage, distributed via REUTERS, showed soldiers at the border on Monday.",
    "The minister said the pictures were distributed via Getty Images.",
    "He said the photo was taken by a photographer working for Getty Images.",
    "Support for the president stood at 40%, a Reuters/Ipsos poll found.",
    "The plant would open in 2025, according to Reuters/Ipsos.",
    "Approval of the president fell to 38% (Reuters/Ipsos).",
    "China and Hungary signed the deal, according to a Reuters/AP tally.",
    "Credit Suisse was taken over by UBS in 2023.",
    "Credit card debt rose to a record in the third quarter, the New York Fed said.",
    "The agency's file photo showed the minister in 2019, Reuters said.",
    "He posted the image on Instagram via AFP.",
    "The ceremony was streamed via AP and Reuters.",
    "The joint venture, Daimler/Chrysler, failed.",
    "The news was confirmed by Xinhua.",
    "Image is everything in politics, the strategist said.",
    "Photo opportunities were limited during the visit, officials said.",
    "BEIJING, Feb 19 (Reuters) - China offered to support Hungary.",
    "\u2014 Reuters",
    "By Jane Doe/Reuters",
    "Video: Dozens of Protesters Gather in Budapest",
]


def _reason_rule_by_rule(line: str) -> str | None:
    """Every rule tried, in order: what skipping rules that lack their words must give."""
    from claims.cleaning import LINE_RULES

    stripped = line.strip()
    for reason, pattern in LINE_RULES:
        if stripped and pattern.match(stripped):
            return reason
    return None


_DEBRIS = [
    *PAGE.splitlines(),
    "Advertisement",
    "Tags: budget, transport",
    "Share this article",
    "Photo: City Gazette",
    "A man walks past the site. Maria Lopes/REUTERS",
    "REUTERS/Maria Lopes/File",
    "Copyright 2025 the Gazette",
    "Posted: 3 March 2025 10:15 AM",
    "2025-03-03",
    "Related stories",
    "Watch: the mayor on the tram line",
    "PHOTO CAPTION IN CAPITALS (image: archive)",
    *_CAPTIONS,
    *_CREDITS,
    *_PROSE,
]


_WORDS = st.sampled_from(
    [
        "Photo",
        "photo:",
        "/",
        "REUTERS",
        "Maria",
        "Lopes",
        "(c)",
        "Copyright",
        "cookies",
        "accept",
        "newsletter",
        "Subscribe",
        "inbox",
        "the",
        "mayor",
        "said",
        "All",
        "rights",
        "reserved",
        "By",
        "and",
        "2025",
        "|",
        ":",
        "READ",
        "MORE",
        "(AP",
        "Photo/Maria",
        "Lopes)",
        ".",
        "via",
        "Getty",
        "Images",
        "Credit:",
        "EPA-EFE/SEDAT",
        "Xinhua/Li",
        "[File:",
        "(File:",
        "Jane)",
        "Jane/Reuters]",
    ]
)


@given(
    st.sampled_from(_DEBRIS)
    | st.text(max_size=80)
    | st.text(alphabet=st.characters(max_codepoint=127), max_size=80)
    | st.lists(_WORDS, max_size=14).map(" ".join)
)
def test_the_rules_skipped_for_want_of_a_word_could_not_have_matched(line):
    assert line_reason(line) == _reason_rule_by_rule(line)


@pytest.mark.parametrize("line", _CAPTIONS + _CREDITS)
def test_a_line_ending_in_a_photo_credit_is_a_caption(line):
    assert line_reason(line) == "photo caption"


@pytest.mark.parametrize("line", _PROSE)
def test_prose_naming_agencies_is_not_a_caption(line):
    assert line_reason(line) is None


def test_a_paragraph_mentioning_reuters_is_never_cut():
    paragraph = (
        "Wang told Orban that China was ready to help, Reuters reported, citing a statement "
        "obtained via Reuters from the ministry. A Reuters/Ipsos poll found most Hungarians "
        "favour closer ties, and photographs released by the ministry via REUTERS showed the "
        "two men in Budapest. Reuters could not independently verify the pictures, the "
        "agency said, as Getty Images and AFP also reported."
    )
    raw = f"{paragraph}\n\nThe talks ended on Monday. REUTERS/Jane Doe\n"
    cleaned = clean_text(raw)
    assert cleaned.text == paragraph
    assert [(cut.reason, cut.text) for cut in cleaned.removed] == [
        ("photo caption", "The talks ended on Monday. REUTERS/Jane Doe")
    ]


def test_a_caption_closed_by_a_credit_line_goes_with_it():
    raw = (
        "The council met on Tuesday.\n\n"
        "Protesters gather outside parliament in Budapest on Tuesday.\n"
        "REUTERS/Jane Doe\n\n"
        "Lawmakers voted on Wednesday.\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "The council met on Tuesday.\n\nLawmakers voted on Wednesday."
    assert [cut.reason for cut in cleaned.removed] == ["photo caption", "photo caption"]
    for cut in cleaned.removed:
        assert raw[cut.start : cut.end] == cut.text


@pytest.mark.parametrize(
    "raw",
    [
        # paragraphs one per line: the line above the credit is article text
        "The council met on Tuesday.\nLawmakers voted on Wednesday.\nREUTERS/Jane Doe\n",
        "Intro.\n\nLawmakers voted on Wednesday.\nREUTERS/Jane Doe\nThey meet again in May.\n",
        # too long to be a caption
        "Intro.\n\n"
        + "Lawmakers voted on Wednesday, and then again. " * 8
        + "\nREUTERS/Jane Doe\n",
    ],
)
def test_the_line_above_a_credit_stays_unless_the_two_stand_alone(raw):
    cleaned = clean_text(raw)
    assert "Lawmakers voted on Wednesday" in cleaned.text
    assert [cut.text for cut in cleaned.removed] == ["REUTERS/Jane Doe"]


def test_a_protected_caption_stays_while_its_credit_line_goes():
    raw = "Intro.\n\nProtesters gather in Budapest on Tuesday.\nREUTERS/Jane Doe\n\nEnd.\n"
    start = raw.index("Protesters")
    cleaned = clean_text(raw, keep=[(start, start + 10)])
    assert "Protesters gather in Budapest" in cleaned.text
    assert [cut.text for cut in cleaned.removed] == ["REUTERS/Jane Doe"]


def test_the_seed_caption_is_cut_as_a_photo_caption():
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "001_4ace570aaee01746.txt"
    raw = seed.read_text(encoding="utf-8")
    captions = [cut for cut in clean_text(raw).removed if cut.reason == "photo caption"]
    assert len(captions) == 1
    assert captions[0].text.startswith("Chinese Minister of Public Security Wang Xiaohong waits")
    assert captions[0].text.endswith("Ng Han Guan/Pool via REUTERS")


@pytest.mark.parametrize(
    ("line", "credit", "name"),
    [
        (
            "Wang waits in Beijing, Tuesday, Jan. 30, 2024. Ng Han Guan/Pool via REUTERS",
            "Ng Han Guan/Pool via REUTERS",
            "Ng Han Guan",
        ),
        (
            "Protesters march in Kyiv on Monday. (AP Photo/Jane Doe)",
            "(AP Photo/Jane Doe)",
            "Jane Doe",
        ),
        (
            "Photograph: Dan Kitwood/Getty Images",
            "Photograph: Dan Kitwood/Getty Images",
            "Dan Kitwood",
        ),
        (
            "A man walks past a mural in Istanbul. EPA-EFE/SEDAT SUNA",
            "EPA-EFE/SEDAT SUNA",
            "SEDAT SUNA",
        ),
        (
            "The ruins of a school in Gaza. Photo by Jane Doe/AFP via Getty Images",
            "Photo by Jane Doe/AFP via Getty Images",
            "Jane Doe",
        ),
        ("Handout via REUTERS", "Handout via REUTERS", "REUTERS"),
    ],
)
def test_a_caption_s_credit_and_whom_it_names(line, credit, name):
    from claims.photo_credits import caption_credit, credited_name

    start, end = caption_credit(line)
    assert line[start:end] == credit
    assert credited_name(credit) == name


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported on Monday that the talks had failed.",
        "A Reuters/Ipsos poll found that most voters want a change.",
        "By Jane Doe/Reuters",
    ],
)
def test_prose_has_no_caption_credit(line):
    from claims.photo_credits import caption_credit

    assert caption_credit(line) is None
