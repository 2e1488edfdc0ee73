"""ClaimReview, PROV and Web Annotation exports: the right shapes, pointing at the right things."""

from __future__ import annotations

import hashlib
import io
import json

import pytest
from sqlalchemy import select

from claims.db import open_session
from claims.errors import InvalidInput
from claims.export import export
from claims.export.claimreview import check_publisher
from claims.models import Appearance, Article, Claim
from claims.services.review import approve, submit
from tests.export_data import HARBOUR_CLAIM, LONELY_CLAIM, XINHUA_CLAIM, load, selection


@pytest.fixture
def url(db_url):
    load(db_url)
    return db_url


def write(url: str, fmt: str, **options) -> str:
    buffer = io.StringIO()
    with open_session(url, write=False) as session:
        export(session, selection(session), fmt, buffer, **options)
    return buffer.getvalue()


# --- schema.org ClaimReview -----------------------------------------------------------------


def is_organization(node) -> bool:
    return isinstance(node, dict) and node["@type"] == "Organization" and bool(node["name"])


def check_creative_work(work: dict) -> None:
    assert work["@type"] == "CreativeWork"
    assert is_organization(work["publisher"])
    assert work["identifier"].startswith("urn:sha256:")
    parts = work["hasPart"] if isinstance(work["hasPart"], list) else [work["hasPart"]]
    assert parts and all(part["@type"] == "Quotation" and part["text"] for part in parts)


def test_claimreview_shape(url):
    document = json.loads(write(url, "claimreview", publisher="Fact Desk"))
    assert document["@context"] == "https://schema.org"
    nodes = document["@graph"]
    with open_session(url, write=False) as session:
        rows = session.execute(select(Claim.text, Claim.verdict, Claim.status)).all()
    claims = {text: verdict for text, verdict, _ in rows}
    published = {text for text, verdict, status in rows if verdict and status == "approved"}
    assert len(nodes) == len(claims)
    for node in nodes:
        if node["@type"] == "ClaimReview":
            claim = node["itemReviewed"]
            assert claim["text"] in published
            assert node["claimReviewed"] == claim["text"]
            assert node["reviewRating"]["@type"] == "Rating"
            assert node["reviewRating"]["alternateName"] == claims[claim["text"]]
            assert node["author"] == {"@type": "Organization", "name": "Fact Desk"}
        else:
            assert node["@type"] == "Claim"
            claim = node
            assert claim["text"] not in published  # no approved verdict, so no review
        assert "reviewRating" not in claim
        assert claim["@type"] == "Claim" and claim["name"] == claim["text"]
        for work in claim.get("appearance", []):
            check_creative_work(work)
        if "appearance" in claim:
            check_creative_work(claim["firstAppearance"])
    lonely = next(node for node in nodes if node.get("text") == LONELY_CLAIM)
    assert "appearance" not in lonely and "author" not in lonely


def by_text(nodes: list[dict], text: str) -> dict:
    for node in nodes:
        claim = node.get("itemReviewed", node)
        if claim["text"] == text:
            return claim
    raise AssertionError(text)


def test_claimreview_first_appearance_and_author(url):
    nodes = json.loads(write(url, "claimreview", publisher="Fact Desk"))["@graph"]
    xinhua = by_text(nodes, XINHUA_CLAIM)
    assert len(xinhua["appearance"]) == 3
    # The radio bulletin (1 February) predates the seed articles (19 February).
    assert xinhua["firstAppearance"]["datePublished"] == "2024-02-01"
    assert xinhua["firstAppearance"]["url"] == "https://radio.example/bulletin"
    assert xinhua["firstAppearance"]["publisher"]["name"] == "Harbour Radio"
    # Chains start with Wang Xiaohong (a person) in the seed articles, with the radio itself
    # in the bulletin, whose sentence names no source.
    authors = xinhua["author"]
    assert {"@type": "Person", "name": "Wang Xiaohong"} in authors
    assert {"@type": "Organization", "name": "Harbour Radio"} in authors
    harbour = by_text(nodes, HARBOUR_CLAIM)
    assert harbour["author"] == {"@type": "Organization", "name": "Port Authority"}
    # One work per article, carrying both passages the bulletin repeats.
    (bulletin,) = harbour["appearance"]
    assert [part["text"][:5] for part in bulletin["hasPart"]] == ["The h", "THE H"]


def claimreview_of(url: str, text: str, **options) -> dict:
    with open_session(url, write=False) as session:
        buffer = io.StringIO()
        export(session, selection(session, **options), "claimreview", buffer, publisher="Desk")
    return by_text(json.loads(buffer.getvalue())["@graph"], text)


def test_claimreview_first_appearance_and_author_are_the_claims_not_the_selections(url):
    """An outlet or date filter narrows ``appearance``; where the claim first appeared and
    who said it first stay what all its appearances say."""
    whole = claimreview_of(url, XINHUA_CLAIM)
    inquirer = claimreview_of(url, XINHUA_CLAIM, outlets=["Inquirer"])
    assert [work["publisher"]["name"] for work in inquirer["appearance"]] == ["Inquirer"]
    assert inquirer["firstAppearance"] == whole["firstAppearance"]
    assert inquirer["firstAppearance"]["publisher"]["name"] == "Harbour Radio"
    assert inquirer["author"] == whole["author"]
    assert {"@type": "Organization", "name": "Harbour Radio"} in inquirer["author"]
    later = claimreview_of(url, XINHUA_CLAIM, since="2024-02-10")
    assert "Harbour Radio" not in [work["publisher"]["name"] for work in later["appearance"]]
    assert later["firstAppearance"] == whole["firstAppearance"]

    # An undated article selected alone: the claim's first appearance is still known.
    from claims.services.appearances import add_appearance
    from claims.services.articles import add_article
    from claims.services.sources import add_source

    with open_session(url) as session:
        add_source(session, name="Undated Weekly", kind="outlet", actor="t")
        article = add_article(
            session, text=f"Weekly digest. {XINHUA_CLAIM}", outlet="Undated Weekly", actor="t"
        )
        claim_id = session.scalar(select(Claim.id).where(Claim.text == XINHUA_CLAIM))
        add_appearance(
            session, claim_id=claim_id, article_id=article.id, quote=XINHUA_CLAIM, actor="t"
        )
    undated = claimreview_of(url, XINHUA_CLAIM, claim_ids=[claim_id], outlets=["Undated Weekly"])
    (work,) = undated["appearance"]
    assert "datePublished" not in work
    assert undated["firstAppearance"] == whole["firstAppearance"]


def test_claimreview_needs_a_publisher_when_a_verdict_exists(url):
    with open_session(url) as session:
        harbour = session.scalar(select(Claim.id).where(Claim.text == HARBOUR_CLAIM))
        submit(session, harbour, actor="editor")
        approve(session, harbour, actor="editor")
    with open_session(url, write=False) as session:
        with pytest.raises(InvalidInput, match="--publisher"):
            check_publisher(session, selection(session), None)
        lonely = session.scalar(select(Claim.id).where(Claim.text == LONELY_CLAIM))
        check_publisher(session, selection(session, claim_ids=[lonely]), None)
        check_publisher(session, selection(session, status="draft"), None)


def test_claimreview_publishes_only_approved_verdicts(url):
    """A verdict typed into a draft is work in progress, not a published review."""
    with open_session(url) as session:
        harbour = session.scalar(select(Claim.id).where(Claim.text == HARBOUR_CLAIM))
        assert session.get(Claim, harbour).verdict == "unverified"
    with open_session(url, write=False) as session:
        check_publisher(session, selection(session, claim_ids=[harbour]), None)
    drafts = [
        n for n in json.loads(write(url, "claimreview"))["@graph"] if n.get("text") == HARBOUR_CLAIM
    ]
    assert drafts and drafts[0]["@type"] == "Claim"
    assert "unverified" not in json.dumps(drafts)
    with open_session(url) as session:
        submit(session, harbour, actor="editor")
        approve(session, harbour, actor="editor")
        approved_on = session.get(Claim, harbour).reviews[-1].decided_at
    reviews = [
        n
        for n in json.loads(write(url, "claimreview", publisher="Fact Desk"))["@graph"]
        if n.get("claimReviewed") == HARBOUR_CLAIM
    ]
    assert len(reviews) == 1
    assert reviews[0]["reviewRating"]["alternateName"] == "unverified"
    assert reviews[0]["datePublished"] == approved_on.date().isoformat()


# --- W3C Web Annotation ---------------------------------------------------------------------


def test_annotations_point_at_the_quotation_in_the_stored_text(url):
    document = json.loads(write(url, "annotations"))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    page = document["first"]
    assert page["type"] == "AnnotationPage"
    items = page["items"]
    with open_session(url, write=False) as session:
        articles = session.execute(
            select(Article.url, Article.sha256, Article.text, Article.raw_text)
        ).all()
        count = len(session.scalars(select(Appearance.id)).all())
    texts = {}
    for article_url, sha, text, raw in articles:
        texts[article_url or f"urn:sha256:{sha}"] = text
        # The SHA-256 is of the text as received; positions are in the cleaned text.
        received = raw if raw is not None else text
        assert hashlib.sha256(received.encode("utf-8")).hexdigest() == sha
    assert len(items) == count
    assert len({item["id"] for item in items}) == count
    for item in items:
        assert item["type"] == "Annotation"
        assert item["creator"] == {"type": "Person", "nickname": "export-test"}
        bodies = item["body"]
        assert bodies[0]["type"] == "TextualBody" and bodies[0]["purpose"] == "describing"
        text = texts[item["target"]["source"]]
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector"
        assert position["type"] == "TextPositionSelector"
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert text[:start].endswith(quote["prefix"])
        assert text[end:].startswith(quote["suffix"])
    harbour = [item for item in items if item["body"][0]["value"] == HARBOUR_CLAIM]
    assert harbour[0]["target"]["source"] == "https://radio.example/bulletin"
    assert [h["target"]["selector"][0]["exact"][:5] for h in harbour] == ["The h", "THE H"]
    assert "Port Authority (said)" in harbour[0]["body"][1]["value"]


# --- W3C PROV -------------------------------------------------------------------------------


def prov_bundle(text: str, claim_text: str):
    from prov.model import ProvDocument

    document = ProvDocument.deserialize(content=text, format="json")
    for bundle in document.bundles:
        claims = [
            record
            for record in bundle.get_records()
            if record.get_type().localpart == "Entity"
            and claim_text in [str(v) for v in record.get_attribute("prov:label")]
        ]
        if claims:
            return bundle
    raise AssertionError(f"no bundle for {claim_text!r}")


def relations(bundle, kind: str) -> list[tuple[str, str]]:
    """(subject, object) of every relation of one PROV type, e.g. 'Attribution'."""
    pairs = []
    for record in bundle.get_records():
        if record.get_type().localpart != kind:
            continue
        first, second = (str(value) for _, value in record.formal_attributes[:2])
        pairs.append((first, second))
    return pairs


def is_quotation(record) -> bool:
    return any(str(value) == "prov:Quotation" for value in record.get_attribute("prov:type"))


def test_prov_chain_of_a_seeded_claim(url):
    """Wang Xiaohong told, Xinhua said, Reuters wired, the Inquirer republished."""
    bundle = prov_bundle(write(url, "prov"), XINHUA_CLAIM)
    labels = {
        str(record.identifier): str(next(iter(record.get_attribute("prov:label"))))
        for record in bundle.get_records()
        if record.get_type().localpart == "Agent"
    }
    assert {"Wang Xiaohong", "Xinhua", "Reuters", "Inquirer", "UNN"} <= set(labels.values())
    wang = next(
        record
        for record in bundle.get_records()
        if str(record.identifier) in labels and labels[str(record.identifier)] == "Wang Xiaohong"
    )
    assert "prov:Person" in {str(v) for v in wang.get_attribute("prov:type")}
    kinds = {
        labels[str(record.identifier)]: {str(v) for v in record.get_attribute("prov:type")}
        for record in bundle.get_records()
        if str(record.identifier) in labels
    }
    assert kinds["Xinhua"] == {"prov:Organization"}

    said_by = {entity: labels[agent] for entity, agent in relations(bundle, "Attribution")}
    derivations = [
        record for record in bundle.get_records() if record.get_type().localpart == "Derivation"
    ]
    steps = set()
    for record in derivations:
        later, earlier = (str(value) for _, value in record.formal_attributes[:2])
        if later in said_by and earlier in said_by:
            steps.add((said_by[earlier], said_by[later], is_quotation(record)))
    # Xinhua quotes Wang (stated); Reuters' wire derives from Xinhua; the Inquirer's page
    # (the quotation as printed) derives from Reuters' wire.
    assert ("Wang Xiaohong", "Xinhua", True) in steps
    assert ("Xinhua", "Reuters", False) in steps
    assert ("Reuters", "Inquirer", False) in steps
    assert ("Reuters", "UNN", False) in steps

    # Each article holds its quotation, and the claim derives from each quotation.
    members = {member for _, member in relations(bundle, "Membership")}
    claim_derived = {
        earlier for later, earlier in relations(bundle, "Derivation") if later.startswith("claim:")
    }
    assert members and members == claim_derived
    assert {said_by[member] for member in members} == {"Inquirer", "UNN", "Harbour Radio"}


def test_prov_n_holds_the_same_relations(url):
    text = write(url, "prov", prov_format="provn")
    assert text.startswith("document\n") and text.rstrip().endswith("endDocument")
    with open_session(url, write=False) as session:
        claims = len(session.scalars(select(Claim.id)).all())
    assert text.count("\n  bundle ") == claims
    assert text.count("endBundle") == claims
    assert text.count("wasDerivedFrom(") > 0
    document = json.loads(write(url, "prov"))
    assert len(document["bundle"]) == claims


def test_prov_n_keeps_words_that_span_lines(url):
    """PROV-N reads back as PROV-JSON does: line breaks, indentation and trailing spaces
    inside a quotation or title are the words, not layout."""
    from prov.model import ProvDocument

    from claims.chains import StatedHop
    from claims.services.appearances import add_appearance
    from claims.services.articles import add_article
    from claims.services.claims import add_claim
    from claims.services.sources import add_source

    text = (
        "The minister spoke to the agency.  \n\n"
        "She also said the ties   \n    \n  would deepen further, the agency reported.\n"
    )
    quote = "agency.  \n\nShe also said the ties   \n    \n  would deepen further"
    with open_session(url) as session:
        add_source(session, name="Daily Example", kind="outlet", actor="t")
        add_source(session, name="The minister", kind="person", actor="t")
        article = add_article(
            session, text=text, outlet="Daily Example", title="Ties\n  deepen", actor="t"
        )
        claim = add_claim(session, text="The ties would deepen further.", actor="t")
        add_appearance(
            session,
            claim_id=claim.id,
            article_id=article.id,
            quote=quote,
            chain=[StatedHop("The minister", "said")],
            actor="t",
        )
        claim_id = claim.id
    with open_session(url, write=False) as session:
        chosen = selection(session, claim_ids=[claim_id])
        texts = {}
        for prov_format in ("json", "provn"):
            buffer = io.StringIO()
            export(session, chosen, "prov", buffer, prov_format=prov_format)
            texts[prov_format] = buffer.getvalue()
    from_json = ProvDocument.deserialize(content=texts["json"], format="json")
    from_provn = ProvDocument.deserialize(content=texts["provn"], format="provn")
    assert from_provn == from_json
    values = {
        str(value)
        for bundle in from_provn.bundles
        for record in bundle.get_records()
        for name, value in record.attributes
        if str(name) in ("prov:value", "prov:label")
    }
    assert quote in values and "Ties\n  deepen" in values
    assert "\n  bundle " in texts["provn"] and "\n  endBundle\n" in texts["provn"]


def test_prov_agents_are_one_per_source_whatever_the_script(url):
    """Names with no Latin letter, and names two sources share, stay apart."""
    from claims.chains import StatedHop
    from claims.services.appearances import add_appearance
    from claims.services.articles import add_article
    from claims.services.claims import add_claim
    from claims.services.sources import add_source

    text = "Путін заявив, що 新华社 повідомило про перемогу."
    with open_session(url) as session:
        outlet = add_source(session, name="Укрінформ", kind="outlet", actor="t")
        agency = add_source(session, name="新华社", kind="news_agency", actor="t")
        article = add_article(session, text=text, outlet="Укрінформ", actor="t")
        claim = add_claim(session, text="新华社 повідомило про перемогу", actor="t")
        add_appearance(
            session,
            claim_id=claim.id,
            article_id=article.id,
            quote="新华社 повідомило про перемогу",
            chain=[StatedHop("新华社", "повідомило")],
            actor="t",
        )
        ids = (outlet.id, agency.id)
    with open_session(url, write=False) as session:
        chosen = selection(session, claim_ids=[claim.id])
        buffer = io.StringIO()
        export(session, chosen, "prov", buffer)
    bundle = prov_bundle(buffer.getvalue(), "新华社 повідомило про перемогу")
    agents = {
        str(record.identifier): str(next(iter(record.get_attribute("prov:label"))))
        for record in bundle.get_records()
        if record.get_type().localpart == "Agent"
    }
    assert agents == {f"source:{ids[0]}": "Укрінформ", f"source:{ids[1]}": "新华社"}


def test_prov_agent_ids_keep_the_name_and_add_the_id():
    from claims.export.provenance import source_local

    assert source_local("The Xinhua News-Agency", 3) == "xinhua-news-agency-3"
    assert source_local("新华社", 7) == "7"
    assert source_local("Wang", 1) != source_local("Wang", 2)


def test_a_source_nobody_described_is_a_bare_prov_agent(cli, url):
    assert cli("appearance", "chain", "1", "Nameless Informant [told] > Xinhua [said]",
               "--create-sources").exit_code == 0  # fmt: skip
    text = write(url, "prov")
    from prov.model import ProvDocument

    document = ProvDocument.deserialize(content=text, format="json")
    kinds = {
        str(next(iter(record.get_attribute("prov:label")))): {
            str(v) for v in record.get_attribute("prov:type")
        }
        for bundle in document.bundles
        for record in bundle.get_records()
        if record.get_type().localpart == "Agent"
    }
    assert kinds["Nameless Informant"] == {"prov:Agent"}
