"""Proposals for a made-up text, as ``claims suggest`` makes them: shared by the tests of
how proposals read sources, transcripts and anaphors."""

from __future__ import annotations

OUTLET = "Morning Post"


def proposals_for(
    db_url: str, text: str, outlet: str = OUTLET, origin: tuple[str, str] | None = None
) -> list:
    """The proposals for ``text`` stored as an article of ``outlet`` in a fresh database;
    ``origin`` is the article's (name, cue) when it has one."""
    from claims.db import open_session
    from claims.models import Article
    from claims.services.articles import add_article
    from claims.services.sources import add_source
    from claims.suggestions.propose import propose

    with open_session(db_url) as session:
        add_source(session, name=outlet, kind="outlet", actor="t")
        credit = {}
        if origin is not None:
            add_source(session, name=origin[0], kind="news_agency", actor="t")
            credit = {"origin": origin[0], "origin_cue": origin[1]}
        article = add_article(session, text=text, outlet=outlet, actor="t", **credit)
        session.flush()
        return propose(session, session.get(Article, article.id))


def speakers_of(proposals: list) -> dict[str, list[str]]:
    """Each proposal's claim and the names of its hops, a name proposed where none is known."""
    return {p.claim_text: [h["name"] or h.get("proposed_name") for h in p.hops] for p in proposals}
