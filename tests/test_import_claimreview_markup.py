"""ClaimReview markup as fact-checkers' sites publish it, rather than as the schema.org
example shows it: HTML entities left in the text, nodes named by ``@id`` in a Yoast
``@graph``, authors given by address only, the older ``CreativeWork`` form of
``itemReviewed``, a list where one claim goes, one claim reviewed twice, and JSON
nested past any markup."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from claims.importer import import_file
from tests.test_import import content


def write(tmp_path: Path, document) -> Path:
    path = tmp_path / "page.json"
    path.write_text(json.dumps(document, indent=2), "utf-8")
    return path


def claims_of(db_url: str) -> list[dict]:
    return [
        {"claim": claim, "verdict": verdict, "notes": notes}
        for _, claim, _, verdict, notes in sorted(content(db_url)["claims"], key=lambda c: c[1])
    ]


def only_claim(db_url: str, tmp_path: Path, document) -> dict:
    import_file(db_url, write(tmp_path, document), actor="tester")
    [claim] = claims_of(db_url)
    return claim


# A WordPress page's markup: the plugin escapes the text for HTML, then writes it as JSON.
ESCAPED = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checkers.example.net/2024/03/mayor-bridge-quote/",
    "datePublished": "2024-03-04T09:12:00+00:00",
    "claimReviewed": "The mayor&#039;s office said &quot;the bridge will close for two years&quot;"
    " &amp; tolls will double.",
    "author": {
        "@type": "Organization",
        "name": "Checkers &amp; Co",
        "url": "https://checkers.example.net/",
    },
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "alternateName": "Mostly false &ndash; the closure is six months",
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "A post shared on Telegram"},
        "appearance": {
            "@type": "CreativeWork",
            "headline": "Bridge &#8216;closed until 2026&#8217;",
            "url": "https://t.me/example/4411",
        },
    },
}


def test_html_entities_are_read_as_the_characters_they_stand_for(db_url, tmp_path):
    stored = only_claim(db_url, tmp_path, ESCAPED)
    assert stored["claim"] == (
        'The mayor\'s office said "the bridge will close for two years" & tolls will double.'
    )
    assert stored["verdict"] == "Mostly false – the closure is six months"
    notes = stored["notes"].splitlines()
    assert notes[0].startswith("Fact-checked by Checkers & Co (https://checkers.example.net/)")
    assert "Appeared in: Bridge ‘closed until 2026’: https://t.me/example/4411" in notes
    assert "&" + "#" not in stored["notes"] and "&quot;" not in stored["notes"]


# Yoast SEO's schema graph: the page, the site's organisation and the review are nodes of
# one @graph, and name each other by @id only.
YOAST = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@type": "WebPage",
            "@id": "https://www.verify.example.org/fact-check/ferry-fares/",
            "url": "https://www.verify.example.org/fact-check/ferry-fares/",
            "name": "Fact check: ferry fares did not triple - Verify Example",
            "isPartOf": {"@id": "https://www.verify.example.org/#website"},
            "mainEntity": {
                "@id": "https://www.verify.example.org/fact-check/ferry-fares/#claimreview"
            },
        },
        {
            "@type": "WebSite",
            "@id": "https://www.verify.example.org/#website",
            "publisher": {"@id": "https://www.verify.example.org/#organization"},
        },
        {
            "@type": "Organization",
            "@id": "https://www.verify.example.org/#organization",
            "name": "Verify Example",
            "url": "https://www.verify.example.org/",
            "logo": {"@type": "ImageObject", "@id": "https://www.verify.example.org/#/schema/logo"},
        },
        {
            "@type": "ClaimReview",
            "@id": "https://www.verify.example.org/fact-check/ferry-fares/#claimreview",
            "url": "https://www.verify.example.org/fact-check/ferry-fares/",
            "datePublished": "2024-05-02",
            "author": {"@id": "https://www.verify.example.org/#organization"},
            "claimReviewed": "Ferry fares to the islands tripled this spring.",
            "reviewRating": {
                "@id": "https://www.verify.example.org/fact-check/ferry-fares/#rating"
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@id": "https://www.verify.example.org/#/schema/person/7f3a"},
                "appearance": [{"@id": "https://news.example.com/ferries-tripled"}],
            },
        },
        {
            "@type": "Rating",
            "@id": "https://www.verify.example.org/fact-check/ferry-fares/#rating",
            "ratingValue": "1",
            "bestRating": "5",
            "alternateName": "False",
        },
        {
            "@type": "Person",
            "@id": "https://www.verify.example.org/#/schema/person/7f3a",
            "name": "Councillor J. Example",
        },
        {
            "@type": "NewsArticle",
            "@id": "https://news.example.com/ferries-tripled",
            "headline": "Islanders hit as ferry fares triple",
            "url": "https://news.example.com/ferries-tripled",
        },
    ],
}


def test_nodes_named_by_their_id_are_read_where_they_are_described(db_url, tmp_path):
    stored = only_claim(db_url, tmp_path, YOAST)
    assert stored["verdict"] == "False"
    assert stored["notes"].splitlines() == [
        "Fact-checked by Verify Example (https://www.verify.example.org/) on 2024-05-02: "
        "https://www.verify.example.org/fact-check/ferry-fares/",
        "Claimed by Councillor J. Example",
        "Appeared in: Islanders hit as ferry fares triple: https://news.example.com/ferries-tripled",
    ]


def test_an_author_given_by_its_address_alone_is_kept_by_it(db_url, tmp_path):
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": "2023-11-20",
        "url": "https://factual.example.ph/2023/11/20/rice-price/",
        "author": {"@type": "Organization", "url": "https://factual.example.ph"},
        "claimReviewed": "Rice will cost 20 pesos a kilo from January.",
        "reviewRating": {"@type": "Rating", "alternateName": "Misleading"},
        "itemReviewed": {
            "@type": "Claim",
            "author": [
                {"@type": "Person", "sameAs": "x", "url": "https://www.facebook.com/someone"}
            ],
        },
    }
    notes = only_claim(db_url, tmp_path, review)["notes"].splitlines()
    assert notes == [
        "Fact-checked by https://factual.example.ph on 2023-11-20: "
        "https://factual.example.ph/2023/11/20/rice-price/",
        "Claimed by https://www.facebook.com/someone",
    ]


# Google's ClaimReview guidelines before 2019: the item reviewed is the work the claim was
# made in, its address in url or sameAs, not a Claim with appearances.
@pytest.mark.parametrize("where", ["url", "sameAs"])
def test_older_markup_keeps_where_the_claim_appeared(db_url, tmp_path, where):
    review = {
        "@context": "http://schema.org",
        "@type": "ClaimReview",
        "datePublished": "2018-06-11",
        "url": "https://www.check.example.com/2018/06/water-tax/",
        "claimReviewed": "Households will pay a new water tax from July.",
        "author": {"@type": "Organization", "name": "Check Example"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": "2",
            "bestRating": "5",
            "worstRating": "1",
            "alternateName": "Mostly False",
        },
        "itemReviewed": {
            "@type": "CreativeWork",
            "author": {"@type": "Person", "name": "A regional minister", "jobTitle": "Minister"},
            "datePublished": "2018-06-08",
            where: "https://www.example-tv.com/interviews/2018-06-08",
        },
    }
    notes = only_claim(db_url, tmp_path, review)["notes"].splitlines()
    assert notes[1:] == [
        "Claimed by A regional minister",
        "Claimed on 2018-06-08",
        "Appeared in: https://www.example-tv.com/interviews/2018-06-08",
    ]


def test_a_claim_given_as_a_list_of_one_is_that_claim(db_url, tmp_path):
    review = {
        "@type": "ClaimReview",
        "claimReviewed": ["Exports fell by half in 2023."],
        "reviewRating": {"alternateName": "False"},
    }
    assert only_claim(db_url, tmp_path, review)["claim"] == "Exports fell by half in 2023."


def test_a_review_of_several_claims_is_a_row_problem(db_url, cli, snapshot, tmp_path):
    several = {
        "@type": "ClaimReview",
        "claimReviewed": ["Exports fell by half in 2023.", "Imports doubled in 2023."],
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    }
    single = {
        "@type": "ClaimReview",
        "claimReviewed": "Unemployment is at a record low.",
        "reviewRating": {"@type": "Rating", "alternateName": "True"},
    }
    path = write(tmp_path, {"@context": "https://schema.org", "@graph": [single, several]})
    before = snapshot()
    result = cli("import", str(path))
    assert result.exit_code == 1, result.output
    assert (
        "row 2: claimReviewed: the ClaimReview names 2 claims ('Exports fell by half in "
        "2023.'; 'Imports doubled in 2023.'), and a review rates one: give each claim a "
        "ClaimReview of its own"
    ) in result.stderr
    assert snapshot() == before
    assert cli("import", str(path), "--skip-bad").exit_code == 0
    assert [c["claim"] for c in claims_of(db_url)] == ["Unemployment is at a record low."]
    with path.with_name("page.json.rejects.csv").open(encoding="utf-8", newline="") as file:
        [bad] = list(csv.DictReader(file))
    assert json.loads(bad["raw"]) == several and bad["claim"] == ""


def test_two_checkers_reviewing_one_claim_are_both_kept(db_url, tmp_path):
    """A feed of several fact-checkers (as Google's Fact Check Tools gives) rates one claim
    twice: the first review's verdict is the claim's, the second's is in the notes."""
    first = {
        "@type": "ClaimReview",
        "url": "https://one.example.org/checks/4410",
        "datePublished": "2024-01-09",
        "author": {"@type": "Organization", "name": "Check One"},
        "claimReviewed": "The new vaccine changes your DNA.",
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A viral video"}},
    }
    second = {
        "@type": "ClaimReview",
        "url": "https://two.example.net/fact-check/dna",
        "datePublished": "2024-01-12",
        "author": {"@type": "Organization", "name": "Check Two"},
        "claimReviewed": "the new vaccine changes your DNA",
        "reviewRating": {"@type": "Rating", "alternateName": "Pants on fire"},
    }
    summary = import_file(db_url, write(tmp_path, [first, second, dict(first)]), actor="tester")
    assert summary.claims_created == 1
    [stored] = claims_of(db_url)
    assert (stored["claim"], stored["verdict"]) == ("The new vaccine changes your DNA.", "False")
    assert stored["notes"].splitlines() == [
        "Fact-checked by Check One on 2024-01-09: https://one.example.org/checks/4410",
        "Claimed by A viral video",
        "",
        "Also reviewed, verdict: Pants on fire",
        "Fact-checked by Check Two on 2024-01-12: https://two.example.net/fact-check/dna",
    ]


def test_a_review_described_twice_under_one_id_is_one_review(db_url, tmp_path):
    review = {
        "@type": "ClaimReview",
        "@id": "https://c.example/#review",
        "claimReviewed": "Bus fares rose 40%.",
        "reviewRating": {"alternateName": "True"},
    }
    page = {"@graph": [{"@type": "WebPage", "mainEntity": review}, dict(review)]}
    assert only_claim(db_url, tmp_path, page)["notes"] == "None"  # no notes


@pytest.mark.parametrize("depth", [150, 1000, 5000])
def test_json_nested_past_any_markup_is_one_file_error(failing, tmp_path, depth):
    path = tmp_path / "page.json"
    path.write_text(
        '{"@type": "ClaimReview", "claimReviewed": "Deep.", "x": '
        + "[" * depth
        + "]" * depth
        + "}",
        "utf-8",
    )
    failing("import", str(path), match="page.json is nested more than 100 levels deep")


def test_a_review_named_by_a_typed_reference_is_read_where_it_is_described():
    """A page's mainEntity {"@id", "@type": "ClaimReview"} names the review the @graph
    describes: the description is the review, not the bare reference."""
    import io
    import json

    from claims.import_claimreview import read_claimreview

    document = {
        "@graph": [
            {"@type": "WebPage", "mainEntity": {"@id": "https://x/#cr", "@type": "ClaimReview"}},
            {
                "@type": "ClaimReview",
                "@id": "https://x/#cr",
                "claimReviewed": "The moon is made of cheese.",
                "reviewRating": {"alternateName": "False"},
            },
        ]
    }
    rows = list(read_claimreview(io.BytesIO(json.dumps(document).encode()), "f.json"))
    assert len(rows) == 1 and rows[0].error is None, rows
    assert rows[0].values["claim"] == "The moon is made of cheese."


def test_a_node_described_twice_takes_the_first_description_first():
    from claims.import_claimreview import _nodes

    nodes = _nodes([{"@id": "o", "name": "First"}, {"@id": "o", "name": "Second", "url": "u"}])
    assert nodes["o"]["name"] == "First" and nodes["o"]["url"] == "u"


def test_an_appearance_as_claims_export_writes_it_keeps_its_outlet_and_text(db_url, tmp_path):
    """Exported appearances name their outlet as ``publisher`` and, with no address, their
    text by its digest (``identifier``): both are kept, as an author and a URL would be."""
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "Hungary will host the summit in March.",
        "author": {"@type": "Organization", "name": "Fact Desk"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [
                {
                    "@type": "NewsArticle",
                    "publisher": {"@type": "Organization", "name": "UNN"},
                    "identifier": "urn:sha256:" + "ab" * 32,
                }
            ],
        },
    }
    notes = only_claim(db_url, tmp_path, review)["notes"].splitlines()
    assert f"Appeared in: a work by UNN: urn:sha256:{'ab' * 32}" in notes


def test_claims_without_a_review_say_which_format_moves_them(failing, tmp_path):
    document = {
        "@context": "https://schema.org",
        "@graph": [{"@type": "Claim", "text": "Hungary will host the summit in March."}],
    }
    failing(
        "import",
        str(write(tmp_path, document)),
        match="ClaimReview for an approved claim with a verdict",
    )


def test_a_rating_given_as_plain_text_is_the_verdict(db_url, tmp_path):
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "The bridge will close for two years.",
        "reviewRating": "Mostly false",
    }
    assert only_claim(db_url, tmp_path, review)["verdict"] == "Mostly false"
