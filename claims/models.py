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
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
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

from claims.drift.compare import KINDS as DRIFT_KINDS
from claims.drift.compare import SEVERITIES as DRIFT_SEVERITIES
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
SUGGESTION_KINDS = ("claim", "origin")
SUGGESTION_STATUSES = ("pending", "accepted", "rejected", "skipped")
REVIEW_DECISIONS = ("submitted", "approved", "rejected", "reopened")
# ``Column.info`` key of a column that holds another table's id without a foreign key
# (``drift_findings``): what the key would have said, for tools that show the link.
REFERS_TO = "refers_to"


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
        {
            "sqlite_autoincrement": True,
            "comment": (
                "People, organisations, news agencies, outlets, state bodies and media that say or"
                " carry things."
            ),
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="identifier")
    name: Mapped[str] = mapped_column(String(300), comment="the usual name, as displayed")
    kind: Mapped[str] = mapped_column(
        String(20),
        default="other",
        comment="person, organisation, news_agency, outlet, state_body, media or other",
    )
    country: Mapped[str | None] = mapped_column(String(80), comment="country code, when known")
    url: Mapped[str | None] = mapped_column(
        String(2000), comment="web address or domain, when known"
    )
    notes: Mapped[str | None] = mapped_column(Text, comment="free notes")
    created_by: Mapped[str] = mapped_column(String(200), comment="who added it")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, comment="when")

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
        {
            "sqlite_autoincrement": True,
            "comment": (
                "Every spelling of a source, its own name included. Names resolve through key."
            ),
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="identifier")
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), index=True, comment="the source (sources.id)"
    )
    alias: Mapped[str] = mapped_column(
        String(300), comment='the spelling as entered: "the official Xinhua news agency", "Orbán"'
    )
    key: Mapped[str] = mapped_column(
        String(300),
        index=True,
        comment=(
            'the spelling folded: lower case, no accents or punctuation, no leading "the"; unique '
            'per source. Sources may share a spelling ("Wang"); claims then refuses to guess and '
            "asks for the full name or #ID"
        ),
    )

    source: Mapped[Source] = relationship(back_populates="aliases")

    def __repr__(self) -> str:
        return f"<SourceAlias {self.alias!r} -> source #{self.source_id}>"


class Article(Base):
    """An immutable snapshot of one article's text, with who published it and whose text it is."""

    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint("length(text) > 0", name="text_not_empty"),
        {
            "sqlite_autoincrement": True,
            "comment": (
                "Immutable snapshots of article texts. Triggers refuse any update of text or "
                "sha256 (articles_text_immutable) and of raw_text, removed or "
                "extracted_from_html (articles_raw_immutable), on SQLite and PostgreSQL alike: "
                "a changed text is a new article."
            ),
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="identifier")
    publisher_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id"), index=True, comment="the outlet that published it (sources.id)"
    )
    origin_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id"),
        index=True,
        comment=(
            "the source whose text it is, when not the publisher's own: the wire it copies or "
            "cites (sources.id)"
        ),
    )
    origin_cue: Mapped[str | None] = mapped_column(
        String(100), comment='how the article credits its origin: "citing", "republished", "via"'
    )
    url: Mapped[str | None] = mapped_column(String(2000), comment="where it was published")
    title: Mapped[str | None] = mapped_column(String(1000), comment="headline")
    published: Mapped[dt.date | None] = mapped_column(Date, comment="publication date")
    language: Mapped[str | None] = mapped_column(String(20), comment="language code, e.g. en")
    # Deferred: listings and reviews should not drag whole texts out of the database.
    text: Mapped[str] = mapped_column(
        Text,
        deferred=True,
        comment=(
            "the text quotations anchor in: as received, minus the page debris cleaning cut "
            "(see raw_text and removed); line endings unified"
        ),
    )
    sha256: Mapped[str] = mapped_column(
        String(64),
        unique=True,
        comment=(
            "SHA-256 (UTF-8) of the text as received: raw_text when cleaning cut something, "
            "else text; unique, so the same article is stored once"
        ),
    )
    raw_text: Mapped[str | None] = mapped_column(
        Text,
        deferred=True,
        comment="The text as received, before page debris was cut; sha256 is of this text. "
        "For an HTML page, the text extracted from it (the page is not kept). Empty for "
        "articles stored before cleaning existed (their text is as received).",
    )
    removed: Mapped[list[dict[str, Any]] | None] = mapped_column(
        JSONDocument,
        deferred=True,
        comment="What cleaning cut from raw_text: a list of {start, end, text, reason}, "
        "offsets into raw_text.",
    )
    extracted_from_html: Mapped[bool] = mapped_column(
        default=False,
        server_default=false(),
        comment="True when the text was extracted from an HTML page (trafilatura): raw_text is "
        "then the extracted text, the page itself is not kept, and removed lists only what "
        "cleaning cut from that text. False when raw_text (or text) is the text as received.",
    )
    created_by: Mapped[str] = mapped_column(String(200), comment="who added it")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, comment="when")

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
        {"sqlite_autoincrement": True, "comment": "Canonical atomic statements, each stored once."},
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="identifier")
    text: Mapped[str] = mapped_column(Text, comment="the statement")
    key: Mapped[str] = mapped_column(
        String(64),
        unique=True,
        comment="SHA-256 of the text folded for case, spacing, accents and quote style; unique",
    )
    status: Mapped[str] = mapped_column(
        String(20), default="draft", index=True, comment="draft, in_review, approved or rejected"
    )
    verdict: Mapped[str | None] = mapped_column(
        String(200), comment="the fact-check verdict, when there is one"
    )
    notes: Mapped[str | None] = mapped_column(Text, comment="free notes")
    created_by: Mapped[str] = mapped_column(String(200), comment="who added it")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, comment="when")
    updated_at: Mapped[dt.datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, comment="last change"
    )
    # Optimistic locking: an update whose version moved on meanwhile is refused, so a
    # reviewer never approves a wording someone changed after it was shown.
    version: Mapped[int] = mapped_column(
        Integer,
        comment=(
            "how many times the row was written; an update based on an older version is refused, "
            "so nobody approves a wording changed after they saw it"
        ),
    )
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
        {
            "sqlite_autoincrement": True,
            "comment": (
                "A claim carried by an article: the verbatim quotation and where it sits (W3C Web "
                "Annotation: a TextPositionSelector and a TextQuoteSelector)."
            ),
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="identifier")
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True, comment="the claim (claims.id)"
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id"), index=True, comment="the article (articles.id)"
    )
    quote: Mapped[str] = mapped_column(
        Text,
        comment=(
            "the quotation, exactly as the article prints it: substr(articles.text, quote_start + "
            "1, quote_end - quote_start)"
        ),
    )
    quote_start: Mapped[int] = mapped_column(
        Integer, comment="offset of its first character in articles.text (0-based, in characters)"
    )
    quote_end: Mapped[int] = mapped_column(Integer, comment="offset just past its last character")
    prefix: Mapped[str] = mapped_column(
        String(200), default="", comment="up to 32 characters of text before it"
    )
    suffix: Mapped[str] = mapped_column(
        String(200), default="", comment="up to 32 characters of text after it"
    )
    quoted: Mapped[bool] = mapped_column(
        default=False,
        comment=(
            "true when any part of it lies inside quotation marks, within its paragraph: “…”, "
            '„…“, „…”, »…«, «…» or "…", each closed only by a mark that pairs with the one that '
            "opened; an unclosed mark runs to the paragraph's end. Single quotes and ‹ › are not "
            "counted: they cannot be told from apostrophes and arrows. Set when the appearance "
            "is recorded: appearances recorded before schema 0012 followed the earlier rule, "
            "under which “, „ and « only opened and ” and » only closed"
        ),
    )
    provenance: Mapped[str] = mapped_column(
        String(20),
        default="manual",
        comment="manual (entered by a person) or proposed (proposed by the tool)",
    )
    accepted_by: Mapped[str | None] = mapped_column(
        String(200), comment="for a proposed appearance, who accepted it"
    )
    created_by: Mapped[str] = mapped_column(String(200), comment="who recorded it")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, comment="when")

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
        {
            "sqlite_autoincrement": True,
            "comment": (
                "The attribution chain of each appearance, one row per hop, from the origin "
                "(position 0) to the carrier."
            ),
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="identifier")
    appearance_id: Mapped[int] = mapped_column(
        ForeignKey("appearances.id", ondelete="CASCADE"),
        index=True,
        comment="the appearance (appearances.id)",
    )
    position: Mapped[int] = mapped_column(
        Integer, comment="0 for the origin, then 1, 2, … down to the publisher"
    )
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id"), index=True, comment="the source at this hop (sources.id)"
    )
    cue: Mapped[str | None] = mapped_column(
        String(100), comment='the words that link it: "told", "said", "according to", "citing"'
    )
    role: Mapped[str] = mapped_column(
        String(20),
        default="stated",
        comment="stated (the sentence says so), origin (the article's origin) or publisher",
    )
    evidence_start: Mapped[int | None] = mapped_column(
        Integer, comment="where the article names this source near the quotation, when found"
    )
    evidence_end: Mapped[int | None] = mapped_column(Integer, comment="end of that span")

    appearance: Mapped[Appearance] = relationship(back_populates="hops")
    source: Mapped[Source] = relationship()

    def __repr__(self) -> str:
        return f"<ChainHop {self.position}: source #{self.source_id} {self.cue or ''}>"


class DriftFinding(Base):
    """One change between two appearances of a claim, upstream to downstream.

    Derived data: rewritten for a claim, in the same transaction, whenever its
    appearances or chains change (``claims.services.drift.refresh_drift``), so
    analysts can query it like any table; the ``claim_drift`` view joins it to
    claims and outlets.

    Its ids refer to claims, appearances and sources without foreign keys: only the
    drift services write it, and checking four keys per row took most of the time a
    bulk import spends writing findings. Triggers (migration 0007) do what the keys'
    ``ON DELETE`` did: deleting an appearance or a claim deletes its findings, deleting
    a source empties their ``source_id``; ``store_drift_rows`` checks the appearances
    once per batch instead of once per row (``docs/schema.md``).
    """

    __tablename__ = "drift_findings"
    __table_args__ = (
        CheckConstraint(_in("kind", DRIFT_KINDS), name="kind"),
        CheckConstraint(_in("severity", DRIFT_SEVERITIES), name="severity"),
        {
            "sqlite_autoincrement": True,
            "comment": "How a claim changed between two of its appearances, upstream to "
            "downstream: wording, names, hedging or attribution. Recomputed automatically.",
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Finding number.")
    claim_id: Mapped[int] = mapped_column(
        index=True,
        info={REFERS_TO: "claims"},
        comment="The claim whose appearances differ (claims.id).",
    )
    from_appearance_id: Mapped[int] = mapped_column(
        index=True,
        info={REFERS_TO: "appearances"},
        comment="The upstream appearance (appearances.id): earlier, or the one the other "
        "relies on.",
    )
    to_appearance_id: Mapped[int] = mapped_column(
        index=True,
        info={REFERS_TO: "appearances"},
        comment="The downstream appearance (appearances.id), where the change is seen.",
    )
    kind: Mapped[str] = mapped_column(String(20), comment="wording, names, hedging or attribution.")
    severity: Mapped[str] = mapped_column(
        String(10), comment="low, medium or high; changes inside quotation marks are high."
    )
    before_text: Mapped[str] = mapped_column(
        Text, comment="What the upstream appearance has (an em dash when nothing)."
    )
    after_text: Mapped[str] = mapped_column(
        Text, comment="What the downstream appearance has instead (an em dash when nothing)."
    )
    detail: Mapped[str] = mapped_column(Text, comment="What kind of change, in plain words.")
    source_id: Mapped[int | None] = mapped_column(
        index=True,
        info={REFERS_TO: "sources"},
        comment="The chain source (sources.id) a names or attribution finding is about, if any.",
    )

    def __repr__(self) -> str:
        return (
            f"<DriftFinding claim #{self.claim_id} {self.kind} "
            f"#{self.from_appearance_id}->#{self.to_appearance_id}>"
        )


class DriftPending(Base):
    """A claim whose drift findings are yet to be recomputed.

    An import writes a claim's appearances batch by batch but recomputes its
    findings once, after the last batch, instead of once per batch that touched
    it. Each batch lists the claims it touched here in its own transaction, and
    each recomputation removes them in its own, so an import cut short leaves
    the claims whose findings lag named here, not silently stale: importing
    again, ``claims drift`` or any change to the claim completes them. An upgrade whose
    drift rules changed lists every claim here (a data migration), for the same reason:
    findings are derived data, and the old rules' would otherwise stay.
    """

    __tablename__ = "drift_pending"
    __table_args__ = (
        {
            "comment": "Claims whose drift findings are yet to be recomputed: by an import, "
            "which empties it once it finishes, or after an upgrade that changed the drift "
            "rules, which lists every claim. While a claim is listed, its drift_findings may "
            "lag its appearances or follow the earlier rules (claims drift completes them)."
        },
    )

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
        comment="The claim whose findings are to be recomputed.",
    )

    def __repr__(self) -> str:
        return f"<DriftPending claim #{self.claim_id}>"


class Suggestion(Base):
    """A machine proposal from an article's text, waiting for a person to accept it or not.

    Kept apart from ``appearances`` so that nothing a machine proposed counts as recorded
    until someone accepted it; an accepted proposal points at the appearance it became.
    """

    __tablename__ = "suggestions"
    __table_args__ = (
        UniqueConstraint("article_id", "key"),
        CheckConstraint(_in("kind", SUGGESTION_KINDS), name="kind"),
        CheckConstraint(_in("status", SUGGESTION_STATUSES), name="status"),
        CheckConstraint("quote_start >= 0 AND quote_end >= quote_start", name="span"),
        {"sqlite_autoincrement": True, "comment": "Proposed claims and origins, for review."},
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Proposal number.")
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"),
        index=True,
        comment="The article the proposal was read from.",
    )
    kind: Mapped[str] = mapped_column(
        String(20),
        default="claim",
        comment="claim: a statement with its chain; origin: the article's origin source.",
    )
    key: Mapped[str] = mapped_column(
        String(64),
        comment="Identity of the proposal (span and chain), so re-running proposes it once.",
    )
    sentence_start: Mapped[int] = mapped_column(
        Integer, comment="Start of the sentence in articles.text."
    )
    sentence_end: Mapped[int] = mapped_column(Integer, comment="End of the sentence.")
    claim_text: Mapped[str] = mapped_column(
        Text, comment="The proposed claim wording (or, for an origin, the source's name)."
    )
    quote_start: Mapped[int] = mapped_column(
        Integer, comment="Start of the proposed quotation in articles.text."
    )
    quote_end: Mapped[int] = mapped_column(Integer, comment="End of the proposed quotation.")
    quoted: Mapped[bool] = mapped_column(
        default=False, comment="True when the quotation is inside quotation marks."
    )
    chain: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONDocument,
        comment="Proposed stated hops, origin first: {surface, name, source_id, new, cue, "
        "cue_start, cue_end, evidence_start, evidence_end, why}.",
    )
    confidence: Mapped[float] = mapped_column(Float, comment="How sure the extractor is, 0 to 1.")
    rule: Mapped[str] = mapped_column(
        String(100), comment="Which rule proposed it (word order of the attribution)."
    )
    status: Mapped[str] = mapped_column(
        String(20),
        default="pending",
        index=True,
        comment="pending, accepted, rejected or skipped.",
    )
    decided_by: Mapped[str | None] = mapped_column(
        String(200), comment="Who accepted, rejected or skipped it."
    )
    decided_at: Mapped[dt.datetime | None] = mapped_column(comment="When it was decided.")
    appearance_id: Mapped[int | None] = mapped_column(
        ForeignKey("appearances.id", ondelete="SET NULL"),
        index=True,
        comment="The appearance an accepted proposal became.",
    )
    created_by: Mapped[str] = mapped_column(String(200), comment="Who ran the proposer.")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, comment="When it was proposed.")

    article: Mapped[Article] = relationship()

    def __repr__(self) -> str:
        return f"<Suggestion #{self.id} {self.kind} {self.status} in article #{self.article_id}>"


class Review(Base):
    """One step of a claim's review: submitted, approved, rejected or reopened, by whom."""

    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint(_in("decision", REVIEW_DECISIONS), name="decision"),
        {"sqlite_autoincrement": True, "comment": "Each step of a claim's review."},
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="identifier")
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True, comment="the claim (claims.id)"
    )
    decision: Mapped[str] = mapped_column(
        String(20), comment="submitted, approved, rejected or reopened"
    )
    reviewer: Mapped[str] = mapped_column(String(200), comment="who")
    note: Mapped[str | None] = mapped_column(Text, comment="why")
    decided_at: Mapped[dt.datetime] = mapped_column(default=utcnow, comment="when")

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
        {
            "sqlite_autoincrement": True,
            "comment": (
                "Every change, never updated nor deleted, without foreign keys so it outlives what"
                " it describes. A bulk import writes one entry per batch (action import), not one"
                " per row."
            ),
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="identifier")
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, comment="when")
    actor: Mapped[str] = mapped_column(
        String(200), comment="who (--as, $CLAIMS_USER or the OS user)"
    )
    action: Mapped[str] = mapped_column(
        String(40),
        comment="create, update, delete, a review decision (submitted, approved, rejected, "
        "reopened), merge (a source merged into another: entity sources, entity_id the source "
        "merged away, after_values what moved where), or import (one entry per batch of a bulk "
        "import: entity import, no entity_id, counts and rows in after_values)",
    )
    entity: Mapped[str] = mapped_column(String(40), comment="the table changed")
    entity_id: Mapped[int | None] = mapped_column(Integer, comment="the row's id")
    before_values: Mapped[dict[str, Any] | None] = mapped_column(
        comment=(
            "the values before, for updates and deletes; SQL NULL for creates (JSON on SQLite, "
            "JSONB on PostgreSQL)"
        )
    )
    after_values: Mapped[dict[str, Any] | None] = mapped_column(
        comment="the values after; NULL for deletes; appearances also carry the rendered chain"
    )
    note: Mapped[str | None] = mapped_column(Text, comment="a reviewer's note")

    def __repr__(self) -> str:
        return f"<AuditEntry #{self.id} {self.action} {self.entity} #{self.entity_id}>"


CANDIDATE_STATUSES = ("pending", "accepted", "rejected")


class MatchCandidate(Base):
    """A passage the matcher found that may carry a claim, waiting for a person's decision."""

    __tablename__ = "match_candidates"
    __table_args__ = (
        UniqueConstraint("claim_id", "article_id", "passage_start", "passage_end"),
        CheckConstraint("passage_start >= 0 AND passage_end > passage_start", name="span"),
        CheckConstraint(_in("status", CANDIDATE_STATUSES), name="status"),
        CheckConstraint("score >= 0 AND score <= 1", name="score"),
        {
            "sqlite_autoincrement": True,
            "comment": "Passages proposed by `claims match` as carrying a claim, and what a "
            "reviewer decided about each.",
        },
    )

    id: Mapped[int] = mapped_column(primary_key=True, comment="Candidate number.")
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"),
        index=True,
        comment="The claim the passage may carry.",
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"),
        index=True,
        comment="The article holding the passage.",
    )
    passage_start: Mapped[int] = mapped_column(
        Integer, comment="Where the passage starts: a character offset into articles.text."
    )
    passage_end: Mapped[int] = mapped_column(
        Integer, comment="Where the passage ends (exclusive), a character offset."
    )
    score: Mapped[float] = mapped_column(
        Float, comment="How alike the passage and the claim are, 0 to 1 (claims.similarity)."
    )
    status: Mapped[str] = mapped_column(
        String(20),
        default="pending",
        index=True,
        comment="pending until a reviewer accepts or rejects it.",
    )
    decided_by: Mapped[str | None] = mapped_column(
        String(200), comment="Who accepted or rejected the candidate."
    )
    decided_at: Mapped[dt.datetime | None] = mapped_column(
        comment="When the candidate was accepted or rejected (UTC)."
    )
    appearance_id: Mapped[int | None] = mapped_column(
        ForeignKey("appearances.id", ondelete="SET NULL"),
        comment="The appearance recorded when the candidate was accepted.",
    )
    found_at: Mapped[dt.datetime] = mapped_column(
        default=utcnow, comment="When the matcher proposed the passage (UTC)."
    )

    claim: Mapped[Claim] = relationship()
    article: Mapped[Article] = relationship()

    def __repr__(self) -> str:
        return (
            f"<MatchCandidate #{self.id} claim #{self.claim_id} in article #{self.article_id} "
            f"{self.score:.2f} {self.status}>"
        )


class MatchProgress(Base):
    """How far matching got for one claim, so ``claims match --all`` can resume."""

    __tablename__ = "match_progress"
    __table_args__ = (
        {
            "comment": "One row per matched claim: what it was matched against, so a re-run "
            "skips claims whose inputs did not change."
        },
    )

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
        comment="The matched claim.",
    )
    fingerprint: Mapped[str] = mapped_column(
        String(200),
        comment="The claim's version, its appearances and the highest article id when it "
        "was matched; a different value means match it again.",
    )
    candidates: Mapped[int] = mapped_column(
        Integer, comment="How many passages at or above the suggest threshold were found."
    )
    matched_at: Mapped[dt.datetime] = mapped_column(
        default=utcnow, comment="When the claim was last matched (UTC)."
    )

    def __repr__(self) -> str:
        return f"<MatchProgress claim #{self.claim_id} {self.fingerprint}>"


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
