"""People a story names once and then calls by their role or their age.

Copy introduces a person with what they are beside the name, "Celebrity chef Dominic
Ferraro" or "Harold Emsley, the chancellor of Westbrook University", or with their age,
"Danny Whelan, 39,", and from then on may write "the chef", "the chancellor", "the
39-year-old". Where the story set exactly one name beside the word, that is whom the word
means; a claim is read alone, and a source is a person, so both name them.
"""

from __future__ import annotations

import re

_NOT_A_NAME_START = frozenset({"The", "A", "An", "In", "At", "On", "By", "For", "But", "And"})


# What a story calls a person it named with the word beside the name: "the chef" of
# "Celebrity chef Dominic Ferraro", "the chancellor" of "Harold Emsley, the chancellor of
# Westbrook University". Roles one person holds in a story, not "the official" or "the
# spokesman", of whom a story quotes several without saying so.
PERSON_ROLES = (
    "chief executive", "prime minister", "head coach", "police chief", "fire chief",
    "chief constable", "chef", "chancellor", "minister", "mayor", "governor", "president",
    "ambassador",
    "coach", "manager", "judge", "singer", "actor", "actress", "striker", "captain",
    "senator", "professor", "author", "novelist", "artist", "designer", "founder",
    "chairman", "chairwoman", "prosecutor", "surgeon", "scientist", "economist", "bishop",
    "cardinal", "pilot", "rapper", "presenter", "broadcaster", "comedian", "footballer",
    "goalkeeper", "midfielder", "defender", "athlete", "sprinter", "boxer", "cyclist",
    "swimmer", "tycoon", "billionaire", "businessman", "businesswoman", "entrepreneur",
    "headteacher", "principal", "archbishop", "commissioner", "treasurer", "magnate",
    "councilman", "councilwoman", "councillor", "alderman", "congressman", "congresswoman",
    "secretary",
)  # fmt: skip
_FULL_NAME = r"[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){1,2}"
# What makes a role another one: "Vice President", "former minister", "deputy mayor".
_ANOTHER_ROLE = re.compile(
    r"(?i:vice|deputy|former|acting|assistant|shadow|ex|late|associate)[ \t-]*$"
)
_HONORIFICS = frozenset({"Professor", "Prof", "Dr", "Mr", "Mrs", "Ms", "Sir", "Dame", "Lord"})


def _people_with_role(text: str, role: str) -> set[str]:
    """The full names ``text`` sets beside ``role``: before the name ("chef Dominic
    Ferraro", "Trade Minister Elena Vasko") or after it ("Harold Emsley, the chancellor of
    …", "The chancellor of Westbrook University, Harold Emsley,")."""
    word = r"[ \t]+".join(rf"[{part[0].upper()}{part[0]}]{part[1:]}" for part in role.split())
    patterns = (
        # (the name ends where the capitals do: not "President Obama Speech On …")
        rf"(?<![\w-]){word}[ \t]+({_FULL_NAME})(?![\w-])(?![ \t]+[A-Z])",
        rf"({_FULL_NAME}),[ \t]+(?:a|an|the|[A-Z][\w-]*['\u2019]s)[ \t]+"
        rf"(?:[\w'\u2019-]+[ \t]+){{0,3}}?{word}\b",
        # "The chancellor of Westbrook University, Harold Emsley,", "the company's chief
        # executive, Martin Lyle,", "Brantwell's chief executive, Martin Lyle,"
        rf"(?:[Tt]he[ \t]+(?:[a-z-]+(?:['\u2019]s)?[ \t]+){{0,2}}|[A-Z][\w-]*['\u2019]s[ \t]+)"
        rf"{word}(?:[ \t]+(?:of|at|for)[ \t]+[^,.;]{{1,60}})?,[ \t]+({_FULL_NAME}),",
    )
    names = set()
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            if _ANOTHER_ROLE.search(text, max(0, match.start() - 12), match.start()):
                continue  # "Vice President Joe Biden" is not "the president"
            words = match[1].split()
            while words and words[0] in _HONORIFICS | _NOT_A_NAME_START:
                words = words[1:]
            if len(words) >= 2 and not words[-1].endswith(("'s", "\u2019s")):
                names.add(" ".join(words))
    # "Ferraro" named again in full is one person, not two; and a surname is no word the
    # text writes in lower case too: "President Obama Speech at …", a caption, names no one
    # "Speech" where "the speech reflected" is about one
    return {
        n
        for n in names
        if not any(o != n and o.endswith(f" {n}") for o in names)
        and not re.search(rf"(?<![\w-]){re.escape(n.split()[-1].lower())}(?![\w-])", text)
    }


def people_called(text: str, word: str) -> set[str]:
    """The full names ``text`` sets beside ``word``: a role ("chef") or an age
    ("39-year-old")."""
    age = re.fullmatch(r"(\d{1,3})-year-old", word)
    return _people_of_age(text, age[1]) if age else _people_with_role(text, word)


def _people_of_age(text: str, age: str) -> set[str]:
    """ "Danny Whelan, 39," or "39-year-old Danny Whelan" or "Danny Whelan, a 39-year-old
    …": the people the text gives that age."""
    patterns = (
        rf"({_FULL_NAME}),[ \t]+{age}[,.;)]",
        rf"(?<![\w-]){age}-year-old[ \t]+(?:[a-z-]+[ \t]+){{0,2}}({_FULL_NAME})(?![\w-])",
        rf"({_FULL_NAME}),[ \t]+an?[ \t]+{age}-year-old\b",
    )
    return _full_names(text, patterns)


_TITLE_ABBREVIATIONS = r"(?:Sen|Rep|Gov|Lt|Atty|Gen)\.|Senator|Governor|Representative"


def people_of_place(text: str, place: str) -> set[str]:
    """The full names ``text`` sets beside a state or country: "Former Ohio governor Richard
    Calder", "Ohio Sen. Ann Ruiz", "Ann Ruiz, a senator from Ohio", "Ann Ruiz (R-Ohio)"; so
    that "the Ohio Republican" is that person."""
    where = r"[ \t]+".join(re.escape(word) for word in place.split())
    patterns = (
        # "Ohio governor Richard Calder", "Ohio Sen. Ann Ruiz", "Ohio state Rep. Jo Lee":
        # what they are, in lower case or a title's abbreviation (not "Texas Power
        # Coordination Board", a body)
        rf"(?<![\w-]){where}[ \t]+(?:(?:[a-z-]+|{_TITLE_ABBREVIATIONS})[ \t]+){{1,2}}?"
        rf"({_FULL_NAME})(?![\w-])",
        rf"({_FULL_NAME}),[ \t]+(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:from|of)[ \t]+"
        rf"{where}\b",
        rf"({_FULL_NAME})[ \t]+\([RD]-{where}\)",
    )
    return _full_names(text, patterns)


def _full_names(text: str, patterns: tuple[str, ...]) -> set[str]:
    """The names of two words or more that the patterns' first group finds, without an
    honorific or a sentence's opening word before them; a surname alone ("Whelan") is the
    full name it ends ("Danny Whelan"), not another person."""
    names = set()
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            words = match[1].split()
            while words and words[0] in _HONORIFICS | _NOT_A_NAME_START:
                words = words[1:]
            if len(words) >= 2:
                names.add(" ".join(words))
    return {n for n in names if not any(o != n and o.endswith(f" {n}") for o in names)}
