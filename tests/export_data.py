"""Data the export tests share: the seeds plus a few rows the seeds lack.

The seeds have no repeated passage carried twice, no claim without an
appearance and one publication date only, so the extras add those.
"""

from __future__ import annotations

from claims.chains import StatedHop
from claims.db import open_session
from claims.export.selection import select_export
from claims.seeds import load_seeds
from claims.services.appearances import add_appearance
from claims.services.articles import add_article
from claims.services.claims import add_claim, find_claim_by_text
from claims.services.sources import add_source

ACTOR = "export-test"
XINHUA_CLAIM = "China hopes to deepen law enforcement and security ties with Hungary."
# A press release read out twice in one bulletin, once in typographic quotes: the same
# passage for the folded search, so each appearance needs its occurrence.
BULLETIN = (
    "Morning bulletin.\n\n"
    "\u201cThe harbour will reopen on Monday,\u201d the port authority said.\n\n"
    "Weather: rain.\n\n"
    'Evening bulletin.\n\n"THE HARBOUR WILL REOPEN ON MONDAY," the port authority repeated.\n\n'
    "China hopes to deepen law enforcement and security ties with Hungary, an early wire said."
)
HARBOUR_CLAIM = "The harbour reopens on Monday."
LONELY_CLAIM = "=1+2 is a claim no article carries yet."
# Characters some readers take for line breaks, and CSV's own delimiters.
ODD_NOTES = 'one\u2028two\u2029three\x85four\r\nfive, "six"\tseven'


def load(url: str) -> None:
    """Seeds, then a radio outlet's bulletin dated before the seed articles."""
    with open_session(url) as session:
        load_seeds(session, actor=ACTOR)
        add_source(session, name="Harbour Radio", kind="outlet", actor=ACTOR)
        add_source(session, name="Port Authority", kind="state_body", actor=ACTOR)
        article = add_article(
            session,
            text=BULLETIN,
            outlet="Harbour Radio",
            published="2024-02-01",
            url="https://radio.example/bulletin",
            actor=ACTOR,
        )
        harbour = add_claim(session, text=HARBOUR_CLAIM, verdict="unverified", actor=ACTOR)
        for occurrence in (1, 2):
            add_appearance(
                session,
                claim_id=harbour.id,
                article_id=article.id,
                quote="the harbour will reopen on monday",
                occurrence=occurrence,
                chain=[StatedHop("Port Authority", "said" if occurrence == 1 else "repeated")],
                actor=ACTOR,
            )
        xinhua = find_claim_by_text(session, XINHUA_CLAIM)
        add_appearance(
            session,
            claim_id=xinhua.id,
            article_id=article.id,
            quote="China hopes to deepen law enforcement and security ties with Hungary",
            actor=ACTOR,
        )
        add_claim(session, text=LONELY_CLAIM, notes=ODD_NOTES, actor=ACTOR)


def selection(session, **options):
    return select_export(session, **options)
