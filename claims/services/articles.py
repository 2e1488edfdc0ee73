"""Articles: immutable text snapshots, identified by the SHA-256 of the text as received.

The text that quotations anchor in is the cleaned one (page debris cut, see
``claims.cleaning``); the text as received is kept in ``raw_text`` and its SHA-256 is the
article's identity, because that is what was received: the same page stored twice is
refused even if the cleaning rules change in between. An HTML page is the exception: what is
kept is the text trafilatura extracted from it (``raw_text`` must be the text the recorded
cuts apply to, and an extraction is no set of cuts), so the page itself is not stored and
what the extraction left out is not in ``removed``. The column ``extracted_from_html`` says
so, for SQL users and exports alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload

from claims import audit
from claims.errors import AlreadyExists, InvalidInput, NotFound
from claims.models import Appearance, Article, Source
from claims.services.sources import check_url, get_or_create_source, resolve_source

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def prepare_text(text: str) -> str:
    """The stored form of an article: line endings unified, nothing else touched.

    Offsets of every quotation point into this exact string, so it is never
    rewritten after it is stored.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A publication date given as YYYY-MM-DD, or ``InvalidInput`` saying what to write."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    try:
        return read_date(value)
    except ValueError as error:
        raise InvalidInput(f"Bad date {str(value)!r}: {error}.") from None


# Newspapers, and so the dates this database sorts and filters by, start about here; an
# earlier year is a typo (0224 for 2024), as is one far ahead. A year ahead is allowed for
# issues dated in advance and clocks in other time zones.
EARLIEST_DATE = dt.date(1800, 1, 1)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def latest_date(today: dt.date | None = None) -> dt.date:
    """The last date accepted: a year from today (28 February for a 29th)."""
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def read_date(value: str | dt.date, *, in_range: bool = True) -> dt.date:
    """A date written exactly YYYY-MM-DD, between ``EARLIEST_DATE`` and ``latest_date()``.

    ``in_range`` off, any real day: a filter's bound ("published since 2030-01-01") may lie
    anywhere, since it stores nothing.

    Strict on purpose: ``date.fromisoformat`` also reads 20240209 and 2024-W06-5 (Python
    3.11), forms the documentation never promises and a person rarely means; a date the
    database stores or filters by is written one way. Raises ``ValueError`` with what to
    write, for the caller to put after the value or the option it came from.
    """
    if isinstance(value, str):
        if not _ISO_DATE.fullmatch(value):
            raise ValueError("write it as YYYY-MM-DD, e.g. 2024-02-19")
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("no such day: write it as YYYY-MM-DD, e.g. 2024-02-19") from None
    elif isinstance(value, dt.datetime):
        value = value.date()
    latest = latest_date()
    if in_range and not EARLIEST_DATE <= value <= latest:
        raise ValueError(
            f"a date must lie between {EARLIEST_DATE.isoformat()} and {latest.isoformat()} "
            "(a year from today): check the year"
        )
    return value


def check_language(language: str | None) -> str | None:
    language = (language or "").strip() or None
    if language and not _LANGUAGE.match(language):
        raise InvalidInput(f"Bad language {language!r}: use a code such as en, fr or pt-BR.")
    return language


def find_article_by_text(session: Session, text: str) -> Article | None:
    return session.scalar(select(Article).where(Article.sha256 == text_sha256(prepare_text(text))))


def add_article(
    session: Session,
    *,
    text: str,
    outlet: str,
    actor: str,
    origin: str | None = None,
    origin_cue: str | None = None,
    published: str | dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    language: str | None = None,
    create_sources: bool = False,
    clean: bool = True,
    keep_quotes: Iterable[str] = (),
    cuts: Iterable[tuple[int, int, str]] | None = None,
    from_html: bool = False,
) -> Article:
    """Store an article. The same text twice is refused with the id it already has.

    An ``origin`` that is the outlet itself is not recorded (an outlet's own text has no
    separate origin), so the caller can tell the person by ``article.origin`` being None;
    an ``origin_cue`` needs a recorded origin, since it says how the article credits it.

    ``clean`` cuts page debris and keeps the text as received in ``raw_text``;
    ``keep_quotes`` are passages a person has quoted already, which no rule may cut.
    ``cuts`` (start, end, reason in the text as received), when given, are applied instead
    of the rules: an article moving between databases keeps exactly the text its
    quotations were anchored in. ``from_html`` says ``text`` was extracted from an HTML
    page (``claims.html.page_text``): the article records it (``extracted_from_html``), since
    ``raw_text`` is then the extracted text and not what was received.
    """
    from claims.cleaning import apply_cuts, clean_text

    raw = prepare_text(text)
    if not raw.strip():
        raise InvalidInput("The article text is empty.")
    removed: list[dict] = []
    text = raw
    if cuts is not None:
        try:
            cleaned = apply_cuts(raw, cuts)
        except ValueError as error:
            raise InvalidInput(
                f"The article's recorded cuts do not fit its text: {error}."
            ) from None
        text, removed = cleaned.text, [cut.as_dict() for cut in cleaned.removed]
    elif clean:
        cleaned = clean_text(raw, keep=quote_spans(raw, keep_quotes))
        text, removed = cleaned.text, [cut.as_dict() for cut in cleaned.removed]
        if not text.strip():
            raise InvalidInput(
                "Nothing is left of the article once page debris is cut: "
                "check the file, or store it as it is with --no-clean."
            )
    published_date = parse_date(published)
    origin_cue = (origin_cue or "").strip() or None
    if origin is not None and not origin.strip():
        # Refused like an empty outlet, not read as "no origin": leaving --origin out says that.
        raise InvalidInput(
            "The origin is empty: name the source whose text it is, or leave out --origin."
        )
    if origin_cue and origin is None:
        raise InvalidInput(
            f"The origin cue {origin_cue!r} credits an origin, and none is given: "
            "add --origin NAME, or leave out --origin-cue."
        )
    language = check_language(language)
    url = check_url(url)
    digest = text_sha256(raw)
    existing = session.scalar(select(Article.id).where(Article.sha256 == digest))
    if existing is not None:
        raise AlreadyExists(
            f"This text is stored already as article #{existing}: nothing added.", existing
        )
    publisher = get_or_create_source(
        session, outlet, actor=actor, create=create_sources, kind="outlet"
    )
    origin_source: Source | None = None
    if origin is not None:
        origin_source = get_or_create_source(
            session, origin, actor=actor, create=create_sources, kind="news_agency"
        )
        if origin_source.id == publisher.id:
            # An outlet's own text has no separate origin: none is recorded (the importer
            # does the same), and a cue would then credit nothing.
            if origin_cue:
                raise InvalidInput(
                    f"The origin is the outlet itself ({publisher.name}), so the cue "
                    f"{origin_cue!r} credits nothing: leave out --origin and --origin-cue, "
                    "or name the source the article copies or cites."
                )
            origin_source = None
    article = Article(
        publisher=publisher,
        origin=origin_source,
        origin_cue=origin_cue,
        url=url,
        title=(title or "").strip() or None,
        published=published_date,
        language=language,
        text=text,
        sha256=digest,
        raw_text=raw,
        removed=removed,
        extracted_from_html=from_html,
        created_by=actor,
    )
    session.add(article)
    audit.record(session, actor=actor, action="create", obj=article)
    return article


def quote_spans(raw: str, quotes: Iterable[str]) -> list[tuple[int, int]]:
    """Where each quotation first sits in the raw text, to protect it from cleaning.

    Only the first occurrence: a headline repeated three times by the page keeps one copy.
    """
    from claims.text import fold_for_search, fold_with_map

    haystack, index = fold_with_map(raw)
    spans = []
    for quote in quotes:
        needle = fold_for_search(quote)
        found = haystack.find(needle) if needle else -1
        if found >= 0:
            spans.append((index[found], index[found + len(needle) - 1] + 1))
    return spans


def removed_spans(article: Article) -> list[dict]:
    """What cleaning cut from the article, in order; empty for articles stored before.

    Offsets are into ``raw_text``; for an article extracted from an HTML page that is the
    extracted text, so the page's menus and banners the extraction dropped are not here.
    """
    return list(article.removed or [])


def get_article(session: Session, article_id: int) -> Article:
    article = session.get(
        Article,
        article_id,
        options=[joinedload(Article.publisher), joinedload(Article.origin)],
    )
    if article is None:
        raise NotFound(f"No article with id {article_id}: see `claims article list`.")
    return article


def list_articles(session: Session, *, outlet: str | None = None) -> list[tuple[Article, int]]:
    """Articles with their number of appearances, newest publication first."""
    counts = (
        select(Appearance.article_id, func.count().label("n"))
        .group_by(Appearance.article_id)
        .subquery()
    )
    query = (
        select(Article, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.article_id == Article.id)
        .options(joinedload(Article.publisher), joinedload(Article.origin))
        .order_by(Article.published.desc().nulls_last(), Article.id)
    )
    if outlet is not None:  # given empty, refused by the resolver: not every article
        query = query.where(Article.publisher_id == resolve_source(session, outlet).id)
    return [(row[0], row[1]) for row in session.execute(query)]
