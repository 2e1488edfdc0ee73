"""Why a match candidate must wait for a person: the rules ``--accept-auto`` holds by.

A score says how much of the claim a passage's words state; these rules read what the
score cannot. A passage whose negation differs from the claim's ("did not resign" for
"resigned") may state its opposite (``negation_differs``); one that lacks a word of the
claim (``lacking``) may say another thing of the same actor ("rejected documents" for
"signed documents"); one that reaches *auto* only by repeating a quotation that states the
claim less surely on its own may repeat a phrase of another story (``vouched``); one whose
sentence takes back what it states, by a denial, a hedge, another actor or the claim's
names in other roles, would record a denial as the claim (``context``); and one whose chain
names a description ("his office said") has no source only a person can name.
``held_reasons`` gives them all, joined, for the person who decides.

Computed when asked rather than stored, so a claim edited since is read as it is now.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy.orm import Session

from claims.models import MatchCandidate
from claims.services.matching import (
    Thresholds,
    about,
    best_wording,
    preview_chain,
    wordings,
)


def vouched(candidate: MatchCandidate) -> tuple[float, str | None]:
    """How surely the candidate's passage states the claim through a wording that states it
    on its own, and the wording the passage scores best for when that is a quotation.

    A passage repeating a quotation scores what ``carries`` gives it against the quotation,
    which is how a rewrite of the same report is found. But the quotation was recorded as
    carrying the claim in its article, with the words around it; alone, it may state the
    claim less surely ("will not allow water rationing" says nothing of Madrid), and the
    chain passage → quotation → claim is no stronger than its weaker link. So through a
    quotation a passage is vouched for at most ``carries(claim, quotation)``; through the
    claim's own text, at its score.
    """
    from claims.similarity import carries

    claim = candidate.claim.text
    passage = candidate.article.text[candidate.passage_start : candidate.passage_end]
    best, top, quotation = 0.0, 0.0, None
    for text in wordings(candidate.claim):
        if not about(text, passage):
            continue
        value = carries(text, passage)
        if value > top:
            top, quotation = value, (None if text == claim else text)
        best = max(best, min(value, 1.0 if text == claim else carries(claim, text)))
    return best, quotation


def negation_differs(candidate: MatchCandidate) -> bool:
    """Whether the candidate's passage negates what the claim states, or the reverse.

    Read against the wording the passage scores best for, as it was ranked; computed when
    asked rather than stored, so a claim edited since is read as it is now.
    """
    from claims.similarity import negation_differs as differs

    text = candidate.article.text[candidate.passage_start : candidate.passage_end]
    _, wording = best_wording(text, wordings(candidate.claim))
    return differs(wording or candidate.claim.text, text)


def lacking(candidate: MatchCandidate) -> list[str]:
    """The claim's words its passage does not state (``claims.similarity.missing_words``).

    Read against the claim's own text, not the quotation the passage may have been found
    through: a quotation states the claim with the words around it in its article, and
    what is accepted unseen must state the claim alone.
    """
    from claims.similarity import missing_words

    text = candidate.article.text[candidate.passage_start : candidate.passage_end]
    return missing_words(candidate.claim.text, text)


def held_reasons(session: Session, candidate: MatchCandidate, thresholds: Thresholds) -> str | None:
    """Why the candidate must not be accepted unseen, every reason joined, or None.

    A passage whose negation differs from the claim's may state its opposite; one that
    reaches *auto* only through a quotation that states the claim less surely on its own
    (``vouched``) may repeat a phrase in another story; one that lacks a word of the claim
    (``lacking``) may say another thing of the same actor and topic ("rejected documents"
    for "signed documents": ``carries`` 0.99), or the claim in words of its own, which a
    person tells apart and the scorer does not; a chain that names a description
    ("his office said") has no source to record it under that only a person can name, and
    recording it without that hop would make the outlet the speaker. And the words around
    the passage may take back what it says (``context``): a denial, recorded unseen,
    becomes an appearance with the denier as its speaker. All reasons are given, for the
    person who decides.
    """
    negated = negation_differs(candidate)
    reasons = cautions(session, candidate, negated=negated)
    value, quotation = vouched(candidate)
    if round(value, 6) < thresholds.auto:
        if quotation is None:
            score = f"the claim as it reads now carries the passage at {value:.2f} only"
        else:
            score = (
                f"it scores by repeating the quotation {quotation!r}, which states the claim "
                f"less surely on its own: {value:.2f}"
            )
        reasons.insert(1 if negated else 0, score)
    return "; ".join(reasons) or None


def cautions(
    session: Session,
    candidate: MatchCandidate,
    *,
    negated: bool | None = None,
    preview=None,
) -> list[str]:
    """What a person deciding the candidate must see, whatever its score: the reasons
    ``held_reasons`` gives but the score's (a review shows every candidate, above *auto*
    or not)."""
    reasons = []
    if negation_differs(candidate) if negated is None else negated:
        reasons.append("the passage's negation differs from the claim's")
    words = lacking(candidate)
    if words:
        reason = f"the passage lacks the claim's word(s) {', '.join(map(repr, words))}"
        numbers = _other_numbers(candidate)
        if numbers and any(_NUMBER.search(word) for word in words):
            reason += f" (it has {', '.join(map(repr, numbers))})"
        reasons.append(reason)
    if owned := _owned(candidate):
        reasons.append(
            f"the passage gives {', '.join(map(repr, owned))}, someone or something of the "
            "claim's name rather than its bearer"
        )
    if units := _other_units(candidate):
        reasons.append(
            f"the passage gives {', '.join(map(repr, units[1]))} where the claim has "
            f"{', '.join(map(repr, units[0]))}"
        )
    if preview is None:
        preview = preview_chain(session, candidate.id)
    if preview.descriptions:
        reasons.append(
            f"its chain names {', '.join(map(repr, preview.descriptions))}, a description "
            "rather than a source's name"
        )
    reasons += context(candidate, [hop.cue for hop in preview.stated if hop.cue])
    return reasons


# A number as copy writes it, its percent sign too: "10%" differs from "5%", not "10".
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")


def _other_numbers(candidate: MatchCandidate) -> list[str]:
    """The passage's numbers the claim does not have, as the passage writes them."""
    claim = set(_NUMBER.findall(candidate.claim.text))
    passage = _passage(candidate)
    return list(dict.fromkeys(n for n in _NUMBER.findall(passage) if n not in claim))


# An amount with its currency or percent sign, however copy writes them: "$2", "USD 2",
# "2 billion dollars", "€2", "2 euros", "5%", "5 percent", "5 pct". The words compared leave
# signs out, so "$2 billion" and "€2 billion" read the same without this.
_SIGNS = {
    "$": "$", "usd": "$", "dollar": "$", "dollars": "$",
    "\u20ac": "\u20ac", "eur": "\u20ac", "euro": "\u20ac", "euros": "\u20ac",
    "\u00a3": "\u00a3", "gbp": "\u00a3", "pound": "\u00a3", "pounds": "\u00a3",
    "\u00a5": "\u00a5", "jpy": "\u00a5", "yen": "\u00a5",
    "cny": "CNY", "yuan": "CNY", "renminbi": "CNY",
    "\u20bd": "\u20bd", "rub": "\u20bd", "rouble": "\u20bd", "roubles": "\u20bd",
    "ruble": "\u20bd", "rubles": "\u20bd",
    "\u20b9": "\u20b9", "inr": "\u20b9", "rupee": "\u20b9", "rupees": "\u20b9",
    "%": "%", "percent": "%", "pct": "%",
}  # fmt: skip
_BEFORE = r"(?:([$\u20ac\u00a3\u00a5\u20bd\u20b9])|\b(USD|EUR|GBP|JPY|CNY|RUB|INR)\s?)?"
_NUMBER_AT = r"(\d+(?:[.,]\d+)*)"
_AFTER = (
    r"(?:\s?(%)|(?:\s+(?:million|billion|trillion|bn|mn|m))?\s*"
    r"(?:\b(per\s?cent|percent|pct|dollars?|euros?|pounds?|yen|yuan|renminbi|roubles?"
    r"|rubles?|rupees?|USD|EUR|GBP|JPY|CNY|RUB|INR)\b|([$\u20ac\u00a3])))?"
)
_AMOUNT = re.compile(_BEFORE + _NUMBER_AT + _AFTER, re.IGNORECASE)
_GROUPS_OF_THREE = re.compile(r",(?=\d{3}(?!\d))")  # "1,000" is 1000; "1,5" stays


def _amounts(text: str) -> dict[str, set[str]]:
    """Each number of the text and the signs it is written with ("" for none)."""
    found: dict[str, set[str]] = {}
    for match in _AMOUNT.finditer(text):
        symbol, code, number, percent, word, after = match.groups()
        given = symbol or code or percent or word or after or ""
        sign = _SIGNS.get(re.sub(r"\s", "", given.lower()), "")  # "per cent" is "percent"
        found.setdefault(_GROUPS_OF_THREE.sub("", number), set()).add(sign)
    return found


def _other_units(candidate: MatchCandidate) -> tuple[list[str], list[str]] | None:
    """The claim's amounts the passage gives with another currency or percent sign, or none,
    as (the claim's, the passage's); None when every signed amount it shares is alike."""
    claim, passage = _amounts(candidate.claim.text), _amounts(_passage(candidate))
    ours, theirs = [], []
    for number, signs in claim.items():
        signed, given = signs - {""}, passage.get(number)
        if not signed or given is None or signed & given:
            continue
        ours += sorted(_written(number, sign) for sign in signed)
        theirs += sorted(_written(number, sign) for sign in (given - {""}) or given)
    return (ours, theirs) if ours else None


def _written(number: str, sign: str) -> str:
    return (
        f"{number}%"
        if sign == "%"
        else f"{sign}{number}"
        if len(sign) == 1
        else (f"{number} {sign}" if sign else number)
    )


# A name and what is its: "Pinter's deputy", "Orban's government".
_POSSESSED = re.compile(r"\b([A-Z][\w-]*)['\u2019]s\s+([a-z][\w-]*)")


def _owned(candidate: MatchCandidate) -> list[str]:
    """What the passage says is a claim's name's, where the claim names its bearer: "Wang
    met Pinter's deputy" is not "Wang met Pinter", though every word of the claim is there."""
    from claims.passages import _name_words
    from claims.similarity import content_words

    claim = candidate.claim.text
    names = _name_words(claim)
    found = []
    for match in _POSSESSED.finditer(_passage(candidate)):
        name, thing = match.groups()
        if set(content_words(name)) & names and match.group(0) not in claim:
            if not re.search(rf"\b{re.escape(name)}['\u2019]s\b", claim):
                found.append(f"{name}'s {thing}")
    return found


def _passage(candidate: MatchCandidate) -> str:
    return candidate.article.text[candidate.passage_start : candidate.passage_end]


def context(candidate: MatchCandidate, cues: Iterable[str] = ()) -> list[str]:
    """What the passage's sentence says of it that the claim does not, as reasons to hold it.

    Read in the sentence(s) holding the passage (``claims.passages``): a denial there, or in
    the cue of the chain that attributes it ("denied", "untrue", "a claim he called fake");
    a hedge governing it ("may", "would have") the claim lacks; a name standing where the
    claim's actor should ("Uganda, like Kenya, will ..."); or the claim's names in other
    roles ("Zambia sent ... to the WHO" for "the WHO sent ... to Zambia").
    """
    from claims.passages import (
        denials,
        denying_words,
        hedges_added,
        names_reordered,
        other_actor,
    )
    from claims.sentences import split_sentences

    claim = candidate.claim.text
    text = candidate.article.text
    start, end = candidate.passage_start, candidate.passage_end
    around = [s for s in split_sentences(text) if s.end > start and s.start < end]
    first = min([s.start for s in around], default=start)
    last = max([s.end for s in around], default=end)
    sentence = text[first:last]
    reasons = []
    lexicon = denying_words()
    denied = denials(claim, sentence)
    denied += [c for c in cues if set(c.casefold().split()) & lexicon and c not in denied]
    if denied:
        reasons.append(f"its sentence denies or disputes it ({', '.join(map(repr, denied))})")
    hedged = hedges_added(claim, text[first:end])
    if hedged:
        reasons.append(f"it hedges what the claim states ({', '.join(map(repr, hedged))})")
    other = other_actor(claim, sentence, start - first, end - first)
    if other is not None:
        reasons.append(f"its sentence names {other!r} where the claim names its actor")
    if names_reordered(claim, sentence[: end - first]):
        reasons.append("it names the claim's names in another order: their roles may differ")
    return reasons
