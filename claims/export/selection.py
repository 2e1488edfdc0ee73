"""Which claims and appearances an export holds, read in batches so memory stays flat.

Every format reads the same rows through :func:`batches`: one row per
appearance, plus one row for each selected claim that has none, in a fixed
order (claim id, then the order the appearances were recorded in, which drift
reads as upstream order between articles of the same date) so two exports of the
same database are byte for byte the same. Rows are plain dataclasses read with
Core queries, not ORM objects: a million appearances must not fill an identity map.

The flat formats, meant to be imported again, also carry what no appearance
holds: the sources (:func:`sources`), with their kinds and spellings, and the
articles no claim is found in yet (:func:`lone_articles`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import exists, select, union
from sqlalchemy.orm import Session, aliased

from claims.errors import InvalidInput, NotFound, UnknownSource
from claims.models import Appearance, Article, ChainHop, Claim, Source, SourceAlias
from claims.services.articles import read_date
from claims.services.claims import check_status
from claims.services.sources import close_names, find_source
from claims.text import fold_name

BATCH_SIZE = 1000


@dataclass(frozen=True)
class Selection:
    """A checked selection: ids that exist, outlets resolved, dates parsed.

    Outlet and date filters select appearances (by their article); a claim with
    no appearance left after them is not exported. Without them, claims that no
    article carries yet are exported too.
    """

    claim_ids: tuple[int, ...] = ()
    outlet_ids: tuple[int, ...] = ()
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def filters_articles(self) -> bool:
        return bool(self.outlet_ids) or self.since is not None or self.until is not None

    @property
    def picks_claims(self) -> bool:
        return bool(self.claim_ids) or self.status is not None

    @property
    def whole(self) -> bool:
        return not self.filters_articles and not self.picks_claims


@dataclass(frozen=True)
class HopRow:
    """One hop of an appearance's composed chain, origin first."""

    position: int
    name: str
    kind: str
    cue: str | None
    role: str  # stated | origin | publisher


@dataclass
class ExportRow:
    """A claim and, unless the claim has no appearance, one appearance with its article."""

    claim_id: int
    claim_text: str
    claim_key: str
    claim_status: str
    claim_verdict: str | None
    claim_notes: str | None
    claim_created_by: str
    appearance_id: int | None = None
    quote: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    prefix: str | None = None
    suffix: str | None = None
    provenance: str | None = None
    accepted_by: str | None = None
    created_by: str | None = None
    created_at: dt.datetime | None = None
    article_id: int | None = None
    article_sha256: str | None = None
    article_url: str | None = None
    article_title: str | None = None
    article_published: dt.date | None = None
    article_language: str | None = None
    article_from_html: bool = False
    article_origin_cue: str | None = None
    publisher: str | None = None
    publisher_kind: str | None = None
    origin: str | None = None
    hops: list[HopRow] = field(default_factory=list)

    @property
    def stated_hops(self) -> list[HopRow]:
        return [hop for hop in self.hops if hop.role == "stated"]


def select_export(
    session: Session,
    *,
    claim_ids: Iterable[int] = (),
    outlets: Iterable[str] = (),
    status: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> Selection:
    """Check a selection against the database before anything is written.

    Unknown claim ids and outlets, an unknown status and unreadable or reversed
    dates are refused with one sentence, so an export never starts on a typo.
    """
    wanted = tuple(sorted(set(claim_ids)))
    if wanted:
        found = set(session.scalars(select(Claim.id).where(Claim.id.in_(wanted))))
        missing = [str(claim_id) for claim_id in wanted if claim_id not in found]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            raise NotFound(
                f"No claim with id{plural} {', '.join(missing)}: see `claims claim list`."
            )
    outlet_ids = tuple(sorted({_outlet(session, name).id for name in outlets}))
    first, last = _bound("--since", since), _bound("--until", until)
    if first is not None and last is not None and first > last:
        raise InvalidInput(
            f"--since {first.isoformat()} is after --until {last.isoformat()}: swap them."
        )
    return Selection(
        claim_ids=wanted,
        outlet_ids=outlet_ids,
        status=check_status(status) if status is not None else None,
        since=first,
        until=last,
    )


def _bound(option: str, value: str | dt.date | None) -> dt.date | None:
    """A date filter's bound: any real day written YYYY-MM-DD; given empty, refused rather
    than dropped (an export of everything is not what ``--since ''`` asked for)."""
    if value is None:
        return None
    if isinstance(value, str) and not value.strip():
        raise InvalidInput(f"{option} is empty: give a date as YYYY-MM-DD, or leave it out.")
    try:
        return read_date(value.strip() if isinstance(value, str) else value, in_range=False)
    except ValueError as error:
        raise InvalidInput(f"Bad date {str(value)!r} for {option}: {error}.") from None


def _outlet(session: Session, name: str) -> Source:
    """The source ``name`` means, or a refusal naming the closest spellings (never creating)."""
    source = find_source(session, name)
    if source is not None:
        return source
    suggestions = close_names(session, name)
    hint = f" Did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    raise UnknownSource(f"Unknown outlet {name.strip()!r}.{hint} See `claims source list`.")


def _publisher():
    return aliased(Source, name="publisher")


def _query(selection: Selection):
    publisher = _publisher()
    origin = aliased(Source, name="origin")
    query = select(
        Claim.id.label("claim_id"),
        Claim.text.label("claim_text"),
        Claim.key.label("claim_key"),
        Claim.status.label("claim_status"),
        Claim.verdict.label("claim_verdict"),
        Claim.notes.label("claim_notes"),
        Claim.created_by.label("claim_created_by"),
        Appearance.id.label("appearance_id"),
        Appearance.quote,
        Appearance.quote_start,
        Appearance.quote_end,
        Appearance.prefix,
        Appearance.suffix,
        Appearance.provenance,
        Appearance.accepted_by,
        Appearance.created_by,
        Appearance.created_at,
        Article.id.label("article_id"),
        Article.sha256.label("article_sha256"),
        Article.url.label("article_url"),
        Article.title.label("article_title"),
        Article.published.label("article_published"),
        Article.language.label("article_language"),
        Article.extracted_from_html.label("article_from_html"),
        Article.origin_cue.label("article_origin_cue"),
        publisher.name.label("publisher"),
        publisher.kind.label("publisher_kind"),
        origin.name.label("origin"),
    ).select_from(Claim)
    outer = not selection.filters_articles
    query = (
        query.join(Appearance, Appearance.claim_id == Claim.id, isouter=outer)
        .join(Article, Article.id == Appearance.article_id, isouter=outer)
        .join(publisher, publisher.id == Article.publisher_id, isouter=outer)
        .join(origin, origin.id == Article.origin_id, isouter=True)
    )
    query = _where(query, selection)
    # Record order within a claim: drift takes it as upstream order between appearances
    # of the same date, and an import records the rows in file order, so it carries over.
    return query.order_by(Claim.id, Appearance.id)


def _where(query, selection: Selection):
    if selection.claim_ids:
        query = query.where(Claim.id.in_(selection.claim_ids))
    if selection.status:
        query = query.where(Claim.status == selection.status)
    if selection.outlet_ids:
        query = query.where(Article.publisher_id.in_(selection.outlet_ids))
    if selection.since is not None:
        query = query.where(Article.published >= selection.since)
    if selection.until is not None:
        query = query.where(Article.published <= selection.until)
    return query


def batches(
    session: Session, selection: Selection, *, batch_size: int = BATCH_SIZE
) -> Iterator[list[ExportRow]]:
    """The selected rows in order, ``batch_size`` at a time, each with its chain.

    The main query streams (a server-side cursor on PostgreSQL); each batch
    costs one more query for the chains of its appearances.
    """
    result = session.execute(_query(selection).execution_options(yield_per=batch_size))
    for partition in result.partitions():
        rows = [ExportRow(**row._asdict()) for row in partition]
        _attach_hops(session, rows)
        yield rows


def iter_rows(session: Session, selection: Selection) -> Iterator[ExportRow]:
    for batch in batches(session, selection):
        yield from batch


def _attach_hops(session: Session, rows: list[ExportRow]) -> None:
    by_appearance = {row.appearance_id: row for row in rows if row.appearance_id is not None}
    if not by_appearance:
        return
    query = (
        select(
            ChainHop.appearance_id,
            ChainHop.position,
            Source.name,
            Source.kind,
            ChainHop.cue,
            ChainHop.role,
        )
        .join(Source, Source.id == ChainHop.source_id)
        .where(ChainHop.appearance_id.in_(list(by_appearance)))
        .order_by(ChainHop.appearance_id, ChainHop.position)
    )
    for appearance_id, position, name, kind, cue, role in session.execute(query):
        by_appearance[appearance_id].hops.append(HopRow(position, name, kind, cue, role))


def article_texts(session: Session, article_ids: Iterable[int]) -> dict[int, str]:
    """The stored texts of some articles, in one query."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    return dict(session.execute(select(Article.id, Article.text).where(Article.id.in_(ids))).all())


def any_verdict(session: Session, selection: Selection) -> bool:
    """Whether a selected claim carries a verdict (a ClaimReview then needs an author)."""
    query = select(Claim.id).where(Claim.verdict.is_not(None), Claim.verdict != "")
    if selection.filters_articles:
        query = query.join(Appearance, Appearance.claim_id == Claim.id).join(
            Article, Article.id == Appearance.article_id
        )
    query = _where(query, selection)
    return bool(session.scalar(select(exists(query))))


@dataclass
class SourceRow:
    """A source with its other spellings (not its own name), in the order they were added."""

    id: int
    name: str
    kind: str
    country: str | None
    url: str | None
    notes: str | None
    created_by: str
    aliases: list[str] = field(default_factory=list)


def sources(session: Session, selection: Selection) -> list[SourceRow]:
    """The sources an export carries, by id: all of them for the whole database, else
    those the selected appearances and articles name (publisher, origin, chain).

    A name in a chain or an article says nothing of its source's kind, spellings or
    country; these rows do, so an import gives back the same sources.
    """
    query = select(
        Source.id,
        Source.name,
        Source.kind,
        Source.country,
        Source.url,
        Source.notes,
        Source.created_by,
    ).order_by(Source.id)
    if not selection.whole:
        query = query.where(Source.id.in_(_named_sources(selection)))
    found = {row.id: SourceRow(**row._asdict()) for row in session.execute(query)}
    aliases = select(SourceAlias.source_id, SourceAlias.alias, SourceAlias.key).order_by(
        SourceAlias.id
    )
    if not selection.whole:
        aliases = aliases.where(SourceAlias.source_id.in_(_named_sources(selection)))
    for source_id, alias, key in session.execute(aliases):
        source = found.get(source_id)
        if source is not None and key != fold_name(source.name):
            source.aliases.append(alias)
    return list(found.values())


def _named_sources(selection: Selection):
    """The ids of the sources the selection's appearances and lone articles name."""
    appearances = _where(
        select(Appearance.id, Appearance.article_id)
        .join(Claim, Claim.id == Appearance.claim_id)
        .join(Article, Article.id == Appearance.article_id),
        selection,
    ).subquery()
    articles = select(appearances.c.article_id)
    if not selection.picks_claims:
        articles = union(articles, _where(select(Article.id).where(_lone()), selection))
    articles = articles.subquery()
    selected = Article.id.in_(select(articles.c[0]))
    return union(
        select(ChainHop.source_id).where(ChainHop.appearance_id.in_(select(appearances.c.id))),
        select(Article.publisher_id).where(selected),
        select(Article.origin_id).where(selected, Article.origin_id.is_not(None)),
    )


def _lone():
    return ~exists(select(Appearance.id).where(Appearance.article_id == Article.id))


@dataclass
class LoneArticle:
    """An article no claim is found in yet, with what an import needs to store it again."""

    id: int
    sha256: str
    text: str
    raw_text: str | None
    removed: list | None
    origin_cue: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    language: str | None
    extracted_from_html: bool
    created_by: str
    publisher: str
    origin: str | None


def lone_articles(
    session: Session, selection: Selection, *, batch_size: int = BATCH_SIZE
) -> Iterator[LoneArticle]:
    """The articles that carry no claim, by id, unless the selection picks claims (by id
    or status), which such an article has none of; outlet and date filters apply."""
    if selection.picks_claims:
        return
    publisher, origin = _publisher(), aliased(Source, name="origin")
    query = (
        select(
            Article.id,
            Article.sha256,
            Article.text,
            Article.raw_text,
            Article.removed,
            Article.origin_cue,
            Article.url,
            Article.title,
            Article.published,
            Article.language,
            Article.extracted_from_html,
            Article.created_by,
            publisher.name.label("publisher"),
            origin.name.label("origin"),
        )
        .join(publisher, publisher.id == Article.publisher_id)
        .outerjoin(origin, origin.id == Article.origin_id)
        .where(_lone())
        .order_by(Article.id)
    )
    result = session.execute(_where(query, selection).execution_options(yield_per=batch_size))
    for row in result:
        yield LoneArticle(**row._asdict())
