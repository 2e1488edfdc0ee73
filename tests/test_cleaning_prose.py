"""Cleaning knows debris by its shape, so article prose that names the same things stays.

Articles report on newsletters, cookies, copyright and inboxes, open sentences with "By"
and "Published", and mention HTML tags; none of that is page debris. Also: credit lines
are debris, a .txt file is read as text, and a page with no article on it is refused.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claims.cleaning import clean_text, line_reason
from claims.db import open_session
from claims.html import looks_like_html, page_text
from claims.models import Article

# Lines of reported prose that hold a debris rule's words.
REPORTED = [
    "Ofcom said subscription cancellations had taken an average of 45 minutes.",
    '"Customers were trapped. Many told us they simply could not unsubscribe," Jane Hollis, '
    "said in a statement.",
    "By contrast, Moscow said nothing.",
    "Published figures show inflation at 3.1% in 2023.",
    "Copyright holders said the ruling was unfair.",
    "The company said it had found 200 suspicious emails in its inbox since Monday.",
    "The EU said the new cookie rules would let users refuse consent with one click.",
    "More: The minister said the plan would cost 2 billion euros.",
    "Subscribe now, the company told customers in an email on Monday.",
    "Your subscription will cost 12 euros a month from June, the publisher announced.",
    "We use cookies only where the law allows, the regulator said.",
    "By Monday, Russia had withdrawn its troops.",
    "Updated guidance on March 3, 2025 tightened the rules.",
    "More-than-expected growth pushed prices up in the second quarter.",
    "Sign up rates for the scheme fell by a third.",
    "(c) the minister shall publish the register each year.",
    "Subscriptions to the newspaper rose by a third, its publisher said in its annual report.",
]

# Debris, each with the rule that must still cut it.
DEBRIS = [
    ("Sign up for our morning newsletter", "newsletter"),
    ("Subscribe to our newsletter for daily updates", "newsletter"),
    ("Subscribe now", "newsletter"),
    ("Your subscription could not be saved. Please try again.", "newsletter"),
    ("Thank you for signing up!", "newsletter"),
    ("Get the latest news delivered to your inbox", "newsletter"),
    ("Want more? Sign up for her newsletter, Piping Hot Truth.", "newsletter"),
    ("For more, sign up for the What's Working newsletter.", "newsletter"),
    ("Jane Doe hosts the Gazette's podcast. Subscribe here.", "newsletter"),
    ("(Subscribe to the Gazette's politics podcast.)", "newsletter"),
    (
        "By providing an email address. I agree to the Terms of Use and acknowledge that I "
        "have read the Privacy Policy.",
        "newsletter",
    ),
    ("We use cookies to improve your experience. Accept all cookies", "cookie notice"),
    ("This website uses cookies to give you the best experience.", "cookie notice"),
    ("By continuing to browse, you agree to our use of cookies.", "cookie notice"),
    ("Cookie settings", "cookie notice"),
    ("\u00a9 2025 City Gazette. All rights reserved.", "copyright"),
    ("Copyright 2025 the Gazette", "copyright"),
    ("Copyright \u00a9 2025 Gazette Media", "copyright"),
    ("READ MORE: Minister says plan will cost 2 billion euros", "teaser"),
    ("More: Airport traffic hits record", "teaser"),
    ("By Jane Smith and Tom Brown", "byline or timestamp"),
    ("BY JANE SMITH", "byline or timestamp"),
    ("Published: March 3, 2025 10:15 AM", "byline or timestamp"),
    ("Updated 8:49 AM EDT, Tue September 3, 2024", "byline or timestamp"),
    ("Published: 19 Feb 2024 - 10.15 GMT", "byline or timestamp"),
    ("Friday, December 4, 2015.", "byline or timestamp"),
    ("/ 01:49 PM February 19, 2024", "byline or timestamp"),
]

# Reuters-style credits for who reported, wrote and edited the story.
CREDIT_LINES = [
    "(Reporting by Hans Weber; Editing by Mark Potter)",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "Reporting by Hans Weber; Additional reporting by Anna Kim; Writing by Tom Lee; "
    "Editing by Mark Potter",
    "(Reporting by Gergely Szakacs in Budapest and Ryan Woo in Beijing; Additional reporting "
    "by Krisztina Than; Editing by Alex Richardson)",
    "(Additional reporting by Kylie MacLellan; Editing by Michael Holden and Gareth Jones.)",
    "(Reporting by the Beijing newsroom; Editing by Alex Richardson)",
]


@pytest.mark.parametrize("line", REPORTED)
def test_reported_prose_is_not_debris(line):
    assert line_reason(line) is None
    assert clean_text(f"Intro.\n\n{line}\n").removed == []


@pytest.mark.parametrize(("line", "reason"), DEBRIS)
def test_debris_lines_are_still_cut(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", CREDIT_LINES)
def test_a_credit_line_is_cut(line):
    assert line_reason(line) == "credit line"


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jane Doe was praised by the committee, the chairman said.",
        "The report (written by Jane Doe; edited by John Roe) was leaked.",
        "Editing by hand took the team three weeks.",
    ],
)
def test_prose_about_reporting_is_not_a_credit_line(line):
    assert line_reason(line) is None


def test_credit_line_goes_and_the_story_stays():
    raw = (
        "BERLIN (Reuters) - The government approved the budget on Friday.\n\n"
        "(Reporting by Hans Weber; Editing by Mark Potter)\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "BERLIN (Reuters) - The government approved the budget on Friday."
    assert [(cut.reason, raw[cut.start : cut.end]) for cut in cleaned.removed] == [
        ("credit line", "(Reporting by Hans Weber; Editing by Mark Potter)")
    ]


TAGGED_PROSE = (
    "The regulator published new guidance for web publishers on Tuesday.\n\n"
    "Developers can paste markup between <p> and </p> without escaping, the report said.\n\n"
    "The guidance takes effect in January, the regulator said.\n"
)


def test_prose_that_mentions_tags_is_not_html():
    assert not looks_like_html(TAGGED_PROSE)
    assert page_text(TAGGED_PROSE, name="a11.txt") == (TAGGED_PROSE, False)
    assert page_text(TAGGED_PROSE) == (TAGGED_PROSE, False)


def test_html_is_told_by_its_structure():
    fragment = "<p>The council met on Tuesday.</p>\n<p>It approved the budget.</p>\n"
    assert looks_like_html(fragment)
    assert looks_like_html("\ufeff<!DOCTYPE html>\n<html><body><p>x</p></body></html>")


def test_a_txt_file_is_html_only_when_it_is_a_whole_document():
    fragment = "<p>City Hall plans a tram line to the airport, Mayor Ana Ruiz said on Monday.</p>\n"
    assert page_text(fragment, name="a.txt") == (fragment, False)  # a .txt file: kept as written
    document = f"<!doctype html><html><body><article>{fragment}</article></body></html>"
    assert "Mayor Ana Ruiz said on Monday" in page_text(document, name="a.txt")[0]
    assert "<p>" not in page_text(document, name="a.txt")[0]


def test_a_txt_file_mentioning_tags_is_stored_verbatim(cli, db_url, tmp_path):
    assert cli("source", "add", "UNN", "--kind", "outlet").exit_code == 0
    path = tmp_path / "a11.txt"
    path.write_text(TAGGED_PROSE, encoding="utf-8")
    result = cli("article", "add", path, "--outlet", "UNN")
    assert result.exit_code == 0, result.output
    with open_session(db_url, write=False) as session:
        article = session.scalar(select(Article))
        assert article.raw_text == article.text == TAGGED_PROSE


NAV_ONLY = (
    "<!doctype html><html><head><title>Gazette</title></head><body>"
    "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
    "<p>Home</p>"
    "<p>We use cookies to improve your experience. Accept all cookies</p>"
    "</body></html>"
)


def test_a_page_of_menus_and_notices_is_refused(failing, cli, tmp_path):
    assert cli("source", "add", "City Gazette", "--kind", "outlet").exit_code == 0
    page = tmp_path / "nav.html"
    page.write_text(NAV_ONLY, encoding="utf-8")
    failing(
        "article",
        "add",
        page,
        "--outlet",
        "City Gazette",
        match="No article text found in nav.html",
    )
    failing(
        "article",
        "add",
        page,
        "--outlet",
        "City Gazette",
        "--no-clean",
        match="No article text found in nav.html",
    )
