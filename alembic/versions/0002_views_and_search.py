"""Views for analysts, plain-words comments on every table and column, full-text search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Everything below is a frozen copy: the view SQL and descriptions as
``claims/views.py`` had them, the comments as ``claims/models.py`` had them,
when this migration was written. A later change is a later migration.

- Views: claim_carriers, appearance_chains, attribution_edges, first_appearances.
- PostgreSQL: COMMENT ON every table, column and view (SQLite has no comments;
  there ``docs/schema.md`` carries the same words).
- Full-text search. SQLite: FTS5 tables ``claims_fts`` and ``appearances_fts``
  reading their text from ``claims`` and ``appearances`` (external content),
  kept in step by triggers on insert, update and delete. PostgreSQL: GIN indexes
  on ``to_tsvector('simple', ...)`` of the same columns.

A later SQLite batch migration that rebuilds ``claims`` or ``appearances`` drops
their triggers with the old table: it must create the ``*_fts_*`` triggers again
(the search tests fail otherwise).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSION_TABLE = "claims_schema_version"
VERSION_TABLE_COMMENT = (
    "The schema revision (Alembic's version table, under a name of its own so a database "
    "shared with another Alembic-managed application is never confused with ours). "
    "claims db current reads it."
)
VERSION_COLUMN_COMMENT = "the revision id"

TABLE_COMMENTS = {
    "sources": (
        "People, organisations, news agencies, outlets, state bodies and media that say or carry things.",
        {
            "id": "identifier",
            "name": "the usual name, as displayed",
            "kind": "person, organisation, news_agency, outlet, state_body, media or other",
            "country": "country code, when known",
            "url": "web address or domain, when known",
            "notes": "free notes",
            "created_by": "who added it",
            "created_at": "when",
        },
    ),
    "source_aliases": (
        "Every spelling of a source, its own name included. Names resolve through key.",
        {
            "id": "identifier",
            "source_id": "the source (sources.id)",
            "alias": 'the spelling as entered: "the official Xinhua news agency", "Orbán"',
            "key": 'the spelling folded: lower case, no accents or punctuation, no leading "the"; unique per source. Sources may share a spelling ("Wang"); claims then refuses to guess and asks for the full name or #ID',
        },
    ),
    "articles": (
        "Immutable snapshots of article texts. A trigger (articles_text_immutable) refuses any update of text or sha256, on SQLite and PostgreSQL alike: a changed text is a new article.",
        {
            "id": "identifier",
            "publisher_id": "the outlet that published it (sources.id)",
            "origin_id": "the source whose text it is, when not the publisher's own: the wire it copies or cites (sources.id)",
            "origin_cue": 'how the article credits its origin: "citing", "republished", "via"',
            "url": "where it was published",
            "title": "headline",
            "published": "publication date",
            "language": "language code, e.g. en",
            "text": "the full text, exactly as stored (line endings unified); quotation offsets point into it",
            "sha256": "SHA-256 of text (UTF-8); unique, so the same text is stored once",
            "created_by": "who added it",
            "created_at": "when",
        },
    ),
    "claims": (
        "Canonical atomic statements, each stored once.",
        {
            "id": "identifier",
            "text": "the statement",
            "key": "SHA-256 of the text folded for case, spacing, accents and quote style; unique",
            "status": "draft, in_review, approved or rejected",
            "verdict": "the fact-check verdict, when there is one",
            "notes": "free notes",
            "created_by": "who added it",
            "created_at": "when",
            "updated_at": "last change",
            "version": "how many times the row was written; an update based on an older version is refused, so nobody approves a wording changed after they saw it",
        },
    ),
    "appearances": (
        "A claim carried by an article: the verbatim quotation and where it sits (W3C Web Annotation: a TextPositionSelector and a TextQuoteSelector).",
        {
            "id": "identifier",
            "claim_id": "the claim (claims.id)",
            "article_id": "the article (articles.id)",
            "quote": "the quotation, exactly as the article prints it: substr(articles.text, quote_start + 1, quote_end - quote_start)",
            "quote_start": "offset of its first character in articles.text (0-based, in characters)",
            "quote_end": "offset just past its last character",
            "prefix": "up to 32 characters of text before it",
            "suffix": "up to 32 characters of text after it",
            "quoted": "true when any part of it lies inside double quotation marks (“ ” „ « » or \"), within its paragraph; an unclosed mark runs to the paragraph's end. Single quotes are not counted: they cannot be told from apostrophes",
            "provenance": "manual (entered by a person) or proposed (proposed by the tool)",
            "accepted_by": "for a proposed appearance, who accepted it",
            "created_by": "who recorded it",
            "created_at": "when",
        },
    ),
    "chain_hops": (
        "The attribution chain of each appearance, one row per hop, from the origin (position 0) to the carrier.",
        {
            "id": "identifier",
            "appearance_id": "the appearance (appearances.id)",
            "position": "0 for the origin, then 1, 2, … down to the publisher",
            "source_id": "the source at this hop (sources.id)",
            "cue": 'the words that link it: "told", "said", "according to", "citing"',
            "role": "stated (the sentence says so), origin (the article's origin) or publisher",
            "evidence_start": "where the article names this source near the quotation, when found",
            "evidence_end": "end of that span",
        },
    ),
    "reviews": (
        "Each step of a claim's review.",
        {
            "id": "identifier",
            "claim_id": "the claim (claims.id)",
            "decision": "submitted, approved, rejected or reopened",
            "reviewer": "who",
            "note": "why",
            "decided_at": "when",
        },
    ),
    "audit_log": (
        "Every change, never updated nor deleted, without foreign keys so it outlives what it describes. A bulk import writes one entry per batch (action import), not one per row.",
        {
            "id": "identifier",
            "at": "when",
            "actor": "who (--as, $CLAIMS_USER or the OS user)",
            "action": "create, update, delete, a review decision, or import (one entry per batch of a bulk import: entity import, no entity_id, counts and rows in after_values)",
            "entity": "the table changed",
            "entity_id": "the row's id",
            "before_values": "the values before, for updates and deletes; SQL NULL for creates (JSON on SQLite, JSONB on PostgreSQL)",
            "after_values": "the values after; NULL for deletes; appearances also carry the rendered chain",
            "note": "a reviewer's note",
        },
    ),
}
VIEW_COMMENTS = {
    "claim_carriers": (
        "Which outlet carries which claim: one row per appearance, with the claim, the article and its publisher, the date and the quotation.",
        {
            "appearance_id": "the appearance (appearances.id)",
            "claim_id": "the claim (claims.id)",
            "claim": "the claim's text",
            "status": "the claim's review status: draft, in_review, approved or rejected",
            "outlet_id": "the outlet that published the article (sources.id)",
            "outlet": "the outlet's name",
            "article_id": "the article (articles.id)",
            "article_title": "the article's headline, when known",
            "article_url": "where the article was published, when known",
            "published": "the article's publication date, when known",
            "quotation": "the words as the article prints them",
            "quoted": "true when any of the words are inside double quotation marks (as appearances.quoted)",
        },
    ),
    "appearance_chains": (
        "The attribution chain of every appearance, origin first: as text (Wang Xiaohong → Xinhua → Reuters → UNN) and as a JSON array of hops.",
        {
            "appearance_id": "the appearance (appearances.id)",
            "claim_id": "the claim (claims.id)",
            "article_id": "the article (articles.id)",
            "outlet": "the outlet that published the article",
            "hop_count": "how many sources the chain has",
            "chain": "the sources from origin to publisher, joined by →",
            "chain_json": 'the same hops as a JSON array, origin first: [{"source": name, "cue": the linking words or null, "role": stated, origin or publisher}, ...]; the same text on SQLite and PostgreSQL (cast it to jsonb on PostgreSQL, read it with json_each on SQLite)',
        },
    ),
    "attribution_edges": (
        "Who passes words to whom: each link from an upstream source to the next source down a chain, with how many claims and appearances travelled along it (claims of every status).",
        {
            "upstream_id": "the source the words came from (sources.id)",
            "upstream": "its name",
            "downstream_id": "the next source in the chain, which passed them on (sources.id)",
            "downstream": "its name",
            "claim_count": "how many distinct claims travelled along this link",
            "appearance_count": "how many appearances have this link in their chain",
        },
    ),
    "first_appearances": (
        "Where each claim appeared first: its earliest article by publication date, and the outlet. Articles without a date count as later than any dated one; a tie goes to the lower article id, then the lower appearance id. Claims with no appearance are absent.",
        {
            "claim_id": "the claim (claims.id)",
            "claim": "the claim's text",
            "status": "the claim's review status",
            "appearance_id": "the earliest appearance (appearances.id)",
            "article_id": "its article (articles.id)",
            "article_title": "the article's headline, when known",
            "article_url": "where the article was published, when known",
            "published": "the article's publication date, when known",
            "outlet_id": "the outlet that published it (sources.id)",
            "outlet": "the outlet's name",
            "quotation": "the words as that article prints them",
            "appearance_count": "how many appearances the claim has in all",
        },
    ),
}
VIEW_SQL = {
    "claim_carriers": {
        "sqlite": """
SELECT
    ap.id AS appearance_id,
    c.id AS claim_id,
    c.text AS claim,
    c.status AS status,
    pub.id AS outlet_id,
    pub.name AS outlet,
    a.id AS article_id,
    a.title AS article_title,
    a.url AS article_url,
    a.published AS published,
    ap.quote AS quotation,
    ap.quoted AS quoted
FROM appearances ap
JOIN claims c ON c.id = ap.claim_id
JOIN articles a ON a.id = ap.article_id
JOIN sources pub ON pub.id = a.publisher_id
""",
        "postgresql": """
SELECT
    ap.id AS appearance_id,
    c.id AS claim_id,
    c.text AS claim,
    c.status AS status,
    pub.id AS outlet_id,
    pub.name AS outlet,
    a.id AS article_id,
    a.title AS article_title,
    a.url AS article_url,
    a.published AS published,
    ap.quote AS quotation,
    ap.quoted AS quoted
FROM appearances ap
JOIN claims c ON c.id = ap.claim_id
JOIN articles a ON a.id = ap.article_id
JOIN sources pub ON pub.id = a.publisher_id
""",
    },
    "appearance_chains": {
        "sqlite": """
SELECT
    ap.id AS appearance_id,
    ap.claim_id AS claim_id,
    ap.article_id AS article_id,
    pub.name AS outlet,
    coalesce(hops.hop_count, 0) AS hop_count,
    coalesce(hops.chain, '') AS chain,
    coalesce(hops.chain_json, '[]') AS chain_json
FROM appearances ap
JOIN articles a ON a.id = ap.article_id
JOIN sources pub ON pub.id = a.publisher_id
LEFT JOIN (
    SELECT appearance_id, max(hop_count) AS hop_count, chain, chain_json
    FROM (
        SELECT
            h.appearance_id,
            count(*) OVER hops_so_far AS hop_count,
            group_concat(s.name, ' → ') OVER hops_so_far AS chain,
            '[' || group_concat(
                json_object('source', s.name, 'cue', h.cue, 'role', h.role), ','
            ) OVER hops_so_far || ']' AS chain_json
        FROM chain_hops h
        JOIN sources s ON s.id = h.source_id
        WINDOW hops_so_far AS (
            PARTITION BY h.appearance_id ORDER BY h.position
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        )
    ) ordered_hops
    GROUP BY appearance_id
) hops ON hops.appearance_id = ap.id
""",
        "postgresql": """
SELECT
    ap.id AS appearance_id,
    ap.claim_id AS claim_id,
    ap.article_id AS article_id,
    pub.name AS outlet,
    coalesce(hops.hop_count, 0) AS hop_count,
    coalesce(hops.chain, '') AS chain,
    coalesce(hops.chain_json, '[]') AS chain_json
FROM appearances ap
JOIN articles a ON a.id = ap.article_id
JOIN sources pub ON pub.id = a.publisher_id
LEFT JOIN (
    SELECT
        h.appearance_id,
        count(*) AS hop_count,
        string_agg(s.name, ' → ' ORDER BY h.position) AS chain,
        '[' || string_agg(
            '{"source":' || to_json(s.name)::text
            || ',"cue":' || coalesce(to_json(h.cue)::text, 'null')
            || ',"role":' || to_json(h.role)::text || '}',
            ',' ORDER BY h.position
        ) || ']' AS chain_json
    FROM chain_hops h
    JOIN sources s ON s.id = h.source_id
    GROUP BY h.appearance_id
) hops ON hops.appearance_id = ap.id
""",
    },
    "attribution_edges": {
        "sqlite": """
SELECT
    links.upstream_id AS upstream_id,
    up.name AS upstream,
    links.downstream_id AS downstream_id,
    dn.name AS downstream,
    count(DISTINCT links.claim_id) AS claim_count,
    count(DISTINCT links.appearance_id) AS appearance_count
FROM (
    SELECT
        h.appearance_id,
        ap.claim_id,
        h.source_id AS upstream_id,
        lead(h.source_id) OVER (PARTITION BY h.appearance_id ORDER BY h.position)
            AS downstream_id
    FROM chain_hops h
    JOIN appearances ap ON ap.id = h.appearance_id
) links
JOIN sources up ON up.id = links.upstream_id
JOIN sources dn ON dn.id = links.downstream_id
GROUP BY links.upstream_id, up.name, links.downstream_id, dn.name
""",
        "postgresql": """
SELECT
    links.upstream_id AS upstream_id,
    up.name AS upstream,
    links.downstream_id AS downstream_id,
    dn.name AS downstream,
    count(DISTINCT links.claim_id) AS claim_count,
    count(DISTINCT links.appearance_id) AS appearance_count
FROM (
    SELECT
        h.appearance_id,
        ap.claim_id,
        h.source_id AS upstream_id,
        lead(h.source_id) OVER (PARTITION BY h.appearance_id ORDER BY h.position)
            AS downstream_id
    FROM chain_hops h
    JOIN appearances ap ON ap.id = h.appearance_id
) links
JOIN sources up ON up.id = links.upstream_id
JOIN sources dn ON dn.id = links.downstream_id
GROUP BY links.upstream_id, up.name, links.downstream_id, dn.name
""",
    },
    "first_appearances": {
        "sqlite": """
SELECT
    claim_id, claim, status, appearance_id, article_id, article_title, article_url,
    published, outlet_id, outlet, quotation, appearance_count
FROM (
    SELECT
        c.id AS claim_id,
        c.text AS claim,
        c.status AS status,
        ap.id AS appearance_id,
        a.id AS article_id,
        a.title AS article_title,
        a.url AS article_url,
        a.published AS published,
        pub.id AS outlet_id,
        pub.name AS outlet,
        ap.quote AS quotation,
        count(*) OVER (PARTITION BY c.id) AS appearance_count,
        row_number() OVER (
            PARTITION BY c.id
            ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published, a.id, ap.id
        ) AS earliest
    FROM appearances ap
    JOIN claims c ON c.id = ap.claim_id
    JOIN articles a ON a.id = ap.article_id
    JOIN sources pub ON pub.id = a.publisher_id
) ranked
WHERE earliest = 1
""",
        "postgresql": """
SELECT
    claim_id, claim, status, appearance_id, article_id, article_title, article_url,
    published, outlet_id, outlet, quotation, appearance_count
FROM (
    SELECT
        c.id AS claim_id,
        c.text AS claim,
        c.status AS status,
        ap.id AS appearance_id,
        a.id AS article_id,
        a.title AS article_title,
        a.url AS article_url,
        a.published AS published,
        pub.id AS outlet_id,
        pub.name AS outlet,
        ap.quote AS quotation,
        count(*) OVER (PARTITION BY c.id) AS appearance_count,
        row_number() OVER (
            PARTITION BY c.id
            ORDER BY CASE WHEN a.published IS NULL THEN 1 ELSE 0 END, a.published, a.id, ap.id
        ) AS earliest
    FROM appearances ap
    JOIN claims c ON c.id = ap.claim_id
    JOIN articles a ON a.id = ap.article_id
    JOIN sources pub ON pub.id = a.publisher_id
) ranked
WHERE earliest = 1
""",
    },
}

# Full-text search on SQLite: (FTS table, content table, column).
FTS_TABLES = (("claims_fts", "claims", "text"), ("appearances_fts", "appearances", "quote"))
# Full-text search on PostgreSQL: (index, table, column).
SEARCH_INDEXES = (
    ("ix_claims_text_search", "claims", "text"),
    ("ix_appearances_quote_search", "appearances", "quote"),
)


def _sqlite_fts(fts: str, table: str, column: str) -> list[str]:
    remove = f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    add = f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({column}, content='{table}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {column} ON {table} BEGIN {remove} {add} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _literal(text: str | None) -> str:
    return "NULL" if text is None else "'" + text.replace("'", "''") + "'"


def _comment_on(kind: str, name: str, comments: dict, *, keep: bool = True) -> None:
    description, columns = comments[name]
    op.execute(f'COMMENT ON {kind} "{name}" IS {_literal(description if keep else None)}')
    for column, text in columns.items():
        op.execute(f'COMMENT ON COLUMN "{name}"."{column}" IS {_literal(text if keep else None)}')


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, by_dialect in VIEW_SQL.items():
        op.execute(f"CREATE VIEW {name} AS {by_dialect[dialect]}")
    if dialect == "postgresql":
        for name in TABLE_COMMENTS:
            _comment_on("TABLE", name, TABLE_COMMENTS)
        _comment_on(
            "TABLE",
            VERSION_TABLE,
            {VERSION_TABLE: (VERSION_TABLE_COMMENT, {"version_num": VERSION_COLUMN_COMMENT})},
        )
        for name in VIEW_COMMENTS:
            _comment_on("VIEW", name, VIEW_COMMENTS)
        for index, table, column in SEARCH_INDEXES:
            op.execute(
                f"CREATE INDEX {index} ON {table} USING gin (to_tsvector('simple', {column}))"
            )
    else:
        for fts, table, column in FTS_TABLES:
            for statement in _sqlite_fts(fts, table, column):
                op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for index, _table, _column in SEARCH_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {index}")
        for name in TABLE_COMMENTS:
            _comment_on("TABLE", name, TABLE_COMMENTS, keep=False)
        op.execute(f'COMMENT ON TABLE "{VERSION_TABLE}" IS NULL')
        op.execute(f'COMMENT ON COLUMN "{VERSION_TABLE}"."version_num" IS NULL')
    else:
        for fts, _table, _column in FTS_TABLES:
            for action in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{action}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    for name in reversed(list(VIEW_SQL)):
        op.execute(f"DROP VIEW IF EXISTS {name}")
