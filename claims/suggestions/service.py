"""Stored proposals: compute once, list, and decide (accept, edit, reject, skip).

Proposals live in ``suggestions``, not in ``appearances``: nothing a machine read counts as
recorded until a person accepts it. Computing again is idempotent: a proposal is identified
by its span and chain, so a pending one is not duplicated and a rejected one stays rejected.
Accepting makes a draft claim (or reuses the claim with the same wording) and an appearance
marked ``provenance='proposed'`` with ``accepted_by`` the reviewer; the chain is composed
with the article's origin and publisher like any other.

A passage is recorded once: what is an appearance of the article already, or was accepted
as a proposal, is not proposed again, whatever reading (chain, cue) a later run gives it,
and accepting one proposal closes the other open ones for the same passage (spans sharing
at least half of the shorter, ``same_passage``). A rejection settles one reading: the same
passage with the same cues is not proposed again, another reading of it still is.

Several reviewers may walk one article's proposals at once. A decision locks its proposal's
row and reads it as committed (PostgreSQL; SQLite's writers take turns anyway), so of two
reviewers deciding one proposal the second waits and is told it was decided, by whom; the
proposals a decision closes, and those a new computation drops, are locked and read again
likewise, so neither removes a proposal someone has just decided.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from claims import audit
from claims.chains import StatedHop, parse_chain
from claims.db import locked
from claims.errors import InvalidInput, InvalidTransition, NotFound, UnknownSource
from claims.models import Appearance, Article, Claim, Suggestion, utcnow
from claims.services.articles import get_article
from claims.suggestions.propose import CREDITED
from claims.text import fold_name

DECISIONS = ("accept", "reject", "skip")
OPEN = ("pending", "skipped")
# How like a known spelling (rapidfuzz's plain ratio of folded names) an unknown name must be
# to be refused as a likely typo ("Olaf Schloz", "Reuterz", "Xinhau"). The "Did you mean"
# list (``sources.close_names``) is looser, and also offers a longer name holding the words
# ("Wang" for "Wang Xiaohong"): refusing at that level would refuse a genuinely new name
# ("EU" beside "EU Commission") with nothing to correct.
TYPO_SCORE = 80


class AlreadyDecided(InvalidTransition):
    """Nothing is left to decide: someone decided the proposal, or recorded its passage as
    an appearance of the claim, after it was listed. A review walk passes it on."""


@dataclass
class Decision:
    """A decided proposal, and the other open proposals for its quotation span it closed."""

    suggestion: Suggestion
    superseded: list[int] = field(default_factory=list)


def compute_suggestions(
    session: Session, article_id: int, *, actor: str, progress=None
) -> list[Suggestion]:
    """Propose for the article, store what is new, and return every proposal it has.

    Decided proposals are kept whatever happens; a pending one the proposer no longer makes
    is dropped, so the list follows the sources and origin known now. A passage that is
    recorded (an appearance, an accepted proposal, at the same span or one sharing most of
    it) gets no proposal again, and a rejected reading of a passage (its cues) is not
    proposed again either, whatever its chain: the key holds the chain, which changes when a
    source it proposed is created, so the key alone would bring a decided passage back.
    """
    from claims.suggestions.propose import propose

    article = get_article(session, article_id)
    # Read first, and only then lock: reading the article takes the tagger a while, and
    # reviewers' decisions wait for the locked rows meanwhile.
    made = propose(session, article, progress=progress)
    # Locked and read as committed now: a decision made while the article was read is
    # seen (a proposal accepted meanwhile is not dropped as no longer made), and one in
    # progress is waited for.
    rows = list(
        session.scalars(
            select(Suggestion)
            .where(Suggestion.article_id == article.id)
            .order_by(Suggestion.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )
    decided = _decided_spans(session, article.id, rows)
    rejected = [(_span(row), _cues(row.chain)) for row in rows if row.status == "rejected"]
    proposals = [
        proposal
        for proposal in made
        if proposal.kind != "claim"
        or not (
            any(same_passage(proposal.quote, span) for span in decided)
            or any(
                same_passage(proposal.quote, span) and _cues(proposal.hops) == cues
                for span, cues in rejected
            )
        )
    ]
    current = {proposal.key: proposal for proposal in proposals}
    stored = {row.key for row in rows}
    known = set()
    for row in rows:
        if row.status == "skipped" and row.kind == "claim" and row.key not in current:
            # Put off by a reviewer, then read anew (a source it named was created since):
            # the same passage and cues are the same proposal, brought up to date in place,
            # still put off, rather than listed again beside it as a new one.
            fresh = next(
                (
                    proposal
                    for proposal in proposals
                    if proposal.kind == "claim"
                    and proposal.key not in stored
                    and same_passage(proposal.quote, _span(row))
                    and _cues(proposal.hops) == _cues(row.chain)
                ),
                None,
            )
            if fresh is not None:
                stored.add(fresh.key)
                _refresh(row, fresh, article.text)
        if (
            row.status in OPEN
            and row.kind == "claim"
            and any(same_passage(_span(row), span) for span in decided)
        ):
            # Its passage was decided through another reading of it: nothing left to review.
            session.delete(row)
        elif row.status == "pending" and row.key not in current:
            # Nobody decided it and the proposer no longer makes it (a source or the
            # article's origin was added since): superseded, not a decision to keep.
            session.delete(row)
        else:
            known.add(row.key)
            if row.status == "pending" and row.key in current:
                # Nobody has touched it: it reads as the proposer reads it now (a claim's
                # wording or confidence may change with the tool, the passage and chain not).
                _refresh(row, current[row.key], article.text)
            if row.kind == "claim" and row.status in OPEN:
                # Stored before the display and the appearance agreed on what is quoted.
                row.quoted = quoted_in(article.text, row.quote_start, row.quote_end)
    for proposal in proposals:
        key = proposal.key
        if key in known:
            continue
        known.add(key)
        row = Suggestion(
            article_id=article.id,
            kind=proposal.kind,
            key=key,
            sentence_start=proposal.sentence[0],
            sentence_end=proposal.sentence[1],
            claim_text=proposal.claim_text,
            quote_start=proposal.quote[0],
            quote_end=proposal.quote[1],
            quoted=proposal.kind == "claim" and quoted_in(article.text, *proposal.quote),
            chain=proposal.hops,
            confidence=proposal.confidence,
            rule=proposal.rule,
            status="pending",
            created_by=actor,
        )
        session.add(row)
    session.flush()
    return list_suggestions(session, article.id)


def _refresh(row: Suggestion, proposal, text: str) -> None:
    row.key = proposal.key
    row.sentence_start, row.sentence_end = proposal.sentence
    row.claim_text = proposal.claim_text
    row.quote_start, row.quote_end = proposal.quote
    row.quoted = quoted_in(text, *proposal.quote)
    row.chain = proposal.hops
    row.confidence = proposal.confidence
    row.rule = proposal.rule


def quoted_in(text: str, start: int, end: int) -> bool:
    """Whether the passage is inside quotation marks, as the appearance it would become says.

    The attribution reader's own flag means "a direct quotation" (the whole content between
    marks); the appearance counts a quoted phrase within the passage too, and a proposal
    must show what accepting it stores.
    """
    from claims.anchoring import is_quoted

    return is_quoted(text, start, end)


def _span(row: Suggestion) -> tuple[int, int]:
    return (row.quote_start, row.quote_end)


def same_passage(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two quotation spans that are one passage: they share at least half of the shorter.

    A passage recorded by hand rarely has the proposal's exact ends (a full stop, a
    closing quotation mark); two claims of one sentence do not overlap at all.
    """
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def _cues(hops: list[dict]) -> tuple:
    """A proposal's reading of its passage: the cues of its hops, whoever they name."""
    return tuple(hop.get("cue") for hop in hops)


def _decided_spans(
    session: Session, article_id: int, rows: Iterable[Suggestion]
) -> set[tuple[int, int]]:
    """The article's passages a person has recorded: appearances and accepted proposals.

    A rejection settles one reading of a passage, not the passage: another cue's reading
    of it is still proposed (``compute_suggestions``)."""
    spans = {
        (start, end)
        for start, end in session.execute(
            select(Appearance.quote_start, Appearance.quote_end).where(
                Appearance.article_id == article_id
            )
        )
    }
    spans.update(_span(row) for row in rows if row.kind == "claim" and row.status == "accepted")
    return spans


def list_suggestions(
    session: Session, article_id: int, *, statuses: tuple[str, ...] | None = None
) -> list[Suggestion]:
    get_article(session, article_id)
    query = select(Suggestion).where(Suggestion.article_id == article_id)
    if statuses:
        query = query.where(Suggestion.status.in_(statuses))
    return list(
        session.scalars(
            query.order_by(Suggestion.sentence_start, Suggestion.quote_start, Suggestion.id)
        )
    )


def get_suggestion(session: Session, suggestion_id: int) -> Suggestion:
    row = session.get(Suggestion, suggestion_id)
    if row is None:
        raise NotFound(f"No proposal with id {suggestion_id}: see `claims suggest ARTICLE_ID`.")
    return row


def stated_chain(row: Suggestion, *, by_id: bool = False) -> list[StatedHop]:
    """The proposal's hops as a person would type them: known names, else the proposed one.

    ``by_id``, for accepting: a known source as ``#ID``, which no later spelling (an alias
    another source took, a rename) can make ambiguous.
    """
    return [
        StatedHop(
            f"#{hop['source_id']}" if by_id and hop.get("source_id") else hop["name"],
            hop.get("cue"),
        )
        for hop in row.chain
        if hop.get("name")
    ]


def decide(
    session: Session,
    suggestion_id: int,
    decision: str,
    *,
    actor: str,
    claim_text: str | None = None,
    chain: str | None = None,
    create_sources: Iterable[str] = (),
) -> Decision:
    """Accept (optionally with an edited claim text and chain), reject or skip a proposal.

    Accepting creates the sources the proposal showed as new, and those of an edit only
    when named in ``create_sources`` (see ``sources_to_create``): a mistyped name must not
    become a source, nor a description ("The company") until the reviewer names it.
    Accepting or rejecting settles the quotation span, so the other open proposals for it
    (the same passage read with another cue) are closed as superseded. A proposal decided
    since it was listed is refused with ``AlreadyDecided``, naming who decided it.
    """
    if decision not in DECISIONS:
        raise InvalidInput(f"Unknown decision {decision!r}: use {', '.join(DECISIONS)}.")
    row = _locked(session, suggestion_id)
    if row.status not in OPEN:
        by = f" (by {row.decided_by})" if row.decided_by else ""
        raise AlreadyDecided(
            f"Proposal #{row.id} is {row.status} already{by}: it cannot be decided again."
        )
    before = {"status": row.status}
    if decision == "accept":
        confirmed = {fold_name(name) for name in create_sources}
        unconfirmed = [
            name
            for name in _names_to_create(session, row, claim_text=claim_text, chain=chain)
            if fold_name(name) not in confirmed
        ]
        if unconfirmed:
            listed = ", ".join(repr(name) for name in unconfirmed)
            raise UnknownSource(
                f"No source is called {listed}: confirm creating it, or correct the name."
            )
        if row.kind == "origin":
            _accept_origin(session, row, actor=actor, name=claim_text)
        else:
            _accept_claim(session, row, actor=actor, claim_text=claim_text, chain=chain)
    row.status = {"accept": "accepted", "reject": "rejected", "skip": "skipped"}[decision]
    row.decided_by = actor
    row.decided_at = utcnow()
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="update",
        entity="suggestions",
        entity_id=row.id,
        before=before,
        after={"status": row.status, "appearance_id": row.appearance_id},
    )
    superseded = _supersede(session, row, actor=actor) if decision == "accept" else []
    return Decision(row, superseded)


def _locked(session: Session, suggestion_id: int) -> Suggestion:
    """The proposal's row, locked for a decision and read as committed now: another
    reviewer's decision on it is waited for, then seen, never overwritten."""
    row = locked(session, Suggestion, suggestion_id)
    if row is None:
        raise NotFound(f"No proposal with id {suggestion_id}: see `claims suggest ARTICLE_ID`.")
    return row


def _supersede(session: Session, row: Suggestion, *, actor: str) -> list[int]:
    """Close the article's other open proposals for ``row``'s quotation span.

    They are deleted (the audit log keeps them), as ``compute_suggestions`` drops a pending
    proposal nobody decided; the decided one keeps the span from being proposed again.
    """
    if row.kind != "claim":
        return []
    # Locked, the status read again once a decision in progress on one of them commits:
    # what another reviewer has just decided is not closed.
    siblings = [
        sibling
        for sibling in session.scalars(
            select(Suggestion)
            .where(
                Suggestion.article_id == row.article_id,
                Suggestion.kind == "claim",
                Suggestion.status.in_(OPEN),
                Suggestion.id != row.id,
            )
            .order_by(Suggestion.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        if same_passage(_span(sibling), _span(row))
    ]
    closed = []
    for sibling in siblings:
        audit.record(
            session,
            actor=actor,
            action="delete",
            entity="suggestions",
            entity_id=sibling.id,
            before=audit.snapshot(sibling),
            note=f"superseded: proposal #{row.id} for the same quotation was {row.status}",
        )
        closed.append(sibling.id)
        session.delete(sibling)
    session.flush()
    return closed


def sources_to_create(
    session: Session,
    suggestion_id: int,
    *,
    claim_text: str | None = None,
    chain: str | None = None,
) -> list[str]:
    """The new sources accepting with these edits would create, for the reviewer to confirm.

    Names no source answers to, less those the proposal itself showed as new sources (the
    reviewer saw them marked). A name very like a known spelling is refused with the same
    "Did you mean" as ``appearance add``: it is a typo far more often than a new source. A
    description ("The company") is refused as a new source, and so is the proposal's own
    until the reviewer names it: "The company" of one article is not another's.
    """
    return _names_to_create(
        session, get_suggestion(session, suggestion_id), claim_text=claim_text, chain=chain
    )


def _names_to_create(
    session: Session, row: Suggestion, *, claim_text: str | None, chain: str | None
) -> list[str]:
    from claims.resolution import describes
    from claims.services.sources import find_source

    if row.kind == "origin":
        names = [_origin_name(row, claim_text)]
    else:
        hops = parse_chain(chain) if chain is not None else stated_chain(row, by_id=True)
        names = [hop.name for hop in hops]
    shown_new = {fold_name(hop["name"]) for hop in row.chain if hop.get("new") and hop["name"]}
    surfaces = {fold_name(hop["name"]): hop.get("surface") for hop in row.chain if hop.get("name")}
    described = {fold_name(name) for name in descriptions(row)}
    wanted: dict[str, str] = {}
    for name in names:
        key = fold_name(name)
        if key in described or (
            key not in wanted
            and describes(name, surfaces.get(key))
            and find_source(session, name) is None
        ):
            raise InvalidInput(
                f"{name.strip()!r} describes a source without naming it, and one source of "
                "that name would gather every article's: edit the chain to name whose words "
                "these are, or reject the proposal."
            )
        if key in shown_new or key in wanted or find_source(session, name) is not None:
            continue
        _refuse_lookalike(session, name)
        wanted[key] = " ".join(name.split())
    return list(wanted.values())


def descriptions(row: Suggestion) -> list[str]:
    """The proposal's new sources that describe rather than name ("The company", "a
    government spokesperson"): accepting them as they stand is refused, a reviewer names
    whose words they are (``claims.resolution.is_description``)."""
    from claims.resolution import describes

    return [
        hop["name"]
        for hop in row.chain
        if hop.get("new") and hop.get("name") and describes(hop["name"], hop.get("surface"))
    ]


def _refuse_lookalike(session: Session, name: str) -> None:
    """Raise as ``resolve_source`` does when ``name`` is an unknown spelling of a known one."""
    from rapidfuzz import fuzz

    from claims.services.sources import close_names, resolve_source

    if name.strip().startswith("#") or not fold_name(name):
        resolve_source(session, name)  # "No source #12", or an empty name
    suggestions = close_names(session, name)
    key = fold_name(name)
    # A plain ratio: WRatio scores a name inside a longer one ("EU" in "EU Commission") ~90.
    if any(fuzz.ratio(key, fold_name(known)) >= TYPO_SCORE for known in suggestions):
        raise UnknownSource(
            f"Unknown source {name!r}. Did you mean {' or '.join(map(repr, suggestions))}? "
            "Correct the name, or add the source first with `claims source add`."
        )


def _accept_claim(
    session: Session, row: Suggestion, *, actor: str, claim_text: str | None, chain: str | None
) -> None:
    from claims.anchoring import occurrences
    from claims.errors import AlreadyExists
    from claims.services.appearances import add_appearance
    from claims.services.claims import add_claim, find_claim_by_text
    from claims.text import fold_with_map

    article = session.get(Article, row.article_id)
    text = (claim_text if claim_text is not None else row.claim_text).strip()
    if not text:
        raise InvalidInput("The claim text is empty: give the statement the passage makes.")
    hops = parse_chain(chain) if chain is not None else stated_chain(row, by_id=True)
    try:
        claim = find_claim_by_text(session, text) or add_claim(session, text=text, actor=actor)
    except AlreadyExists as exists:
        # Stored by another user a moment ago, between the look-up and the check: the same
        # wording is the same claim, theirs.
        claim = session.get(Claim, exists.existing_id)
    session.flush()
    quote = article.text[row.quote_start : row.quote_end]
    haystack, index = fold_with_map(article.text)
    needle, _ = fold_with_map(quote)
    starts = [index[found] for found in occurrences(haystack, needle)]
    occurrence = starts.index(row.quote_start) + 1 if row.quote_start in starts else None
    try:
        appearance = add_appearance(
            session,
            claim_id=claim.id,
            article_id=article.id,
            quote=quote,
            actor=actor,
            chain=hops,
            # ``decide`` checked every unknown name: shown as new, or confirmed by the reviewer.
            create_sources=True,
            occurrence=occurrence if len(starts) > 1 else None,
            provenance="proposed",
            accepted_by=actor,
        )
    except AlreadyExists as exists:
        # Recorded since the proposal was listed (by hand, or through another proposal or a
        # match of the passage): that record is its recorder's, not this reviewer's decision.
        recorded = session.get(Appearance, exists.existing_id)
        by = recorded.accepted_by or recorded.created_by
        raise AlreadyDecided(
            f"Proposal #{row.id} needs no decision: its passage was recorded meanwhile "
            f"(by {by}), as appearance #{recorded.id} of claim #{claim.id}."
        ) from None
    row.appearance_id = appearance.id


def _accept_origin(session: Session, row: Suggestion, *, actor: str, name: str | None) -> None:
    from claims.services.sources import get_or_create_source

    article = session.get(Article, row.article_id)
    if article.origin_id is not None:
        raise InvalidTransition(
            f"Article #{article.id} has an origin already ({article.origin.name})."
        )
    hop = row.chain[0]
    # ``decide`` checked the name: known, shown as new, or confirmed by the reviewer.
    source = get_or_create_source(
        session, _origin_name(row, name), actor=actor, create=True, kind="news_agency"
    )
    if source.id == article.publisher_id:
        raise InvalidInput(
            f"{source.name} publishes article #{article.id}: an outlet's own text has no "
            "origin. Name the source it copies or cites, or reject the proposal."
        )
    before = {"origin_id": None, "origin_cue": article.origin_cue}
    article.origin = source
    article.origin_cue = hop.get("cue")
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="update",
        entity="articles",
        entity_id=article.id,
        before=before,
        after={"origin_id": source.id, "origin_cue": article.origin_cue},
        note=f"accepted proposal #{row.id}",
    )


def _origin_name(row: Suggestion, edited: str | None) -> str:
    """The origin an acceptance names: the reviewer's edit, else the proposed source."""
    hop = row.chain[0]
    return (edited or "").strip() or (
        f"#{hop['source_id']}" if hop.get("source_id") else hop["name"]
    )


def chain_for_passage(session: Session, article, start: int, end: int) -> list[StatedHop]:
    """The stated hops the extractor finds for the sentence(s) covering ``[start, end)``.

    Sources come back as their known names where resolved, else as the name a proposal
    offers for a new source (``claims.resolution``: "Finance Minister Matia Kasaija" is
    Matia Kasaija), so accepting a match candidate creates the source ``claims suggest``
    would; the words as written would make one person two sources, one per title. A title
    or description followed by a name set off by a comma ("the Treasury Secretary, Njuguna
    Ndung'u") is that name's (``_apposed``). Of several proposals, the one whose quotation
    overlaps the span most wins, an attributed one before an unattributed one.
    """
    from claims.resolution import Resolver
    from claims.suggestions.propose import propose

    if isinstance(article, int):
        article = get_article(session, article)
    best = None
    best_score = None
    for proposal in propose(session, article, span=(start, end)):
        shared = min(end, proposal.quote[1]) - max(start, proposal.quote[0])
        score = (shared > 0, bool(proposal.hops), shared)
        if best_score is None or score > best_score:
            best, best_score = proposal, score
    if best is None or not best_score[0]:
        return []
    resolver = None
    hops = []
    for hop in best.hops:
        name = hop["name"] if hop.get("source_id") else _apposed(article.text, hop)
        if name is None:
            name = hop["name"] or hop["surface"]
        elif not hop.get("source_id"):
            resolver = resolver or Resolver(session, article)
            known = resolver.resolve(name)
            name = known.name if known.resolved else name
        hops.append(StatedHop(name, hop.get("cue")))
    return hops


# A name set off by a comma: two to four capitalised words ("Njuguna Ndung'u").
_APPOSITIVE = re.compile(r"\s*,\s*((?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]*)(?![\w'’-])")


def _apposed(text: str, hop: dict) -> str | None:
    """The name apposed to an unresolved hop that only titles or describes its source: "the
    Treasury Secretary, Njuguna Ndung'u" names Njuguna Ndung'u, whom the title is of. None
    when the hop names someone itself, or no name follows it."""
    from claims.resolution import TITLES, is_description

    surface = (hop.get("surface") or "").strip(" ,")
    end = hop.get("evidence_end")
    if not surface or end is None:
        return None
    last = re.sub(r"\W", "", surface.split()[-1].lower())
    if not (is_description(surface) or last in TITLES):
        return None
    if text[end - 1 : end] == ",":  # the span kept the comma that sets the name off
        end -= 1
    found = _APPOSITIVE.match(text, end)
    return found.group(1) if found else None


def suggestion_records(session: Session, rows: list[Suggestion], text: str) -> list[dict]:
    """Proposals as shown and exported (``suggestion_record``), each as things stand now: an
    accepted one as it was recorded, in the claim's words and with the chain's stated
    hops (a reviewer may have edited both); a source a proposal showed as new, once it
    exists, as the source it is."""
    from sqlalchemy.orm import selectinload

    from claims.models import ChainHop

    accepted = [row.appearance_id for row in rows if row.status == "accepted" and row.appearance_id]
    appearances = {
        appearance.id: appearance
        for appearance in session.scalars(
            select(Appearance)
            .where(Appearance.id.in_(accepted))
            .options(
                selectinload(Appearance.claim),
                selectinload(Appearance.hops).selectinload(ChainHop.source),
            )
        )
    }
    records = []
    for row in rows:
        appearance = appearances.get(row.appearance_id) if row.status == "accepted" else None
        if appearance is not None:
            chain = _recorded_chain(row, appearance)
            records.append(suggestion_record(row, text, claim=appearance.claim.text, chain=chain))
        else:
            records.append(suggestion_record(row, text, chain=_current_chain(session, row)))
    return records


def _recorded_chain(row: Suggestion, appearance: Appearance) -> list[dict]:
    """The stated hops of the appearance an accepted proposal became, each with the
    proposal's details (its surface, cue span, why) where it is the hop proposed."""
    proposed = [hop for hop in row.chain if hop.get("name")]
    stated = sorted((h for h in appearance.hops if h.role == "stated"), key=lambda h: h.position)
    chain = []
    for index, hop in enumerate(stated):
        before = proposed[index] if index < len(proposed) else {}
        same = before.get("cue") == hop.cue and (
            before.get("source_id") == hop.source_id
            or (before.get("new") and fold_name(before["name"]) == fold_name(hop.source.name))
        )
        chain.append(
            {
                **(before if same else {"surface": None, "why": "as the reviewer stated it"}),
                "name": hop.source.name,
                "source_id": hop.source_id,
                "new": False,
                "cue": hop.cue,
                "evidence_start": hop.evidence_start,
                "evidence_end": hop.evidence_end,
            }
        )
    return chain


def _current_chain(session: Session, row: Suggestion) -> list[dict]:
    """The proposal's hops, a new source that has been created since shown as known."""
    from claims.errors import ClaimsError
    from claims.resolution import describes
    from claims.services.sources import find_source

    chain = []
    for hop in row.chain:
        name = hop.get("name")
        if hop.get("new") and name and not describes(name, hop.get("surface")):
            try:
                source = find_source(session, name)
            except ClaimsError:
                source = None  # a spelling several sources share: still the reviewer's call
            if source is not None:
                hop = {**hop, "name": source.name, "source_id": source.id, "new": False}
        chain.append(hop)
    return chain


def suggestion_record(
    row: Suggestion, text: str, *, claim: str | None = None, chain: list[dict] | None = None
) -> dict:
    """A proposal as shown and exported: its words, spans, chain and where each came from
    (``claim`` and ``chain`` in place of the proposal's own, as ``suggestion_records``
    gives them)."""
    from claims.models import iso
    from claims.resolution import describes

    chain = row.chain if chain is None else chain
    hops = [
        {
            "name": hop.get("name"),
            "source_id": hop.get("source_id"),
            "new_source": bool(hop.get("new")),
            "surface": hop.get("surface"),
            "cue": hop.get("cue"),
            "cue_span": [hop.get("cue_start"), hop.get("cue_end")]
            if hop.get("cue_start") is not None
            else None,
            "evidence_span": [hop.get("evidence_start"), hop.get("evidence_end")]
            if hop.get("evidence_start") is not None
            else None,
            "why": hop.get("why"),
            "description": bool(hop.get("new"))
            and describes(hop.get("name") or "", hop.get("surface")),
        }
        for hop in chain
    ]
    return {
        "id": row.id,
        "article_id": row.article_id,
        "kind": row.kind,
        "status": row.status,
        "confidence": row.confidence,
        "rule": row.rule,
        "sentence": text[row.sentence_start : row.sentence_end] if row.kind == "claim" else None,
        "sentence_span": [row.sentence_start, row.sentence_end],
        "claim": row.claim_text if claim is None else claim,
        "quote": text[row.quote_start : row.quote_end] if row.kind == "claim" else None,
        "quote_span": [row.quote_start, row.quote_end],
        "quoted": quoted_in(text, row.quote_start, row.quote_end)
        if row.kind == "claim"
        else row.quoted,
        "chain": hops,
        "chain_text": _rendered(chain, credit=CREDITED in (row.rule or "")),
        "decided_by": row.decided_by,
        "decided_at": iso(row.decided_at),
        "appearance_id": row.appearance_id,
    }


def _rendered(chain: list[dict], *, credit: bool = False) -> str:
    """``Wang Xiaohong [told @432-440] → Xinhua [said @506-512]`` for reviewers: each hop's
    cue and where the article names its source (the evidence span); new sources marked.

    No hop at all is the article's own statement, or (``credit``) words a cue gives to the
    article's own origin or publisher ("UNN reports citing Reuters that …"): either way
    accepting composes the article's origin and publisher alone, but the reviewer is told
    which reading it is."""
    from claims.chains import ARROW
    from claims.resolution import describes

    parts = []
    for hop in chain:
        name = hop.get("name") or "?"
        if hop.get("new") and describes(name, hop.get("surface")):
            name += " (a description, not a name)"
        elif hop.get("new"):
            name += " (new source)"
        where = (
            f" @{hop['evidence_start']}-{hop['evidence_end']}"
            if hop.get("evidence_start") is not None
            else ""
        )
        cue = hop.get("cue") or ""
        parts.append(
            f"{name} [{cue}{where.lstrip() if not cue else where}]" if cue or where else name
        )
    if parts:
        return ARROW.join(parts)
    return "(the article's own credit)" if credit else "(the article's own statement)"


def stated_chain_text(record: dict) -> str:
    """The chain of a proposal record as a person types it, for the edit prompt."""
    from claims.chains import stated_syntax

    return stated_syntax(
        (hop["name"], hop.get("cue")) for hop in record["chain"] if hop.get("name")
    )
