"""Matching: find the passages of other articles that carry a claim, and decide on them.

A claim is looked for with every wording the database knows for it: its canonical text and
the quotation of each appearance (a rewrite is usually closer to another outlet's words than
to the neutral canonical sentence). A quotation was recorded as carrying the claim in its
article, where the words around it may say the rest; a key phrase ("will not allow") that
holds too little of the claim to be about it is no wording (``wordings``), else it would
carry a match into every article that uses the phrase. The candidate index
(``claims.passages``) narrows the corpus to a few hundred sentences per wording;
``claims.similarity.carries`` re-ranks those sentences and their two-sentence windows, and
each article keeps its best passage.

Two thresholds, as review tools for fact-checkers use them: at or above *suggest* a passage
is stored as a pending candidate for a person to accept or reject; at or above *auto* it may
be accepted without one (``--accept-auto``). Both defaults were tuned on training data only
(see ``docs/matching.md``). Some passages are never accepted without a person, whatever
their score (``held_for_review``): those whose negation differs from the claim's, that lack
a word of it, whose sentence takes back what they state, and the rest of the rules in
``claims.services.match_holds``.

Resuming: a claim's ``match_progress`` row holds a fingerprint of what it was matched with
(its version, its appearances, the highest article id, the suggest threshold and the scorer).
Stored article texts never change and article ids only grow, so when none of these moved
the earlier result still holds and ``match --all`` skips the claim.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from claims import audit
from claims.anchoring import count_occurrences, find_quotation
from claims.db import locked
from claims.errors import ChangedMeanwhile, InvalidInput, InvalidTransition, NotFound
from claims.models import Appearance, Article, Claim, MatchCandidate, MatchProgress, utcnow
from claims.passages import Passage, PassageIndex, clause_windows
from claims.services.claims import get_claim
from claims.similarity import DEFAULT_AUTO, DEFAULT_SUGGEST

# 2: negation; 3: no key-phrase wordings; 4: windows keep words; 5: capitals abbreviations
# are names, windows keep their clause's subject, "raise" and "increase" are "rise".
SCORER_VERSION = "lexical-5"
# How many of the best articles get their passage refined into clause windows.
REFINE = 20
# Passages scoring below this are not cut into clause windows.
REFINE_FLOOR = 0.3
# A passage sharing less than this share of a wording's words is not scored against it, and
# a quotation sharing less than this share of the claim's words is no wording of it.
MIN_SHARED = 0.25
# Sentences whose BM25 score is below this share of the best one's are not re-ranked.
FALLOFF = 0.2
# Scores this close count as a tie between clause windows; the shorter window wins.
TIE = 0.02


@dataclass(frozen=True)
class Thresholds:
    suggest: float = DEFAULT_SUGGEST
    auto: float = DEFAULT_AUTO


def check_thresholds(suggest: float | None, auto: float | None) -> Thresholds:
    """Thresholds as given, with the defaults for what is not; refused unless 0 < s <= a <= 1.

    A suggest threshold given above the default auto one, with no auto threshold given,
    raises the auto threshold to it: the person asked for nothing inconsistent. Only two
    thresholds both given out of order are refused.
    """
    suggest = DEFAULT_SUGGEST if suggest is None else suggest
    if auto is None:
        auto = max(DEFAULT_AUTO, suggest) if 0 < suggest <= 1 else DEFAULT_AUTO
    for name, value in (("suggest", suggest), ("auto", auto)):
        if not 0 < value <= 1:
            raise InvalidInput(f"The {name} threshold must be above 0 and at most 1, not {value}.")
    if auto < suggest:
        raise InvalidInput(
            f"The auto threshold ({auto}) is below the suggest threshold ({suggest}): "
            "auto-accepted passages must also be suggested."
        )
    return Thresholds(suggest, auto)


@dataclass(frozen=True)
class Ranked:
    """One article's best passage for a claim, before anything is stored."""

    article_id: int
    start: int
    end: int
    text: str
    score: float


def load_index(session: Session, article_ids: Iterable[int] | None = None) -> PassageIndex:
    """The candidate index over the stored articles; refuses an empty database."""
    query = select(Article.id, Article.text).order_by(Article.id)
    if article_ids is not None:
        query = query.where(Article.id.in_(list(article_ids)))
    rows = [(row.id, row.text) for row in session.execute(query)]
    if not rows:
        raise NotFound("No articles stored to match against: add some with `claims article add`.")
    return PassageIndex(rows)


def wordings(claim: Claim) -> list[str]:
    """Every wording known for the claim: canonical text first, then distinct quotations,
    except those that hold too little of the claim to be about it.

    A quotation carries the claim in its article, where the words around it may say the
    rest: fact-checkers often quote only the key phrase ("Planas added the government
    »will not allow« water rationing"). Out of that context such a phrase fits inside any
    sentence that uses it, so a quotation is a wording only when the re-ranker would score
    it as a passage of the claim at all: when it holds ``MIN_SHARED`` of the claim's words.
    """
    seen, result = set(), []
    for text in [claim.text, *(a.quote for a in claim.appearances)]:
        key = " ".join(text.split()).casefold()
        if key not in seen and (not result or about(claim.text, text)):
            seen.add(key)
            result.append(text)
    return result


def about(wording: str, passage: str) -> bool:
    """Whether the passage holds a fair share of the wording's words: below it, a passage
    (most of what the index returns) is not worth scoring."""
    from claims.similarity import word_set

    words = word_set(wording)
    return len(words & word_set(passage)) >= MIN_SHARED * len(words)


def rank_passages(
    index: PassageIndex, texts: list[str], exclude: Iterable[int] = (), *, refine: int = REFINE
) -> list[Ranked]:
    """Each article's best passage for any of ``texts``, best first; ``exclude``d articles skipped.

    Three passes, each on fewer passages and at a finer grain: the index's sentences are
    scored alone; the ``refine`` best are also scored joined with a neighbour; and the best
    passage of the ``refine`` best articles is cut into clause windows, the shortest window
    scoring as well as the best and stating every word of the wordings the best one states
    winning, so the stored passage is the part that carries the claim, all of it.
    """
    excluded = frozenset(exclude)
    best: dict[int, Ranked] = {}
    hits: dict[tuple[int, int], float] = {}
    for query in texts:
        for article_id, position in index.search(query, exclude=excluded, falloff=FALLOFF):
            if (article_id, position) in hits:
                continue
            sentence = index.passages_around(article_id, position)[0]
            hits[(article_id, position)] = _keep_best(best, sentence, texts)
    leading = sorted(hits, key=lambda key: -hits[key])[:refine]
    for article_id, position in leading:
        for passage in index.passages_around(article_id, position)[1:]:
            _keep_best(best, passage, texts)
    leaders = sorted(best.values(), key=lambda r: (-r.score, r.article_id))[:refine]
    for leader in leaders:
        if leader.score < REFINE_FLOOR:
            continue  # far below any threshold: where in the sentence matters to nobody
        whole = Passage(leader.article_id, leader.start, leader.end, leader.text)
        scored = [(_value(window, texts), window) for window in clause_windows(whole)]
        top, first = max(scored, key=lambda vw: vw[0])
        stated = _stated(first.text, texts)
        value, window = min(
            ((v, w) for v, w in scored if v >= top - TIE and _stated(w.text, texts) >= stated),
            key=lambda vw: (len(vw[1].text), -vw[0]),
        )
        best[leader.article_id] = Ranked(
            window.article_id, window.start, window.end, window.text, value
        )
    return sorted(best.values(), key=lambda r: (-r.score, r.article_id))


def _stated(passage: str, texts: list[str]) -> frozenset[str]:
    """The words of the wordings that the passage states: a shorter clause window that
    drops one of them ("beyond trade" for "beyond trade and investment relations") is no
    tie with the window that keeps it, however close their scores."""
    from claims.similarity import word_set

    return word_set(passage) & frozenset().union(*map(word_set, texts))


def _value(passage: Passage, texts: list[str]) -> float:
    return best_wording(passage.text, texts)[0]


def best_wording(passage: str, texts: list[str]) -> tuple[float, str | None]:
    """The best ``carries`` score of the passage for any wording it is ``about``, and that
    wording."""
    from claims.similarity import carries

    scored = [(carries(text, passage), text) for text in texts if about(text, passage)]
    return max(scored, key=lambda pair: pair[0], default=(0.0, None))


def _keep_best(best: dict[int, Ranked], passage: Passage, texts: list[str]) -> float:
    value = _value(passage, texts)
    current = best.get(passage.article_id)
    if current is None or (value, -len(passage.text)) > (current.score, -len(current.text)):
        best[passage.article_id] = Ranked(
            passage.article_id, passage.start, passage.end, passage.text, value
        )
    return value


def fingerprint(claim: Claim, index: PassageIndex, thresholds: Thresholds) -> str:
    appearances = ",".join(str(a.id) for a in sorted(claim.appearances, key=lambda a: a.id))
    digest = hashlib.sha256(appearances.encode()).hexdigest()[:16]
    highest = max(index.texts, default=0)
    return (
        f"version={claim.version};appearances={digest};articles<={highest};"
        f"suggest={thresholds.suggest};scorer={SCORER_VERSION}"
    )


def _claim(session: Session, claim_id: int) -> Claim:
    """The claim to match, locked: two matchings of it, or a matching and a decision on one
    of its candidates, take turns, and each reads the candidates the other left."""
    get_claim(session, claim_id)  # NotFound with its usual advice
    claim = _lock_claim(session, claim_id)
    session.refresh(claim, ["appearances"])
    return claim


def match_claim(
    session: Session,
    claim_id: int,
    index: PassageIndex,
    *,
    thresholds: Thresholds = Thresholds(),
) -> list[MatchCandidate]:
    """Rank passages for a claim and store those at or above *suggest* as pending candidates.

    Earlier pending candidates of the claim are replaced; accepted and rejected ones stay,
    and a passage someone rejected is not proposed again. A passage proposed again keeps
    its candidate number (with its new score), so a number a person noted still names it;
    one left below *suggest* by this run is dropped, and proposed again later, gets a new
    number: a pending row is a proposal at the threshold the claim was last matched at.
    """
    claim = _claim(session, claim_id)
    carried = {a.article_id for a in claim.appearances}
    ranked = [
        r
        for r in rank_passages(index, wordings(claim), exclude=carried)
        if r.score >= thresholds.suggest
    ]
    existing = list(
        session.scalars(select(MatchCandidate).where(MatchCandidate.claim_id == claim.id))
    )
    decided = {
        (c.article_id, c.passage_start, c.passage_end) for c in existing if c.status != "pending"
    }
    waiting = {
        (c.article_id, c.passage_start, c.passage_end): c for c in existing if c.status == "pending"
    }
    stored = []
    for r in ranked:
        span = (r.article_id, r.start, r.end)
        if span in decided:
            continue
        score = round(min(max(r.score, 0.0), 1.0), 6)
        candidate = waiting.pop(span, None)
        if candidate is None:
            candidate = MatchCandidate(
                claim_id=claim.id,
                article_id=r.article_id,
                passage_start=r.start,
                passage_end=r.end,
                status="pending",
            )
            session.add(candidate)
        candidate.score = score
        stored.append(candidate)
    for candidate in waiting.values():
        session.delete(candidate)
    progress = session.get(MatchProgress, claim.id) or MatchProgress(claim_id=claim.id)
    progress.fingerprint = fingerprint(claim, index, thresholds)
    progress.candidates = len(stored)
    progress.matched_at = utcnow()
    session.add(progress)
    session.flush()
    return stored


def stale_claims(
    session: Session, index: PassageIndex, thresholds: Thresholds, *, force: bool = False
) -> list[int]:
    """Ids of the claims whose last matching is missing or out of date (all with ``force``)."""
    claims = session.scalars(
        select(Claim).options(selectinload(Claim.appearances)).order_by(Claim.id)
    )
    done = dict(session.execute(select(MatchProgress.claim_id, MatchProgress.fingerprint)).all())
    return [c.id for c in claims if force or done.get(c.id) != fingerprint(c, index, thresholds)]


def needs_matching(session: Session, claim_id: int, *, review: bool) -> bool:
    """Whether ``claims match CLAIM_ID`` matches the claim before going on.

    Always, except to review a claim matched already: the person came to decide the
    candidates stored, perhaps at a lower suggest threshold than this run's, and matching
    again would drop those and renumber the rest under them. A claim never matched has
    nothing stored to review and is matched first.
    """
    get_claim(session, claim_id)
    return not review or session.get(MatchProgress, claim_id) is None


def review_queue(
    session: Session, claim_id: int | None = None, *, suggest: float | None = None
) -> list[int]:
    """Ids of the pending candidates to review, best first: every one stored, or only those
    at or above ``suggest`` when one is given.

    What is stored was stored at the suggest threshold the person chose when matching; a
    default threshold applied again here would hide the candidates they asked for.
    """
    if claim_id is not None:
        get_claim(session, claim_id)
    minimum = 0.0 if suggest is None else suggest
    return [c.id for c in pending_candidates(session, claim_id, minimum=minimum)]


def claims_with_pending(session: Session) -> list[int]:
    query = select(MatchCandidate.claim_id).where(MatchCandidate.status == "pending")
    return sorted(set(session.scalars(query)))


def pending_count(session: Session) -> int:
    """How many candidates wait for ``--review``."""
    return (
        session.scalar(
            select(func.count())
            .select_from(MatchCandidate)
            .where(MatchCandidate.status == "pending")
        )
        or 0
    )


def highest_candidate_id(session: Session) -> int:
    """The highest candidate number given so far: numbers only grow, so those above it were
    given after."""
    return session.scalar(select(func.max(MatchCandidate.id))) or 0


def shown_score(score: float) -> float:
    """A score as listings show it, three decimals, rounded down: a candidate listed at
    0.99 is one ``--suggest 0.99`` keeps (0.9899 rounded would show 0.99 and be dropped)."""
    return math.floor(score * 1000 + 1e-9) / 1000


def describe(
    session: Session, candidate: MatchCandidate, width: int = 120, *, preview=None
) -> dict:
    """A candidate as a person reviews it: the claim, the passage and the words around it,
    whether the passage's negation differs from the claim's, the claim's words it lacks,
    and every caution that would hold it back from automatic acceptance."""
    from claims.anchoring import paragraph_bounds
    from claims.services.match_holds import cautions, lacking, negation_differs

    article = session.get(Article, candidate.article_id, options=[joinedload(Article.publisher)])
    text = article.text
    start, end = candidate.passage_start, candidate.passage_end
    block_start, block_end = paragraph_bounds(text, start)
    return {
        "candidate": candidate.id,
        "claim_id": candidate.claim_id,
        "claim": candidate.claim.text,
        "article_id": article.id,
        "outlet": article.publisher.name,
        "published": article.published.isoformat() if article.published else None,
        "score": shown_score(candidate.score),
        "before": text[max(block_start, start - width) : start],
        "passage": text[start:end],
        "after": text[end : min(block_end, end + width)],
        "negation_differs": (negated := negation_differs(candidate)),
        "lacking": lacking(candidate),
        "cautions": cautions(session, candidate, negated=negated, preview=preview),
    }


def candidate_rows(
    session: Session,
    claim_id: int | None = None,
    *,
    thresholds: Thresholds = Thresholds(),
    limit: int | None = None,
) -> list[dict]:
    """Pending candidates at or above *suggest*, best first, as rows for a listing: the
    first ``limit`` only, since each row's level reads the passage again (negation, the
    words it lacks, its chain) and a listing after ``--all`` may hold thousands.

    The level is "negation" when the passage's negation differs from the claim's (never
    accepted automatically, whatever its score); "held" at or above *auto* when
    ``accept_auto`` would leave it to a person all the same (``held_for_review`` says why);
    "auto" at or above *auto* otherwise; else "suggest". A listing that said "auto" of a
    passage ``--accept-auto`` then skips would promise what the command does not do.
    ``held_because`` says why a "held" or "negation" row waits for a person.
    """
    if claim_id is not None:
        get_claim(session, claim_id)
    rows = []
    for candidate in pending_candidates(session, claim_id, minimum=thresholds.suggest, limit=limit):
        article = candidate.article
        level, why = _level(session, candidate, thresholds)
        rows.append(
            {
                "candidate": candidate.id,
                "claim_id": candidate.claim_id,
                "article_id": article.id,
                "outlet": article.publisher.name,
                "published": article.published.isoformat() if article.published else None,
                "start": candidate.passage_start,
                "end": candidate.passage_end,
                "score": shown_score(candidate.score),
                "level": level,
                "passage": article.text[candidate.passage_start : candidate.passage_end],
                "held_because": why,
            }
        )
    return rows


def _level(
    session: Session, candidate: MatchCandidate, thresholds: Thresholds
) -> tuple[str, str | None]:
    """The candidate's level, and why it is held when it is."""
    from claims.services.match_holds import held_reasons, negation_differs

    if negation_differs(candidate):
        return "negation", "the passage's negation differs from the claim's"
    if candidate.score < thresholds.auto:
        return "suggest", None
    why = held_reasons(session, candidate, thresholds)
    return ("auto", None) if why is None else ("held", why)


def pending_candidates(
    session: Session,
    claim_id: int | None = None,
    *,
    minimum: float = 0.0,
    limit: int | None = None,
) -> list[MatchCandidate]:
    """Candidates waiting for a decision, best first (then by claim, article)."""
    query = (
        select(MatchCandidate)
        .options(
            joinedload(MatchCandidate.article).joinedload(Article.publisher),
            joinedload(MatchCandidate.claim),
        )
        .where(MatchCandidate.status == "pending", MatchCandidate.score >= minimum)
        .order_by(MatchCandidate.score.desc(), MatchCandidate.claim_id, MatchCandidate.article_id)
    )
    if claim_id is not None:
        query = query.where(MatchCandidate.claim_id == claim_id)
    return list(session.scalars(query.limit(limit)))


def get_candidate(session: Session, candidate_id: int) -> MatchCandidate:
    candidate = session.get(MatchCandidate, candidate_id)
    if candidate is None:
        raise NotFound(f"No match candidate with id {candidate_id}: run `claims match` first.")
    return candidate


@dataclass(frozen=True)
class ChainPreview:
    """The chain accepting a candidate records, before anything is written.

    ``stated`` is what the passage states (origin first); ``new_sources`` the names among
    them no source answers to yet, which accepting would create; ``descriptions`` those of
    them that describe a source without naming it ("his office"), which only a person may
    turn into a source; ``text`` the whole chain (stated hops, the article's origin and
    publisher), new sources marked, for a reviewer.
    """

    stated: list
    new_sources: list[str]
    text: str
    descriptions: list[str] = field(default_factory=list)


def preview_chain(session: Session, candidate_id: int) -> ChainPreview:
    """The chain accepting the candidate would record, and the sources it would create."""
    from claims.chains import ARROW
    from claims.resolution import is_description
    from claims.services.sources import find_source
    from claims.suggestions import chain_for_passage

    candidate = get_candidate(session, candidate_id)
    article = candidate.article
    stated = chain_for_passage(session, article, candidate.passage_start, candidate.passage_end)
    parts: list[tuple[int | None, str]] = []
    new: list[str] = []
    for hop in stated:
        source = find_source(session, hop.name)
        if source is None:
            name = " ".join(hop.name.split())
            if name not in new:
                new.append(name)
            label = f"{name} (new source)"
            if is_description(name):
                label = f"{name} (new source; a description, not a name)"
        else:
            label = source.name
        parts.append((source.id if source else None, f"{label} ({hop.cue})" if hop.cue else label))
    tail = [(article.publisher.id, article.publisher.name)]
    if article.origin is not None:
        origin = article.origin.name
        tail.insert(0, (article.origin.id, f"{origin} ({article.origin_cue})"
                                            if article.origin_cue else origin))  # fmt: skip
    for source_id, label in tail:
        if parts and parts[-1][0] == source_id:
            continue  # the chain ends with this source already
        parts.append((source_id, label))
    descriptions = [name for name in new if is_description(name)]
    return ChainPreview(list(stated), new, ARROW.join(label for _, label in parts), descriptions)


def accept_candidate(
    session: Session,
    candidate_id: int,
    *,
    actor: str,
    seen_version: int | None = None,
    create_sources: bool | Iterable[str] = True,
) -> Appearance:
    """Record the candidate's passage as an appearance of its claim (provenance "proposed").

    The chain is the one the passage states (``preview_chain``), completed with the
    article's origin and publisher. ``create_sources`` says which sources it names that the
    database does not know may be created: all (True, as ``--accept-auto`` does), none
    (False), or those named (the ones a reviewer confirmed); a new source not among them
    is refused. A description ("his office", "a spokesperson") becomes a source only when a
    reviewer confirmed it by name: created unseen, one source would gather every office
    and spokesperson of the database. ``seen_version`` is the claim's version the reviewer
    was shown: if the claim changed since, the decision is refused rather than made blind.
    """
    from claims.services.appearances import add_appearance
    from claims.services.sources import lock_source_names
    from claims.text import fold_name

    candidate = _pending(session, candidate_id)
    preview = preview_chain(session, candidate_id)
    # Names before rows: whoever creates a source takes its name's lock first and then
    # locks the claim by inserting an appearance, so taking them in the other order
    # here could deadlock with them.
    lock_source_names(session, preview.new_sources)
    claim = _lock_claim(session, candidate.claim_id)
    # Whoever accepted a candidate of the claim meanwhile held this lock until they
    # committed: their decision is read now, and stands.
    candidate = _pending(session, candidate_id, lock=True)
    if seen_version is not None and claim.version != seen_version:
        raise ChangedMeanwhile(
            f"Claim #{claim.id} changed since it was shown (now: {claim.text!r})."
        )
    if preview.descriptions and create_sources is True:
        raise InvalidInput(
            f"Accepting candidate #{candidate.id} would create source(s) "
            f"{', '.join(map(repr, preview.descriptions))}, a description rather than a "
            "name: decide it with `claims match --review`. Nothing saved."
        )
    if preview.new_sources and create_sources is not True:
        allowed = set() if create_sources is False else {fold_name(n) for n in create_sources}
        missing = [n for n in preview.new_sources if fold_name(n) not in allowed]
        if missing:
            raise InvalidInput(
                f"Accepting candidate #{candidate.id} would create source(s) "
                f"{', '.join(map(repr, missing))}, not confirmed: nothing saved."
            )
    article = candidate.article
    text = article.text
    quote = text[candidate.passage_start : candidate.passage_end]
    appearance = add_appearance(
        session,
        claim_id=candidate.claim_id,
        article_id=candidate.article_id,
        quote=quote,
        actor=actor,
        chain=preview.stated,
        create_sources=bool(preview.new_sources),
        occurrence=_occurrence(text, quote, candidate.passage_start),
        provenance="proposed",
        accepted_by=actor,
    )
    _decide(session, candidate, "accepted", actor, appearance.id)
    # The article carries the claim now: its other passages are no longer candidates.
    for other in session.scalars(
        select(MatchCandidate).where(
            MatchCandidate.claim_id == candidate.claim_id,
            MatchCandidate.article_id == candidate.article_id,
            MatchCandidate.status == "pending",
        )
    ):
        session.delete(other)
    session.flush()
    return appearance


def reject_candidate(session: Session, candidate_id: int, *, actor: str) -> MatchCandidate:
    _pending(session, candidate_id)
    candidate = _pending(session, candidate_id, lock=True)
    _decide(session, candidate, "rejected", actor, None)
    return candidate


def accept_auto(
    session: Session,
    claim_id: int,
    *,
    thresholds: Thresholds,
    actor: str,
    on_decided: Callable[[str], None] | None = None,
) -> list[Appearance]:
    """Accept every pending candidate of the claim at or above the auto threshold.

    The person asked for these acceptances without seeing them, so the sources their
    passages name that the database does not know are created (kind "other"). The
    candidates ``held_for_review`` names stay pending for a person, whatever the threshold.
    A candidate another user decided (or dropped) while this ran is theirs: it is left as
    they left it, and ``on_decided`` is told, in a sentence.
    """
    from claims.services.match_holds import held_reasons
    from claims.services.sources import lock_source_names

    chosen = [
        candidate
        for candidate in pending_candidates(session, claim_id, minimum=thresholds.auto)
        if held_reasons(session, candidate, thresholds) is None
    ]
    # Every name first, in one order: accepting the first candidate locks the claim, and
    # a second's names taken after that would cross an importer or a writer who locks
    # names, then the claim (by inserting an appearance of it).
    lock_source_names(
        session, [name for c in chosen for name in preview_chain(session, c.id).new_sources]
    )
    accepted = []
    for candidate in chosen:
        try:
            accepted.append(accept_candidate(session, candidate.id, actor=actor))
        except DecidedMeanwhile as decided:
            if on_decided is not None:
                on_decided(decided.meanwhile)
    return accepted


def held_for_review(
    session: Session, claim_id: int, *, thresholds: Thresholds
) -> list[tuple[MatchCandidate, str]]:
    """The pending candidates at or above *auto* that ``accept_auto`` leaves to a person,
    each with why."""
    from claims.services.match_holds import held_reasons

    held = []
    for candidate in pending_candidates(session, claim_id, minimum=thresholds.auto):
        why = held_reasons(session, candidate, thresholds)
        if why is not None:
            held.append((candidate, why))
    return held


class DecidedMeanwhile(InvalidTransition):
    """The candidate is no longer pending: someone decided it, or it went with its article's
    acceptance or a new matching. ``meanwhile`` says so as news, for a run that found it
    pending a moment before."""

    def __init__(self, message: str, meanwhile: str):
        super().__init__(message)
        self.meanwhile = meanwhile


def _pending(session: Session, candidate_id: int, *, lock: bool = False) -> MatchCandidate:
    """The candidate, refused unless pending; ``lock``: its row locked and read as committed
    now, for a decision (another user's decision waits, or is seen)."""
    if not lock:
        candidate = get_candidate(session, candidate_id)
    else:
        candidate = locked(session, MatchCandidate, candidate_id)
        if candidate is None:
            raise DecidedMeanwhile(
                f"Match candidate #{candidate_id} is gone: its article was recorded as carrying "
                "the claim, or the claim was matched again, meanwhile; see `claims match`.",
                f"Candidate #{candidate_id} was dropped meanwhile (its article carries the "
                "claim now, or the claim was matched again).",
            )
    if candidate.status != "pending":
        raise DecidedMeanwhile(
            f"Match candidate #{candidate.id} is {candidate.status} already by "
            f"{candidate.decided_by}: nothing to decide.",
            f"Candidate #{candidate.id} was {candidate.status} by {candidate.decided_by} "
            "meanwhile.",
        )
    return candidate


def _lock_claim(session: Session, claim_id: int) -> Claim:
    """The claim, its row locked: decisions on its candidates and its matching take turns.

    ``FOR NO KEY UPDATE``, as an edit of the claim locks it: it does not stop the key check
    of an appearance inserted meanwhile (``FOR KEY SHARE``), so ``appearance add`` and an
    import's batches do not wait while a matching ranks the whole index.
    """
    claim = locked(session, Claim, claim_id, key_share=True)
    if claim is None:
        raise NotFound(
            f"No claim with id {claim_id}: another user deleted it meanwhile; "
            "see `claims claim list`."
        )
    return claim


def _decide(
    session: Session,
    candidate: MatchCandidate,
    status: str,
    actor: str,
    appearance_id: int | None,
) -> None:
    candidate.status = status
    candidate.decided_by = actor
    candidate.decided_at = utcnow()
    candidate.appearance_id = appearance_id
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="update",
        entity="match_candidates",
        entity_id=candidate.id,
        before={"status": "pending"},
        after={"status": status, "appearance_id": appearance_id, "score": candidate.score},
    )


def _occurrence(text: str, quote: str, start: int) -> int | None:
    """Which occurrence of ``quote`` starts at ``start``, when it occurs more than once."""
    total = count_occurrences(text, quote)
    if total <= 1:
        return None
    for occurrence in range(1, total + 1):
        if find_quotation(text, quote, occurrence=occurrence).start == start:
            return occurrence
    return None


def article_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Article)) or 0
