"""Page debris out of article text at ingest, with a record of every cut and why.

Scraped pages carry what is not the article: repeated headlines, "Article continues after this
advertisement", newsletter and cookie notices, "READ:" teasers, section labels, copyright
lines, photo captions told by their credit, credit lines ("(Reporting by ...; Editing by
...)", "X contributed to this report."), bylines and timestamps (a live blog's "08:45" on
its own line), rules and end marks ("___", "-30-"), a press release's labels and
boilerplate ("FOR IMMEDIATE RELEASE", "Contact: ...", a contact's email address or telephone
number on its own line, the "About X" heading, "For more information, visit ...", "... is
an equal opportunity provider"), editors' notes ("(Translated from the French by
...)"), a publisher's pointer to its standards ("Our Standards: The Thomson Reuters Trust
Principles."). Left in, they become sentences, proposals and matches that
mean nothing. The rules work line by line and are generic news-page rules, each with a reason
name; nothing is cut in the middle of a line except a leading date stamp. A rule knows its
debris by the shape of the whole line (a label, a call to the reader, a notice, a stamp, a
list of names), never by a word alone: articles report on newsletters, cookies and copyright
too, and a line that reports speech is never cut for its words. HTML goes through
trafilatura, a maintained extractor, before these rules.

The raw text is kept beside the cleaned one, and each cut is recorded with its offsets in the
raw text, so ``claims article show ID --removed`` shows exactly what went and why. For an
HTML page the raw text is the text trafilatura extracted (``is_page`` tells the caller so):
an extraction is no set of line cuts, so the page itself is not kept and what it dropped
(menus, banners, captions) is not recorded.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from claims.photo_credits import (
    CAPTION_LINE,
    CREDIT_LINE,
    CREDIT_WORDS,
    CREDITED_CAPTION,
    LABELLED_CAPTION,
    NAME,
    PARENTHESISED_CAPTION,
    PARENTHESISED_ENDS,
)

_CI = re.IGNORECASE

# A line that reports speech is article text, whatever words it holds: "Ofcom said
# subscription cancellations took 45 minutes", "Many told us they could not unsubscribe",
# "The EU said the cookie rules ...". Debris addresses the reader ("Subscribe now", "We use
# cookies") and reports nothing. Every rule that knows debris by its words refuses a line with
# a past-tense reporting verb; teasers' headlines say "says", which passes. Quotation marks
# alone do not count: a sign-up box writes 'click "subscribe"', while quoted speech opens
# its line with the mark, where no rule's opening words can match. A lookahead, placed
# after a rule's opening words where the rule has fixed ones, so most lines never run it.
_NOT_REPORTED = r"(?!.*?\b(?i:said|told|according to|reported|announced|claimed|warned)\b)"
# Date stamps, word by word: a stamp line holds a date and nothing but weekdays, clock times,
# zones and separators, so "Published figures show inflation at 3.1% in 2023" is no stamp.
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\.?"
# Clock times that can be read on a clock: hours 0-23 (1-12 before "am"), minutes 00-59.
_AMPM = r"(?i:am|pm|a\.m\.|p\.m\.)"
_MINUTES = r"[0-5]\d(?::[0-5]\d)?"
_H12 = rf"(?:0?[1-9]|1[0-2])[:.]{_MINUTES}\s*{_AMPM}"
_H24 = r"(?:[01]?\d|2[0-3])"
# In a stamp the date says it is one, so "10.15" is a time there ("19 Feb 2024 - 10.15 GMT").
_CLOCK = rf"(?:{_H12}|{_H24}[:.]{_MINUTES})"
_ZONE = r"(?:(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})"  # capitals: "EST", not "in"
# Zones by name, for a time with nothing else on its line: "12.50 EUR" is a price.
_ZONE_NAME = (
    r"(?:(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|BST|IST|CES?T|EES?T|WES?T|MSK|SAST|WAT"
    r"|EAT|PKT|ICT|WIB|SGT|HKT|JST|KST|AE[SD]T|AC[SD]T|AWST|NZ[SD]T|[ECMP][SD]?T|AK[SD]T|HST)"
)
# A time alone on its line, as a live blog heads its entries: "08:45", "9:05 p.m.",
# "21:30 CET", "8.45am GMT"; with a dot, only a marker tells a time from a figure ("9.11").
_LONE_CLOCK = (
    rf"(?:{_H12}|{_H24}:{_MINUTES}|{_H24}\.{_MINUTES}(?=\s*{_ZONE_NAME}(?!\w)))"
    rf"(?:\s*{_ZONE_NAME}(?!\w)){{0,2}}"
)
# The same time opening a live blog's entry on its first line: "10:42 GMT - Prices rose".
ENTRY_TIME = _LONE_CLOCK
_DAY = r"\d{1,2}(?i:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_MONTH}\s*{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?|\d{1,2}[./]\d{1,2}[./]\d{4})(?!\w)"
)
# Atomic, so "MON" (a weekday, or a zone) is read one way and a long line fails fast.
_STAMP_WORD = rf"(?>{_WEEKDAY}|{_CLOCK}|{_ZONE}|(?i:at|on))(?!\w)"
_STAMP_SEP = r"[\s,|/\u00b7\u2022\u2013\u2014-]*"
_STAMP = rf"(?:{_STAMP_WORD}{_STAMP_SEP})*{_DATE}(?:{_STAMP_SEP}{_STAMP_WORD})*"
_RULE_CHAR = r"[-_#*=~+.\u2013\u2014\u2022\u00b7]"  # what a rule is drawn with: "___", "* * *"
# Names as bylines print them, capitals included: "By contrast, Moscow ..." names no one.
_NAMES = rf"{NAME}(?:\s*(?:,|&|\||\b(?i:and)\b)\s*{NAME})*"
# Reuters-style credits for the story's making: "(Reporting by Jane Doe in Berlin; Editing by
# John Roe)", "Reporting by X; Additional reporting by Y; Writing by Z; Editing by W".
_ROLE = (
    r"(?i:(?:additional |further )?(?:reporting|writing|editing|research|graphics|compiled"
    r"|translation|fact-checking|production)(?:,? and (?:reporting|writing|editing|research))?)"
)
_IN_PLACE = rf"(?:\s+(?i:in|from)\s+{NAME})?"
_CREDIT_FREE = rf"{_ROLE}\s+(?i:by)\s+[^;()\[\]]{{1,150}}"
_CREDIT_NAMED = (
    rf"{_ROLE}\s+(?i:by)\s+{NAME}{_IN_PLACE}(?:\s*(?:,|&|\b(?i:and)\b)\s*{NAME}{_IN_PLACE})*"
)

# Who else worked on a story, as its closing credit names them: names (any capitalised word,
# the outlet's included), their roles and places, then what they did.
_CONTRIBUTOR_WORD = (
    r"(?:[A-Z][\w.'\u2019&-]*|(?i:(?:video |staff |senior |contributing )?(?:writers?"
    r"|reporters?|correspondents?|journalists?|editors?|researchers?|photographers?"
    r"|producers?|staff))|in|from|and|of|the|&)"
)
_CONTRIBUTED = (
    r"(?i:contributed\s+(?:(?:additional\s+)?(?:reporting|research)(?:\s+to this (?:report"
    r"|story|article))?|to this (?:report|story|article)))"
    rf"(?:\s+(?i:from|in)\s+{NAME})?"
)
# What an editor's note is about, and how it says the text was reworked: "This interview has
# been", "Translated and adapted", "Edited".
_NOTE_SUBJECT = (
    r"(?i:(?:this|the) (?:article|story|report|interview|conversation|transcript|piece|q&a)"
    r" (?:was|has been|is|have been))"
)
_EDITED = (
    r"(?:translated|adapted|edited|condensed|abridged)"
    r"(?:(?:,\s*|\s+and\s+)(?:translated|adapted|edited|condensed|abridged)){0,3}"
)

# Where a press release sends the reader: a web address, an email address, a phone number,
# or a short name ending the line ("the department's website", "click here"). A clause is
# no name: "see how prices rose 9 percent", "call the hotline: 40 people have".
_REACH = (
    r"(?:(?i:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:[\w-]+\.)+(?i:[a-z]{2,})(?:/\S*)?|\+?[\d(][\d\s().\/-]{6,20}\d)"
)
_CLAUSE_WORD = (
    r"(?i:how|what|why|where|when|who|whom|whose|which|that|if|whether|is|are|was|were|be"
    r"|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|not|never)"
)
_NAME_WORD = rf"(?!{_CLAUSE_WORD}(?![\w'\u2019]))[^\W\d_](?:[^\W\d_]|['\u2019&-]|\.(?=\w))*"
# A name opens as names do: "the ...", "our ...", a capital, or a pointer ("here", "below").
_SHORT_NAME = (
    r"(?:(?i:the|our|their|its|his|her|this|these|a|an|your|any)\s+|(?=[^\W\d_a-z])"
    r"|(?=(?i:here|below|above|online)\b))"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}"
)

# Whom a press release says to call, after "Contact:": names, titles, phone numbers, email
# and web addresses, a street address ("Press Office, 1400 Main St., (555) 010-0199"), not a
# sentence ("Contact: the ministry never replied"). Atomic words, so a failing line fails fast.
_CONTACT_WORD = (
    rf"(?>{_REACH}|[^\W\d_a-z][\w.'\u2019&-]*|\d[\w.-]*|(?i:of|the|and|for|at|on|in|or|&|de"
    r"|ext|tel|phone|e-?mail|mobile|cell|fax|press|media|public|office|officer|team|desk|affairs"
    r"|relations|communications|director|manager|secretary|spokes(?:person|man|woman))(?!\w))"
)
_CONTACT = rf"{_CONTACT_WORD}(?:[\s,;:|/()\u2013\u2014.-]+{_CONTACT_WORD})*\W*"
# What may follow a comma in a bracketed note: a name or place ("by Jane Doe, Paris"), or
# more of the note ("edited for length"), never a clause of its own ("(Edited by the
# government before release, the report omitted the figures.)").
_NOTE_MORE = (
    rf"(?:(?i:and\s+)?(?:{NAME}|(?i:{_EDITED}|with (?:additional )?reporting)\s+"
    r"(?i:from|by|into|for)\b[^,;()\[\]]{0,100})\.?\s*)"
)

_AD_LABEL = (
    r"(?:advertisement|sponsored(?: content)?|(?:article|story) continues (?:after|below)"
    r"(?: this)? (?:advertisement|ad)|scroll (?:down )?to continue(?: reading)?|"
    r"continue reading(?: below)?|ad)"
)
# A byline without "By": a full name and the writer's role, as a page prints it above the
# text ("Peter Walker Political correspondent", "Jane Doe, Europe editor in Brussels"). It
# ends with the role, with no full stop: "Jane Doe became an editor." is a sentence.
_ROLE_NOUN = (
    r"(?i:correspondents?|reporters?|editors?|writers?|journalists?|columnists?|producers?"
    r"|photographers?|contributors?|commentators?|critics?|bureau chief)"
)
_FULL_NAME = r"[^\W\d_a-z][\w.'\u2019-]*(?: (?:[a-z]{1,3} )?[^\W\d_a-z][\w.'\u2019-]*){1,3}"
_BYLINE_ROLE = (
    rf"{_FULL_NAME},?(?:\s+(?!{_CLAUSE_WORD}\b)[^\W\d_][\w&'\u2019-]*){{0,3}}\s+{_ROLE_NOUN}"
    rf"(?:\s+(?i:in|at|for|from|on)\s+{NAME})?"
)
# The byline rule's branches: a stamp; "By" and names; a name and a role; a clock; an age.
_BYLINE_STAMP = (
    rf"^(?:/\s*)?(?:(?i:published|updated|posted|last updated|first published"
    rf"|last modified)(?:\s+(?i:on|at))?\s*:?\s*)?{_STAMP}[\s.]*$"
    rf"|^(?i:by|written by|posted by|reporting by|editing by)\s+{_NAMES}\W*$"
)
_BYLINE_NAME_ROLE = rf"^{_NOT_REPORTED}{_BYLINE_ROLE}$"
# The role first, as some pages print it: "Health Editor Sarah Whitlock".
_ROLE_THEN_NAME = rf"(?:[^\W\d_a-z][\w&'\u2019-]*\s+){{0,3}}{_ROLE_NOUN}\s+{_FULL_NAME}"
_BYLINE_ROLE_NAME = rf"^{_ROLE_THEN_NAME}$"
_BYLINE_CLOCK = (
    # a live blog's entry time on its own line ("08:45", "8.45am GMT"), or its age
    rf"^(?:(?i:updated|posted|published)\s*:?\s*)?{_LONE_CLOCK}[\s.]*$"
    r"|^(?i:(?:updated\s+)?(?:\d{1,3}|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?"
    r"|hrs?|h|m|days?)\s+ago)[\s.]*$"
)
# A publisher's pointer to its own rules: "Our Standards: The Thomson Reuters Trust
# Principles." A label and a name, no clause: "Our standards: the ministry never replied"
# is a sentence.
_STANDARDS = (
    r"(?i:our|editorial|journalistic)\s+(?i:standards|principles|guidelines|policies|values"
    r"|ethics(?: policy)?|code of (?:conduct|practice|ethics))"
    r"(?:\s*[:|\u2013\u2014-]\s*(?:(?i:the)\s+)?[A-Z][\w'\u2019&.-]*"
    r"(?:\s+(?:[A-Z][\w'\u2019&.-]*|of|and|for|the|&)){0,6})?"
)

# (reason, pattern matched against the whole stripped line). Each knows its debris by shape:
# a whole line that is a label, a call to the reader, a notice or a stamp, not a word that
# may as well sit in a reported sentence.
LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "advertisement",
        # a label, or labels joined by a separator: "Advertisement · Scroll to continue"
        re.compile(rf"^{_AD_LABEL}(?:\s*[\u00b7\u2022|/\u2013\u2014-]\s*{_AD_LABEL})*\W*$", _CI),
    ),
    (
        "newsletter",
        re.compile(
            rf"^(?=.{{0,400}}$){_NOT_REPORTED}(?:"
            # a call to the reader: "Sign up for our newsletter", "Subscribe now", after at
            # most a question, "For more," or a short line's closed sentences (an author's
            # note: "Jane Doe hosts the podcast. Subscribe here.")
            r"[(\[]?\s*(?:[^.?!]{0,60}[?!]\s+|for more(?: [\w'\u2019]+){0,3},?\s+"
            r"|.{0,200}[.!?\u201d\"]\s+(?-i:(?=Sign up|Subscribe)))?"
            r"(?:sign up|subscribe)"
            r"(?:\s+(?:for|to|now|today|here|free|and|at|with|on|by|or)\b.{0,200})?"
            r"|(?:get|receive|join|want|enter your e-?mail)\b.{0,200}"
            r"\b(?:newsletters?|inbox|e-?mail alerts?)\b.{0,100}"
            # the sign-up box's own messages and small print
            r"|your subscription\b.{0,150}"
            r"|thank you for (?:subscribing|signing up)\b.{0,150}"
            r"|you(?:'re|\u2019re| are| have been| have successfully)?\s+(?:now\s+)?"
            r"(?:subscribed|signed up|unsubscribed)\b.{0,150}"
            r"|(?:you (?:can|may) )?unsubscribe (?:at any time|anytime)\b.{0,150}"
            r"|by (?:providing|entering|submitting|giving|sharing) (?:an?|your) e-?mail\b.{0,300}"
            r"|by (?:signing up|subscribing)\b.{0,300}"
            r"|(?:(?:our|free|daily|weekly|morning|evening|e-?mail)\s+)*newsletters?"
            r")\W*$",
            _CI,
        ),
    ),
    (
        "cookie notice",
        re.compile(
            r"^(?=.{0,500}$)(?:"
            r"we(?: and our (?:partners|vendors))? use cookies\b"
            r"|(?:this|our) (?:web)?site uses cookies\b"
            r"|by (?:continuing|using|browsing|clicking|staying)\b.{0,150}?\bcookies?\b"
            r"|(?:accept|allow|reject|refuse|manage|customi[sz]e|disable|decline)"
            r"(?: (?:all|our|optional|necessary|essential|the))? cookies\b"
            r"|cookies? (?:settings|policy|preferences|consent|notice|choices)\b"
            rf"){_NOT_REPORTED}.{{0,400}}$",
            _CI,
        ),
    ),
    (
        "teaser",
        re.compile(
            r"^(?:read|read more|also read|read also|related|see also|watch|more|recommended|"
            r"trending|don't miss|must read)(?:\s*[:|\u00bb>]|\s+[-\u2013\u2014])\s*"
            rf"{_NOT_REPORTED}\S.{{0,250}}$"
            # or the label alone on its line, its headline a link the text lost ("Read more:")
            r"|^(?:read|read more|also read|read also|see also|watch|more|don't miss"
            r"|must read)\W*$",
            _CI,
        ),
    ),
    (
        "section label",
        re.compile(
            r"^(?:featured stories|featured|trending(?: now)?|most read|most popular|related"
            r"(?: stories| articles| news)?|recommended(?: stories)?|share(?: this(?: article)?)?|"
            rf"tags?\s*:.*|topics?\s*:.*|follow us\b{_NOT_REPORTED}.{{0,80}}|comments?|print|"
            r"email|advertisement)\W*$",
            _CI,
        ),
    ),
    ("standards notice", re.compile(rf"^{_STANDARDS}[\s.]*$")),
    (
        "copyright",
        re.compile(
            # the mark, or the word with a mark or a year: "Copyright holders said ..." is prose
            r"^(?=.{0,400}$)(?:(?:\u00a9|\(c\)\s*(?=\d{4}|\u00a9|copyright)"
            rf"|copyright\s*(?=\u00a9|\(c\)|\d{{4}}\b)){_NOT_REPORTED}.{{0,300}}"
            rf"|(?=.{{0,200}}\ball rights reserved\b.{{0,100}}$){_NOT_REPORTED}.*)$",
            _CI,
        ),
    ),
    ("photo caption", CAPTION_LINE),  # told by its credit: see claims/photo_credits.py
    (
        "credit line",
        re.compile(
            rf"^(?:[(\[]\s*{_CREDIT_FREE}(?:\s*;\s*{_CREDIT_FREE})*\s*[)\]]"
            rf"|{_CREDIT_NAMED}(?:\s*;\s*{_CREDIT_NAMED})+)\W*$"
        ),
    ),
    (
        "contributor credit",
        # Who else worked on the story, as the story's last line says it: "Associated Press
        # writer Jane Doe in Chicago contributed to this report.", "CNN's John Roe
        # contributed reporting." Names, roles and places, then the credit's fixed ending.
        re.compile(rf"^(?=.{{0,300}}$)(?:{_CONTRIBUTOR_WORD}[\s,]+)+{_CONTRIBUTED}\W*$"),
    ),
    (
        "byline or timestamp",
        re.compile(f"{_BYLINE_STAMP}|{_BYLINE_NAME_ROLE}|{_BYLINE_ROLE_NAME}|{_BYLINE_CLOCK}"),
    ),
    (
        "rule or end mark",
        # a line of nothing but rule characters, at least three of them ("___", "* * *",
        # "###"; a lone "+" or "." is no rule), or the end mark of a wire copy or press
        # release ("-30-", "-ENDS-")
        re.compile(
            rf"^(?:(?=(?:\s*{_RULE_CHAR}){{3}})(?:\s|{_RULE_CHAR})+"
            r"|[-#]\s*30\s*[-#]|-*\s*ENDS?\s*-*)$"
        ),
    ),
    (
        "press release",
        re.compile(
            # the release's labels: "FOR IMMEDIATE RELEASE", "EMBARGOED UNTIL 00:01 GMT ..."
            r"^(?:(?i:for immediate release|for release|(?:press|news) release|media advisory"
            r"|embargoed(?: until| for release(?: until)?)?)"
            rf"(?:\s*[:,|\u2013\u2014-]?\s*(?:{_STAMP}|{_CLOCK}(?:\s*{_ZONE})?))?[\s.:]*"
            # whom to call: "Contact: Office of Communications, (202) 555-0143"
            r"|(?i:(?:(?:media|press|news)\s+)?(?:contacts?|inquiries|enquiries))"
            rf"(?:\s*:\s*(?=.{{1,200}}$){_CONTACT}|\W*)"
            r"|(?i:phone|tel|telephone|mobile|e-?mail)\s*:\s*(?:\+?[\d(][\d\s().\/-]{6,20}\d"
            r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\W*"
            # the contact's email address or telephone number on a line of its own, under
            # "Media Contact:": "press@example.com", "(559) 555-0142", "+44 20 7946 0958"
            r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
            r"|(?:\(\d{3}\)\s*|\d{3}[\s.-])\d{3}[\s.-]\d{4}|\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}"
            # the heading of the boilerplate that closes a release: "About GreenGrid Energy"
            r"|About\s+(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+(?:[A-Z][\w.&'\u2019-]*|of|and|for|the|&))"
            r"{0,8}\s*:?"
            # where to read more: "For more information, visit www.example.gov."
            r"|(?i:for (?:more|further|additional) (?:information|info|details)|to learn more"
            r"|learn more|more information|further information)"
            r"(?i:\s+(?:about|on)\b[^,.:;]{0,80})?\s*[,:]?\s*(?i:please\s+)?"
            rf"(?i:visit|see|go to|call|contact|e-?mail|click|head to){_NOT_REPORTED}\s+"
            rf"(?:(?:{_SHORT_NAME}\s+(?i:at|on|via)\s+)?{_REACH}"
            rf"(?:\s*,?\s+(?i:or|and)\s+(?:(?i:visit|call|e-?mail|contact|see)\s+)?{_REACH})?"
            rf"|{_SHORT_NAME})[\s.!]*"
            # the US government's non-discrimination line: "USDA is an equal opportunity
            # provider, employer and lender."
            r"|(?:(?:(?:The\s+)?[A-Z][\w.&'\u2019-]*(?:\s+(?:[A-Z][\w.&'\u2019-]*|of|and|for|the"
            r"|on|in|&)){0,10}|(?:The|This|Our)\s+(?:agency|department|ministry|office|company"
            r"|university|organi[sz]ation|institution|council|commission|program|programme"
            r"|city|county|state|district))\s+(?:is|are)\s+an?\s+)?"
            r"(?i:equal opportunity (?:provider|employer"
            r"|lender)(?:(?:\s*,\s*|\s+)(?:and\s+)?(?:provider|employer|lender))*)\W*"
            r")$"
        ),
    ),
    (
        "editor's note",
        re.compile(
            # a note in brackets: "(Translated and adapted from the French by our Paris
            # desk.)", "[Edited for length and clarity.]"
            rf"^[(\[]\s*(?:{_NOTE_SUBJECT}\s+)?"
            rf"(?i:{_EDITED}\s+(?:from|by|into|for (?:length|clarity|brevity|style)))"
            rf"\b[^,;()\[\]]{{0,200}}(?:[,;]\s+{_NOTE_MORE})*[)\]]\W*$"
            # or on its own: "Translated from the French by Jane Doe.", "This interview has
            # been edited for length and clarity."
            rf"|^(?:{_NOTE_SUBJECT}\s+)?"
            r"(?i:translated(?: and (?:adapted|edited|condensed))? from (?:the )?)"
            r"[A-Z][\w-]*(?: (?i:original|language))?(?: (?i:by) [^,;.]{1,80})?\.?$"
            rf"|^{_NOTE_SUBJECT}(?i: (?:lightly |slightly )?{_EDITED}"
            r"(?: for (?:length|clarity|brevity|style)(?: and (?:length|clarity|brevity|style))?)?)"
            r"\.?$"
        ),
    ),
]
# How line_reason tries LINE_RULES. Nearly every line of an article is prose that no rule
# matches, and the rules that scan the whole line (a length lookahead, _NOT_REPORTED, a lazy
# ".{0,600}?") are the slow ones, so a rule is skipped when a cheap test shows it cannot
# match. Each test is a necessary condition read off the rule's pattern, never a guess from
# data, so skipping leaves every answer as trying each rule in turn would give it
# (tests/test_cleaning.py and tests/test_cleaning_gates.py check that):
#   longest: the rule opens with "^(?=.{0,N}$)", so it cannot match a longer line ("." and
#            "$" stop at an inner newline, and a stripped line ends in none);
#   words:   every way through the rule passes one of these words as literal text, so a line
#            it matches holds one, case aside, and so does that line _folded;
#   shape:   a test the line must pass besides: the rule without its costly lookahead, or
#            how every line the rule matches ends.
# A rule whose branches differ in cost is tried a branch at a time, under its reason and in
# its place: an alternation matches exactly when one of its branches does.
_ANY_LENGTH = sys.maxsize


class _Gate(NamedTuple):
    longest: int = _ANY_LENGTH
    words: tuple[str, ...] = ()
    shape: Callable[[str], object] | None = None


_GATES = {
    # "sign up", not "sign": the rule's words are "sign up", "signing up", "signed up", and
    # "subscri" stands for subscribe, subscription, (un)subscribed and subscribing.
    "newsletter": _Gate(
        400, ("newsletter", "subscri", "sign up", "signing up", "signed up", "inbox", "mail")
    ),
    "cookie notice": _Gate(500, ("cookie",)),
    # "all rights reserved" sits in a lookahead, but the lookahead must hold
    "copyright": _Gate(400, ("\u00a9", "(c)", "copyright", "all rights reserved")),
    "contributor credit": _Gate(300, ("contributed",)),
}
_BRANCHES = {
    "photo caption": [
        (LABELLED_CAPTION, _Gate()),
        (PARENTHESISED_CAPTION, _Gate(shape=lambda line: line.endswith(PARENTHESISED_ENDS))),
        (CREDITED_CAPTION, _Gate(words=CREDIT_WORDS)),
    ],
    "byline or timestamp": [
        (re.compile(f"{_BYLINE_STAMP}|{_BYLINE_CLOCK}"), _Gate()),
        # _NOT_REPORTED reads the whole line, while the branch without it, which a line the
        # branch matches matches too (a lookahead takes no text), fails on prose's first words
        (re.compile(_BYLINE_NAME_ROLE), _Gate(shape=re.compile(f"^{_BYLINE_ROLE}$").match)),
        (re.compile(_BYLINE_ROLE_NAME), _Gate(shape=re.compile(_BYLINE_ROLE_NAME).match)),
    ],
}
_BRANCH_GATES = [
    (reason, branch, gate)
    for reason, pattern in LINE_RULES
    for branch, gate in _BRANCHES.get(reason, [(pattern, _GATES.get(reason, _Gate()))])
]
_TRIES = [(reason, branch.match, *gate) for reason, branch, gate in _BRANCH_GATES]
# The branches without a gate, as one pattern that fails exactly when each of them fails (an
# alternation of them, each under its own flags): it fails on nearly every line, and then
# only the gated ones are left to try.
_UNGATED = re.compile(
    "|".join(
        f"(?{'i' if branch.flags & re.IGNORECASE else ''}:{branch.pattern})"
        for _, branch, gate in _BRANCH_GATES
        if gate == _Gate()
    )
)
_GATED_TRIES = [
    (reason, branch.match, *gate) for reason, branch, gate in _BRANCH_GATES if gate != _Gate()
]


def _folded(line: str) -> str:
    """``line`` with every character that Python's re, ignoring case, matches to a lower-case
    ASCII letter turned into that letter, for the rules' words to be looked up in.

    lower() does the letters of either case and the Kelvin sign, but re also matches
    "\u0130" and dotless "\u0131" to i and long "\u017f" to s, which lower() turns into two
    characters or leaves as they are. One character gives one, so a word that re finds in
    the line, case aside, stands in what this returns (tests/test_cleaning_gates.py tries
    every character there is).
    """
    if not line.isascii():
        line = line.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s")
    return line.lower()


# A date stamp glued to the start of the text by a scraper: "date 2024-02-19 China has ...".
_LEADING_STAMP = re.compile(
    r"^\s*(?:(?:date|published|updated|posted)\s*:?\s*)?\d{4}-\d{2}-\d{2}"
    r"(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)",
    _CI,
)
_REPEATABLE_MAX = 300  # a repeated line longer than this is more likely prose worth keeping
_CAPTION_MAX = 300  # a line above a credit longer than this is more likely prose than caption
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


@dataclass(frozen=True, slots=True)
class Removed:
    """One cut: offsets into the raw text, the words, and the rule that cut them."""

    start: int
    end: int
    text: str
    reason: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    removed: list[Removed]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for line in text.split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


def line_reason(line: str) -> str | None:
    """The rule that makes ``line`` debris, or None for article text."""
    stripped = line.strip()
    if not stripped:
        return None
    length = len(stripped)
    holds = _folded(stripped).__contains__
    for reason, match, longest, words, shape in (
        _TRIES if _UNGATED.match(stripped) else _GATED_TRIES
    ):
        if length > longest or (words and not any(map(holds, words))):
            continue
        if shape is not None and not shape(stripped):
            continue
        if match(stripped):
            return reason
    return None


def clean_text(raw: str, *, keep: Iterable[tuple[int, int]] = ()) -> Cleaned:
    """Cut debris lines out of ``raw``; ``keep`` protects spans (e.g. curated quotations).

    Lines are cut whole, and blank lines left behind collapse into one paragraph break, so the
    cleaned text reads like the article. Every cut is returned with its raw offsets.
    """
    protected = list(keep)
    seen: set[str] = set()
    leading = _LEADING_STAMP.match(raw)
    cuts: list[tuple[int, int, str]] = []
    if leading:
        cuts.append((0, leading.end(), "byline or timestamp"))
    spans = _line_spans(raw)
    kept: list[int] = []  # the lines no rule cut, by index
    for index, (start, end) in enumerate(spans):
        if leading and start < leading.end():
            start = leading.end()
        line = raw[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        key = _key(stripped)
        reason = line_reason(line)
        if reason is None and key in seen and len(stripped) <= _REPEATABLE_MAX:
            reason = "repeated line"
        seen.add(key)
        if reason is None:
            kept.append(index)
            continue
        if reason == "photo caption" and kept and kept[-1] == index - 1:
            above = _caption_above(raw, spans, index)
            if above and not any(a < above[1] and above[0] < b for a, b in protected):
                cuts.append((*above, reason))
        if any(a < end and start < b for a, b in protected):
            continue
        cuts.append((start, end, reason))
    return apply_cuts(raw, cuts)


def _caption_above(raw: str, spans: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    """The caption a credit-only line closes, when the two stand alone as a block.

    "Protesters gather in Budapest.\nREUTERS/Jane Doe": the credit line alone says the line
    above it is a caption only when nothing else is in their block, with blank lines before
    and after; in a text whose paragraphs are single lines, the line above is article text.
    """
    if index < 2 or raw[slice(*spans[index - 2])].strip():
        return None
    if index + 1 < len(spans) and raw[slice(*spans[index + 1])].strip():
        return None
    if not CREDIT_LINE.match(raw[slice(*spans[index])].strip()):
        return None
    start, end = spans[index - 1]
    if len(raw[start:end].strip()) > _CAPTION_MAX:
        return None
    return start, end


def apply_cuts(raw: str, cuts: Iterable[tuple[int, int, str]]) -> Cleaned:
    """The cleaned text for given cuts (start, end, reason) of ``raw``.

    The one way cut spans become text, so an article exported with its cuts and imported
    elsewhere gets back exactly the text its quotations were anchored in, whatever the
    cleaning rules are by then.
    """
    ordered = sorted(cuts)
    if not ordered:
        return Cleaned(raw, [])  # nothing cut, nothing touched
    removed: list[Removed] = []
    pieces: list[str] = []
    position = 0
    for start, end, reason in ordered:
        if not 0 <= position <= start < end <= len(raw):
            raise ValueError(f"cut {start}-{end} is outside the text or overlaps another")
        pieces.append(raw[position:start])
        removed.append(Removed(start, end, raw[start:end], reason))
        position = end
    pieces.append(raw[position:])
    text = "".join(pieces)
    text = _BLANK_LINES.sub("\n\n", text).strip()
    return Cleaned(text, removed)
