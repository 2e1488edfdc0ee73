"""Whose text the whole article is: wire credits and "X reports citing Y".

A wire story republished or rewritten says so in a handful of fixed places: the dateline
("BEIJING (Reuters) -"), a closing credit ("— Reuters", "Source: AFP"), a rewrite's
"UNN reports citing Reuters", a photo credit "via REUTERS". These are read from the text
as received, debris included, since credits often sit in lines that cleaning cuts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"[A-Z][\w&'-]*(?:[ \t]+[A-Z][\w&'-]*){0,3}"

# (rule, confidence, pattern with a "name" group; "cue" group optional)
RULES: list[tuple[str, float, re.Pattern[str]]] = [
    (
        "dateline",
        0.9,
        re.compile(
            r"^[ \t]*[A-Z][A-Za-z .,'-]{0,60}?\((?P<name>" + _NAME + r")\)\s*[-—–]", re.MULTILINE
        ),
    ),
    (
        "reports citing",
        0.85,
        re.compile(
            r"\b" + _NAME + r"\s+(?:reports?|reported|writes|wrote|says|said),?\s+"
            r"(?P<cue>citing|quoting|with reference to|referring to)\s+(?P<name>" + _NAME + r")"
        ),
    ),
    (
        "closing credit",
        0.8,
        re.compile(r"^[ \t]*[-—–]\s*(?P<name>" + _NAME + r")\s*$", re.MULTILINE),
    ),
    (
        "source line",
        0.8,
        re.compile(
            r"^[ \t]*(?:Source|Sources|Via)\s*:\s*(?P<name>" + _NAME + r")\.?\s*$",
            re.MULTILINE | re.IGNORECASE,
        ),
    ),
    (
        "reporting by",
        0.7,
        re.compile(r"\(\s*(?:Reporting|Writing) by [^;)]{1,120}[;)].{0,200}?\b(?P<name>Reuters)\b"),
    ),
    (
        "via credit",
        0.6,
        re.compile(r"\bvia[ \t]+(?P<name>[A-Z]{2,}(?:[ \t]+[A-Z]{2,})?|Getty Images)\b"),
    ),
]
_NOT_AGENCIES = {"getty images", "pool", "file", "ap photo"}


@dataclass(frozen=True)
class Credit:
    """An article-level credit: the name, how it was credited, where, and which rule."""

    name: str
    cue: str
    start: int
    end: int
    rule: str
    confidence: float


def find_credits(text: str) -> list[Credit]:
    """Every credit found, most trusted rule first, then in reading order."""
    credits: list[Credit] = []
    for rule, confidence, pattern in RULES:
        for match in pattern.finditer(text):
            name = match.group("name").strip(" .")
            if name.casefold() in _NOT_AGENCIES:
                continue
            cue = match.groupdict().get("cue") or {
                "dateline": "republished",
                "closing credit": "republished",
                "source line": "via",
                "reporting by": "republished",
                "via credit": "via",
            }.get(rule, "citing")
            credits.append(
                Credit(name, cue, match.start("name"), match.end("name"), rule, confidence)
            )
    return credits
