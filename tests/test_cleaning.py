"""Cleaning at ingest: generic debris rules on made-up pages, offsets back into the raw text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claims.cleaning import clean_text, html_to_text, line_reason, looks_like_html

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
