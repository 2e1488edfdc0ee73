"""The schema: sources, articles, claims, appearances, chain hops, reviews, audit.

This module is a public interface. Analysts query these tables by name, so a
rename is a migration and a note in ``docs/schema.md``, never a casual edit.
Every constraint is named through one naming convention so that Alembic sees
the same names on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    column_property,
    mapped_column,
    relationship,
)

from claims.errors import InvalidInput

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SOURCE_KINDS = (
    "person",
    "organisation",
    "news_agency",
    "outlet",
    "state_body",
    "media",
    "other",
)
CLAIM_STATUSES = ("draft", "in_review", "approved", "rejected")
PROVENANCES = ("manual", "proposed")
HOP_ROLES = ("stated", "origin", "publisher")
REVIEW_DECISIONS = ("submitted", "approved", "rejected", "reopened")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601 text, timestamps in UTC with their offset, the same from both backends.

    SQLite hands back the naive UTC values we stored; PostgreSQL aware ones in the
    session's time zone.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
    return value.isoformat()


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


# JSON on SQLite, JSONB (indexable, comparable) on PostgreSQL; Python None is SQL NULL.
JSONDocument = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: DateTime(timezone=True), dict[str, Any]: JSONDocument}


class Source(Base):
    """Anyone who says or carries something: a person, an agency, an outlet, a ministry."""

    __tablename__ = "sources"
    __table_args__ = (
        CheckConstraint(_in("kind", SOURCE_KINDS), name="kind"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_empty"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    country: Mapped[str | None] = mapped_column(String(80))
    url: Mapped[str | None] = mapped_column(String(2000))
    notes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    aliases: Mapped[list[SourceAlias]] = relationship(
        back_populates="source", cascade="all, delete-orphan", order_by="SourceAlias.id"
    )

    def __repr__(self) -> str:
        return f"<Source #{self.id} {self.name!r} ({self.kind})>"


class SourceAlias(Base):
    """One spelling of a source. The source's own name is always one of its aliases.

    ``key`` is the spelling folded for case, accents, punctuation and a leading
    "the". Several sources may share a spelling ("Wang"); names resolve through
    it and refuse to guess when it is shared.
    """

    __tablename__ = "source_aliases"
    __table_args__ = (
        UniqueConstraint("source_id", "key"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)

    source: Mapped[Source] = relationship(back_populates="aliases")

    def __repr__(self) -> str:
        return f"<SourceAlias {self.alias!r} -> source #{self.source_id}>"


class Article(Base):
    """An immutable snapshot of one article's text, with who published it and whose text it is."""

    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint("length(text) > 0", name="text_not_empty"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    publisher_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    origin_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    origin_cue: Mapped[str | None] = mapped_column(String(100))
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(1000))
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(20))
    # Deferred: listings and reviews should not drag whole texts out of the database.
    text: Mapped[str] = mapped_column(Text, deferred=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    publisher: Mapped[Source] = relationship(foreign_keys=[publisher_id])
    origin: Mapped[Source | None] = relationship(foreign_keys=[origin_id])
    appearances: Mapped[list[Appearance]] = relationship(back_populates="article")

    def __repr__(self) -> str:
        return f"<Article #{self.id} {self.title or self.sha256[:12]!r}>"


class Claim(Base):
    """One canonical atomic statement, stored once however many outlets carry it."""

    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(_in("status", CLAIM_STATUSES), name="status"),
        CheckConstraint("length(trim(text)) > 0", name="text_not_empty"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    verdict: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Optimistic locking: an update whose version moved on meanwhile is refused, so a
    # reviewer never approves a wording someone changed after it was shown.
    version: Mapped[int] = mapped_column(Integer)
    __mapper_args__ = {"version_id_col": version}

    appearances: Mapped[list[Appearance]] = relationship(
        back_populates="claim", order_by="Appearance.id", cascade="all, delete-orphan"
    )
    reviews: Mapped[list[Review]] = relationship(
        back_populates="claim", order_by="Review.id", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Claim #{self.id} {self.status} {self.text[:40]!r}>"


class Appearance(Base):
    """A claim carried by an article: the verbatim quotation and where it sits.

    The anchor follows the W3C Web Annotation model: a TextPositionSelector
    (``quote_start``/``quote_end``, character offsets into ``articles.text``) and a
    TextQuoteSelector (``quote`` with ``prefix``/``suffix``), so the passage can
    be found again even by tools that only know one of the two.
    """

    __tablename__ = "appearances"
    __table_args__ = (
        UniqueConstraint("claim_id", "article_id", "quote_start", "quote_end"),
        CheckConstraint("quote_start >= 0 AND quote_end > quote_start", name="span"),
        CheckConstraint(_in("provenance", PROVENANCES), name="provenance"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    quote_start: Mapped[int] = mapped_column(Integer)
    quote_end: Mapped[int] = mapped_column(Integer)
    prefix: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(200), default="")
    quoted: Mapped[bool] = mapped_column(default=False)
    provenance: Mapped[str] = mapped_column(String(20), default="manual")
    accepted_by: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="appearances")
    article: Mapped[Article] = relationship(back_populates="appearances")
    hops: Mapped[list[ChainHop]] = relationship(
        back_populates="appearance", cascade="all, delete-orphan", order_by="ChainHop.position"
    )

    def __repr__(self) -> str:
        return f"<Appearance #{self.id} claim #{self.claim_id} in article #{self.article_id}>"


class ChainHop(Base):
    """One link of an attribution chain, numbered from the origin (0) to the carrier.

    ``role`` says where the hop came from: ``stated`` by the sentence itself,
    the article's ``origin`` (a wire it copies or cites), or its ``publisher``.
    ``evidence_start``/``evidence_end`` point at the words in the article that
    name the source, when they were found.
    """

    __tablename__ = "chain_hops"
    __table_args__ = (
        UniqueConstraint("appearance_id", "position"),
        CheckConstraint("position >= 0", name="position"),
        CheckConstraint(_in("role", HOP_ROLES), name="role"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    appearance_id: Mapped[int] = mapped_column(
        ForeignKey("appearances.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    cue: Mapped[str | None] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20), default="stated")
    evidence_start: Mapped[int | None] = mapped_column(Integer)
    evidence_end: Mapped[int | None] = mapped_column(Integer)

    appearance: Mapped[Appearance] = relationship(back_populates="hops")
    source: Mapped[Source] = relationship()

    def __repr__(self) -> str:
        return f"<ChainHop {self.position}: source #{self.source_id} {self.cue or ''}>"


class Review(Base):
    """One step of a claim's review: submitted, approved, rejected or reopened, by whom."""

    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint(_in("decision", REVIEW_DECISIONS), name="decision"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(20))
    reviewer: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="reviews")

    def __repr__(self) -> str:
        return f"<Review claim #{self.claim_id} {self.decision} by {self.reviewer}>"


class AuditEntry(Base):
    """Every change, with who, when and the values before and after: nothing changes silently.

    Rows are never updated nor deleted, and carry no foreign keys, so the log
    outlives what it describes.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index(None, "entity", "entity_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before_values: Mapped[dict[str, Any] | None]
    after_values: Mapped[dict[str, Any] | None]
    note: Mapped[str | None] = mapped_column(Text)

    def __repr__(self) -> str:
        return f"<AuditEntry #{self.id} {self.action} {self.entity} #{self.entity_id}>"


def check_strings(table, values: dict[str, Any]) -> None:
    """Refuse, on every backend alike, text that PostgreSQL would reject mid-transaction.

    SQLite stores an over-long VARCHAR or a NUL character without complaint;
    PostgreSQL raises. Checking here gives both the same clear refusal. Bulk
    writers that bypass the ORM call this on their row values.
    """
    for name, value in values.items():
        if not isinstance(value, str):
            continue
        column = table.columns[name]
        where = f"{table.name}.{column.name}"
        if "\x00" in value:
            raise InvalidInput(f"The value for {where} contains a NUL character: remove it.")
        length = getattr(column.type, "length", None)
        if length is not None and len(value) > length:
            raise InvalidInput(
                f"The value for {where} is {len(value)} characters long; at most {length} fit: "
                "shorten it."
            )


def _check_strings(_mapper, _connection, target) -> None:
    table = target.__table__
    check_strings(
        table, {column.name: getattr(target, column.key, None) for column in table.columns}
    )


event.listen(Base, "before_insert", _check_strings, propagate=True)
event.listen(Base, "before_update", _check_strings, propagate=True)


# The length of an article's text, counted by the database (the text itself is deferred).
Article.characters = column_property(func.length(Article.text), deferred=False)
