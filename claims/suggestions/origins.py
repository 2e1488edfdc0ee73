"""What the article says of where its text comes from: its origin, and photographs' credits.

A credit ("(Reuters) -", "UNN reports citing Reuters", "— Reuters") proposes the article's
origin when none is recorded: one hop, its evidence in the text as received, since credits
often sit in lines that cleaning cuts. "X reports citing Y" credits the article only in its
lead, on a line of its own, or with the publisher as X; a body sentence citing Y through
another outlet is that sentence's attribution. A photograph's caption credits the picture, not the
story: what a caption says is the photographer's or agency's (``credited``).
"""

from __future__ import annotations

from typing import NamedTuple

from claims.photo_credits import caption_credit, credited_name
from claims.resolution import Resolver
from claims.suggestions.citation import find_credits
from claims.suggestions.proposal import Proposal, source_hop

CAPTION_CONFIDENCE = 0.5


def origin_proposal(session, article, resolver: Resolver) -> Proposal | None:
    """The article's origin, when it has none and a credit names a source other than itself."""
    if article.origin_id is not None:
        return None
    raw = article.raw_text or article.text
    for credit in find_credits(raw):
        if not credit.framing and resolver.resolve(credit.reporter).source_id != (
            article.publisher_id
        ):
            continue  # another outlet's report cited in the body: that sentence's hop only
        resolution = resolver.resolve(credit.name)
        if not resolution.resolved and credit.written and credit.written != credit.name:
            # "(AP)" in a database that knows the agency as "AP" only, not by its full name.
            written = resolver.resolve(credit.written)
            if written.resolved:
                resolution = written
        if resolution.source_id == article.publisher_id:
            continue
        hop = {
            "cue": credit.cue,
            "surface": credit.written or credit.name,
            "name": resolution.name if resolution.resolved else credit.name,
            "source_id": resolution.source_id,
            "new": not resolution.resolved,
            "why": f"{credit.rule}: {resolution.why}",
            "evidence_start": credit.start,
            "evidence_end": credit.end,
            "in_raw_text": True,
        }
        return Proposal(
            kind="origin",
            sentence=(0, 0),
            claim_text=hop["name"],
            quote=(0, 0),
            quoted=False,
            hops=[hop],
            confidence=round(credit.confidence * (resolution.confidence or 0.6), 2),
            rule=credit.rule,
        )
    return None


class Caption(NamedTuple):
    start: int  # the caption line
    end: int
    credit_start: int  # its credit, at its end
    credit_end: int


def captions(text: str) -> list[Caption]:
    """Each photo caption line that survived cleaning (one a reviewer quoted, or an article
    stored uncleaned), with where its credit stands."""
    found = []
    position = 0
    for line in text.split("\n"):
        credit = caption_credit(line.strip())
        if credit is not None:
            offset = position + len(line) - len(line.lstrip())
            found.append(
                Caption(position, position + len(line), offset + credit[0], offset + credit[1])
            )
        position += len(line) + 1
    return found


def credited(proposal: Proposal, text: str, caption: Caption, resolver: Resolver) -> Proposal:
    """A caption's own statement rests on the picture's credit: its photographer, else
    its agency ("Ng Han Guan [photo]"), as a reviewer records it."""
    if proposal.hops:
        return proposal  # the caption quotes somebody: that attribution stands
    credit = text[caption.credit_start : caption.credit_end]
    name = credited_name(credit)
    if name is None:
        return proposal
    start = caption.credit_start + credit.find(name)
    hop = source_hop("photo", None, (start, start + len(name)), resolver.resolve(name))
    if hop is None:
        return proposal
    hop["why"] = f"the photo credit {credit.strip()!r}: {hop['why']}"
    proposal.hops = [hop]
    proposal.rule = "photo caption"
    proposal.confidence = CAPTION_CONFIDENCE
    return proposal
