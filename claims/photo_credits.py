"""The shape of a photo credit, so a caption can be told from article text by how it ends.

News pages print a picture's caption as a line of its own and end it with a credit:
"... Jan. 30, 2024. Ng Han Guan/Pool via REUTERS", "(AP Photo/Jane Doe)", "Photograph:
Dan Kitwood/Getty Images", "EPA-EFE/SEDAT SUNA". Article text names the same agencies
("Reuters reported", "obtained via Reuters", "a Reuters/Ipsos poll found"), so a word list
would cut prose. What prose does not do is end a line with a credit's shape: a name and an
agency joined by a slash, "via" and an agency in capitals, a label such as "Photo:", or a
credit in parentheses, standing alone or after the caption's last sentence has ended. Only
those shapes count, and agencies are spelled as they credit themselves, case included.
"""

from __future__ import annotations

import re

# A word of a name: a capital first (any non-ASCII letter passes: "Ébert", "Šimon").
_WORD = r"[^\W\d_a-z][\w.'\u2019-]*"
_PARTICLE = r"(?:de|da|do|dos|du|van|von|der|den|del|della|di|la|le|al|el|bin|ibn)"
_NAME = rf"{_WORD}(?: (?:{_PARTICLE} )?{_WORD}){{0,4}}"
# A person's name as credits and bylines print it, for the byline and credit-line rules
# of claims/cleaning.py: one idea of a name, so a byline and a photo credit agree on it.
NAME = _NAME
# Who credits pictures, as they spell themselves in a credit (case matters: "REUTERS").
_AGENCY = (
    r"(?:REUTERS|Reuters|AFP|AP|EPA-EFE|EPA|EFE|XINHUA|Xinhua|Getty Images|Getty|Bloomberg"
    r"|Anadolu(?: Agency)?|TASS|Sputnik|RIA Novosti|Kyodo|Yonhap|KCNA|AAP|PA Images|PA Wire|PA"
    r"|dpa|DPA|ANP|ANSA|MTI|PAP|NurPhoto|SOPA Images|LightRocket|ZUMA Wire|ZUMA Press|ZUMA"
    r"|SIPA|Sipa|Shutterstock|Alamy|Abaca|Redux|Imago|IMAGO|WireImage|Pool|Handout"
    r"|(?:The )?Guardian|(?:The )?Observer|(?:The )?New York Times|NYT|UNIAN|Ukrinform)"
)
# Agencies whose credit puts the photographer after the slash: "REUTERS/Jane Doe". Title
# case "Reuters/..." is left out, since prose writes "a Reuters/Ipsos poll".
_AGENCY_FIRST = (
    r"(?:REUTERS|EPA-EFE|EPA|EFE|XINHUA|Xinhua|ANP|TASS|KCNA"
    r"|(?:AP|AFP|EPA|Reuters|REUTERS|Xinhua|Anadolu) (?i:photo))"
)
# "via" closes a credit only before an agency in capitals (or Getty Images).
_VIA = r"(?: via (?:REUTERS|AFP|AP|EPA|XINHUA|Getty Images|ZUMA Wire|ZUMA Press))"
_SLASH = r" ?/ ?"
_SLASHED = (
    rf"(?:(?:{_NAME}{_SLASH}){{1,3}}{_AGENCY}(?:{_SLASH}{_NAME}){{0,3}}"
    rf"|{_AGENCY_FIRST}(?:{_SLASH}{_NAME}){{1,3}})"
)
_LABEL = r"(?i:photo(?:graph)?s?(?: credit)?|pictures?|images?(?: credit)?|credit|illustration)"
# What follows a label or "Photo by": names joined as credits join them.
_CREDITED = rf"(?:{_NAME}|{_SLASHED})(?:(?: for (?:the )?| and | & |, ){_NAME}){{0,3}}{_VIA}?"
_FILE = r"(?:, (?i:file))?"
# A credit on its own, with nothing of the caption before it.
CREDIT = (
    rf"(?:{_SLASHED}{_VIA}?{_FILE}"
    rf"|{_NAME}{_VIA}{_FILE}"
    rf"|{_LABEL} ?: ?{_CREDITED}{_FILE}"
    rf"|(?i:photo(?:graph)?s? by) {_CREDITED}(?: on [A-Z]\w+)?{_FILE}"
    r"|(?i:file photo)|Getty Images)"
)
# In parentheses (or brackets) a credit may say more: "(Photo by Jane Doe/AFP via Getty
# Images)", "[File: Jane Doe/Reuters]".
_PARENTHESISED = (
    r"[(\[](?:(?:AP|AFP|Reuters|EPA)?\s*Photos?/[^()\[\]]{1,80}"
    r"|(?i:(?:photo|image|picture|credit|file)s?\s*:|photo(?:graph)?s? by |file photo\b)"
    r"[^()\[\]]{0,120}"
    rf"|{CREDIT})[)\]]"
)
# Where a caption's own words may end before the credit: its last sentence closed, or a
# bar or dash set off by spaces.
_CAPTION_END = r"(?:[.!?)\]\"\u201d\u2019]\s+|\s+[|\u2013\u2014-]\s+)"

# "By Jane Doe/Reuters" is a byline, whose rule comes later.
_NOT_BYLINE = r"(?!(?i:by|written by|reported by|reporting by|editing by)\s)"

_LABELLED = (  # a labelled caption
    r"(?i:(?:photo(?:graph)?s?|images?|pictures?|pictured|caption|file photo)"
    r"(?: credit)?\s*[:|]).{0,400}"
)
_ENDS_PARENTHESISED = rf".{{0,600}}?{_PARENTHESISED}"  # ... (AP Photo/Jane Doe)
# ... 2024. Jane Doe/Pool via REUTERS
_ENDS_CREDITED = rf"(?:.{{10,600}}?{_CAPTION_END}|{_NOT_BYLINE}){CREDIT}"
CAPTION_LINE = re.compile(rf"^(?:{_LABELLED}|{_ENDS_PARENTHESISED}|{_ENDS_CREDITED})\.?$")
# CAPTION_LINE a branch at a time, for claims/cleaning.py: a line matches CAPTION_LINE exactly
# when it matches one of these, and each branch has its own cheap test that most lines fail.
LABELLED_CAPTION = re.compile(rf"^(?:{_LABELLED})\.?$")
PARENTHESISED_CAPTION = re.compile(rf"^(?:{_ENDS_PARENTHESISED})\.?$")
CREDITED_CAPTION = re.compile(rf"^(?:{_ENDS_CREDITED})\.?$")
# A stripped line PARENTHESISED_CAPTION matches ends as _PARENTHESISED does, with ")" or
# "]", and at most one "." after it.
PARENTHESISED_ENDS = (")", "]", ").", "].")
# Words (lower case) of which a line CREDITED_CAPTION matches holds one, since CREDIT does,
# branch by branch: a slashed credit its "/"; a name and _VIA " via "; a label its word
# ("Getty Images" holds "image"); "photo by" and "file photo" hold "photo". Most prose has
# none; the rest ("obtained via Reuters", "a Reuters/Ipsos poll") is only tried.
CREDIT_WORDS = ("/", " via ", "photo", "picture", "image", "credit", "illustration")
CREDIT_LINE = re.compile(rf"^(?:{_NOT_BYLINE}{CREDIT}|{_PARENTHESISED})\.?$")
# Words a caption line holds at least one of (lower case), to skip the pattern on most lines.
NEEDED = ("photo", "image", "picture", "caption", "credit", "illustration", "file", "/", "via ")
# The credit that ends a caption line, after the caption's own words (or the whole line).
_TAIL = re.compile(rf"(?:^|{_CAPTION_END})(?P<credit>{_NOT_BYLINE}{CREDIT}|{_PARENTHESISED})\.?$")
_LEAD = re.compile(
    r"^[(\[]?(?i:photo(?:graph)?s? by|(?:photo(?:graph)?|image|picture|credit|file)s?\s*:)\s*"
)
_NOT_A_PERSON = re.compile(
    rf"^(?:{_AGENCY}|{_AGENCY_FIRST}|{_LABEL}|(?i:file(?: photo)?|staff|pool|handout))$"
)


def caption_credit(line: str) -> tuple[int, int] | None:
    """Where, in a caption line (``CAPTION_LINE``), the credit that ends it stands."""
    if not any(word in line.lower() for word in NEEDED) or not CAPTION_LINE.match(line):
        return None
    tail = _TAIL.search(line)
    return tail.span("credit") if tail else None


def credited_name(credit: str) -> str | None:
    """Whom a credit names for the picture: the photographer ("Ng Han Guan/Pool via
    REUTERS", "(AP Photo/Jane Doe)"), else the agency ("Handout via REUTERS")."""
    body = _LEAD.sub("", credit.strip().strip("()[]").strip())
    parts = [p.strip(" .,") for p in re.split(r"/| via | for (?:the )?|, ", body)]
    parts = [p for p in parts if p]
    people = [p for p in parts if not _NOT_A_PERSON.match(p)]
    if people:
        return people[0]
    agencies = [p for p in parts if re.fullmatch(_AGENCY, p) and p not in ("Pool", "Handout")]
    return agencies[-1] if agencies else None
