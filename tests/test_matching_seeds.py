"""Matching finds, from the Inquirer's wording alone, where UNN carries each seed claim.

Every curated claim keeps only its Inquirer appearance; UNN's appearances are removed and
remembered. Matching must then rank, for each claim UNN carries, a passage overlapping
UNN's curated quotation first and above the suggest threshold, and propose nothing at or
above the threshold for the claims UNN does not carry.
"""

from __future__ import annotations

from sqlalchemy import select

from claims.models import Appearance, Article, Claim, MatchCandidate
from claims.seeds import load_seeds
from claims.services.appearances import delete_appearance
from claims.services.matching import Thresholds, load_index, match_claim


def test_seed_claims_found_in_unn_from_the_inquirer_alone(session):
    load_seeds(session, actor="tester")
    articles = {a.publisher.name: a for a in session.scalars(select(Article))}
    unn = articles["UNN"]
    gold = {}
    for appearance in list(
        session.scalars(select(Appearance).where(Appearance.article_id == unn.id))
    ):
        gold[appearance.claim_id] = (appearance.quote_start, appearance.quote_end)
        delete_appearance(session, appearance, actor="tester")
    claims = list(session.scalars(select(Claim).order_by(Claim.id)))
    assert gold and len(gold) < len(claims), "the seeds should hold claims on both sides"
    index = load_index(session)
    thresholds = Thresholds()
    for claim in claims:
        candidates = match_claim(session, claim.id, index, thresholds=thresholds)
        in_unn = sorted((c for c in candidates if c.article_id == unn.id), key=lambda c: -c.score)
        if claim.id in gold:
            start, end = gold[claim.id]
            assert in_unn, f"claim #{claim.id} not found in UNN: {claim.text}"
            best = in_unn[0]
            assert best.passage_start < end and start < best.passage_end, (
                f"claim #{claim.id}: best UNN passage {best.passage_start}-{best.passage_end} "
                f"misses the curated quotation {start}-{end}"
            )
        else:
            assert not in_unn, f"claim #{claim.id} is not in UNN but got {in_unn[0]!r}"
    stored = session.scalars(select(MatchCandidate.claim_id).distinct()).all()
    assert set(stored) == set(gold)


def test_seed_passages_accepted_unseen_state_every_word_of_their_claim(session):
    """Of UNN's passages at *auto*, ``accept_auto`` takes only those that state the whole claim;
    the others (a synonym, a clause cut off, another outlet's wording) wait for a person."""
    from claims.services.matching import accept_auto, held_for_review
    from claims.similarity import missing_words

    load_seeds(session, actor="tester")
    unn = next(a for a in session.scalars(select(Article)) if a.publisher.name == "UNN")
    for appearance in list(
        session.scalars(select(Appearance).where(Appearance.article_id == unn.id))
    ):
        delete_appearance(session, appearance, actor="tester")
    index = load_index(session)
    thresholds = Thresholds()
    accepted, held = [], []
    for claim in session.scalars(select(Claim).order_by(Claim.id)):
        match_claim(session, claim.id, index, thresholds=thresholds)
        held += [why for _, why in held_for_review(session, claim.id, thresholds=thresholds)]
        accepted += accept_auto(session, claim.id, thresholds=thresholds, actor="tester")
    assert accepted and held
    for appearance in accepted:
        assert missing_words(appearance.claim.text, appearance.quote) == [], appearance.quote
    assert any(why.startswith("the passage lacks the claim's word(s)") for why in held)
