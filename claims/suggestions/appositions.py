"""Bodies an article names and describes in one breath, for the description said later.

Copy introduces a body with its name and what it is side by side, "Ofwat, the water
regulator, fined …" or "The operator of the canal, Nordvik Waterways, closed …", and from
then on calls it by the description alone: "the regulator said". The apposition is the
article's own statement of whom the description means, surer than any guess from the body
named last (a firm named in between is no regulator). Nothing else in the article need name
the body again, so the link is read here, off the text before the description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A name as printed: capitalised words, with the small words names hold ("Ministry of
# Health", "Maritime and Harbour Workers Union"), "The" only where it opens it.
_NAME = (
    r"(?:The[ \t]+)?[A-Z][\w&'\u2019.-]*"
    r"(?:[ \t]+(?:(?:of|and|for|the|de|du|del|des|la|le)[ \t]+)*[A-Z0-9][\w&'\u2019.-]*){0,5}"
)
# What stands between a description's determiner and its noun: "water", "country's
# largest cinema", "Britain's financial", "state-owned"; no preposition, whose object the
# noun would be ("a meteoriticist at the institute" is no institute).
_MODIFIERS = (  # "a large container", "a 14,000-TEU"
    r"(?:(?!(?:at|of|for|in|with|from|on|by|to)[ \t])(?:\d{1,3}(?:,\d{3})+(?:-[\w]+)?"
    r"|[\w'\u2019-]+)[ \t]+){0,4}?"
)
# What may follow the noun inside the description: "of the canal", "for the region",
# "with the most departures from Kestrup".
_OF_WHAT = (
    r"(?:[ \t]+(?:of|for|in|with|at)[ \t]+(?:the[ \t]+)?[\w'\u2019-]+"
    r"(?:[ \t]+[\w'\u2019-]+){0,5}?"
    # "a campaign group set up after the death of a local teenager in 2019"
    r"|[ \t]+(?:set[ \t]+up|founded|formed|based|created|launched|established|run|owned"
    r"|backed|funded|operated|managed|chartered|registered|built)[ \t]+[^,;.()]{1,90}?"
    # "a cryptocurrency exchange that once claimed more than two million users"
    r"|[ \t]+(?:that|which|whose)[ \t]+[^,;.()]{1,90}?)?"
)
# Nouns that name the same kind of body: "the carrier" is what the text called "the airline".
KINDRED = {
    "carrier": ("airline",),
    "airline": ("carrier",),
    "watchdog": ("regulator",),
    "regulator": ("watchdog",),
}
_OWNER = r"(?:[Tt]he|[Ii]ts|[Tt]heir|[A-Z][\w-]*['\u2019]s)"
# "the", "a", "Britain's", and "one of Brantia's biggest … chains", "once one of the
# fastest-growing … exchanges"
_DETERMINER = (
    rf"(?:(?:once|now|formerly|still)[ \t]+)?(?:{_OWNER}|[Aa]n?|[Oo]ne[ \t]+of[ \t]+{_OWNER})"
)
# Not names, though capitalised where they stand: what opens a sentence or a clause.
_NOT_A_NAME = frozenset(
    {"in", "on", "at", "by", "after", "before", "since", "for", "as", "but", "and", "yet",
     "meanwhile", "however", "earlier", "later", "last", "this", "that", "it", "he", "she",
     "they", "we", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
     "sunday", "today", "yesterday", "separately", "instead", "also"}
)  # fmt: skip


# "The director of the city zoo, Anna Palm,": the zoo's director, not the zoo, is named.
# ("rated by the national weather service, Meteo-Alpes,": a passive's agent is named)
_NOT_AFTER_A_PREPOSITION = "".join(
    rf"(?<!{word}[ \t])" for word in ("of", "at", "for", "in", "with", "from", "on", "to")
)


def _patterns(noun: str) -> tuple[re.Pattern, re.Pattern]:
    """The two orders: the name first ("Ofwat, the water regulator,") and the description
    first ("The operator of the canal, Nordvik Waterways,")."""
    name_first = re.compile(
        rf"(?<![\w'\u2019-])(?P<name>{_NAME}),[ \t]+{_DETERMINER}[ \t]+{_MODIFIERS}"
        rf"(?:{noun})s?{_OF_WHAT}[ \t]*[,;.)]"
    )
    described_first = re.compile(
        rf"(?<![\w'\u2019-]){_NOT_AFTER_A_PREPOSITION}{_DETERMINER}[ \t]+{_MODIFIERS}(?:{noun})"
        rf"{_OF_WHAT},[ \t]+"
        rf"(?:the[ \t]+)?(?P<name>{_NAME})[ \t]*[,;.)]"
    )
    return name_first, described_first


def apposed_names(before: str, nouns: Iterable[str]) -> list[tuple[int, str]]:
    """Where and what names the text before gave side by side with any of ``nouns``, in
    order, without an opening "The"."""
    found: list[tuple[int, str]] = []
    for pattern in _patterns("|".join(sorted(map(re.escape, nouns)))):
        for match in pattern.finditer(before):
            name = re.sub(r"^The[ \t]+", "", match["name"]).rstrip(".")
            first = name.split()[0].lower() if name.split() else ""
            if not name or first in _NOT_A_NAME or name.lower() in nouns:
                continue
            found.append((match.end(), name))
    return sorted(found)


def apposed_name(before: str, noun: str) -> str | None:
    """The name the text before last gave side by side with ``noun`` ("regulator"); None
    when it gave none, or when it has since spoken of another such body ("a group calling
    itself …"), which "the group" may mean instead."""
    nouns = {noun, *KINDRED.get(noun, ())}
    found = apposed_names(before, nouns)
    if not found:
        return None
    end, name = found[-1]
    kinds = "|".join(sorted(map(re.escape, nouns)))
    for later in re.finditer(rf"(?<![\w-])(\w+)[ \t]+(?:{kinds})\b", before[end:]):
        if later[1].lower() != "the":
            return None  # "A group calling itself BlackLantern": another one since
    return name
