"""The named views analysts query: what each one holds, its columns in plain words, its SQL.

The views are part of the public schema, like the tables: they are created and
changed only by Alembic migrations, which carry their own frozen copy of this
SQL (a migration must keep doing what it did when it was written). This module
is what the code and the documentation read: ``docs/schema.md`` is generated
from it, and tests check that the migrated views have exactly these columns and
give the same rows as this SQL, on SQLite and on PostgreSQL.

A view whose SQL is the same on both databases has one ``sql``; one that needs
an ordered aggregate differs per dialect (PostgreSQL orders inside
``string_agg``; SQLite before 3.44 cannot, so it aggregates over an ordered
window frame). Changing a view means a new migration and an edit here.

Nothing heavy is imported: tools that only need the names and descriptions
(documentation, a browser's metadata) read ``VIEWS`` without SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class View:
    """A named view: what a row is, each column in plain words, and its SQL."""

    name: str
    description: str
    columns: Mapping[str, str]
    sql: str
    dialect_sql: Mapping[str, str] = field(default_factory=dict)

    def sql_for(self, dialect: str) -> str:
        """The SELECT behind the view on ``dialect`` ("sqlite" or "postgresql")."""
        return self.dialect_sql.get(dialect, self.sql)


CLAIM_CARRIERS = View(
    name="claim_carriers",
    description=(
        "Which outlet carries which claim: one row per appearance, with the claim, the article "
        "and its publisher, the date and the quotation."
    ),
    columns={
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
        "quoted": (
            "true when any of the words are inside double quotation marks (as appearances.quoted)"
        ),
    },
    sql="""
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
)

_CHAINS_SELECT = """
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
LEFT JOIN ({hops}) hops ON hops.appearance_id = ap.id
"""

# Each hop as compact JSON, built by hand so that both databases print the same text
# (PostgreSQL's json_build_object would add spaces): to_json() quotes a string the way
# SQLite's json_object() does.
_POSTGRESQL_HOPS = """
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
"""
# The frame grows hop by hop in position order, so the row with the most hops holds the
# whole chain in order; SQLite takes the other columns of a max() query from that row.
_SQLITE_HOPS = """
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
"""

APPEARANCE_CHAINS = View(
    name="appearance_chains",
    description=(
        "The attribution chain of every appearance, origin first: as text "
        "(Wang Xiaohong → Xinhua → Reuters → UNN) and as a JSON array of hops."
    ),
    columns={
        "appearance_id": "the appearance (appearances.id)",
        "claim_id": "the claim (claims.id)",
        "article_id": "the article (articles.id)",
        "outlet": "the outlet that published the article",
        "hop_count": "how many sources the chain has",
        "chain": "the sources from origin to publisher, joined by →",
        "chain_json": (
            'the same hops as a JSON array, origin first: [{"source": name, "cue": the linking '
            'words or null, "role": stated, origin or publisher}, ...]; the same text on SQLite '
            "and PostgreSQL (cast it to jsonb on PostgreSQL, read it with json_each on SQLite)"
        ),
    },
    sql=_CHAINS_SELECT.format(hops=_SQLITE_HOPS),
    dialect_sql={"postgresql": _CHAINS_SELECT.format(hops=_POSTGRESQL_HOPS)},
)

ATTRIBUTION_EDGES = View(
    name="attribution_edges",
    description=(
        "Who passes words to whom: each link from an upstream source to the next source "
        "down a chain, with how many claims and appearances travelled along it (claims of "
        "every status)."
    ),
    columns={
        "upstream_id": "the source the words came from (sources.id)",
        "upstream": "its name",
        "downstream_id": "the next source in the chain, which passed them on (sources.id)",
        "downstream": "its name",
        "claim_count": "how many distinct claims travelled along this link",
        "appearance_count": "how many appearances have this link in their chain",
    },
    sql="""
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
)

FIRST_APPEARANCES = View(
    name="first_appearances",
    description=(
        "Where each claim appeared first: its earliest article by publication date, and the "
        "outlet. Articles without a date count as later than any dated one; a tie goes to the "
        "lower article id, then the lower appearance id. Claims with no appearance are absent."
    ),
    columns={
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
    sql="""
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
)

CLAIM_DRIFT = View(
    name="claim_drift",
    description=(
        "How a claim changed on its way: one row per drift finding between two of its "
        "appearances, upstream to downstream (wording, names, hedging or attribution), with "
        "both outlets. Kept current whenever a claim's appearances or chains change."
    ),
    columns={
        "finding_id": "the finding (drift_findings.id)",
        "claim_id": "the claim (claims.id)",
        "claim": "the claim's text",
        "from_appearance_id": "the upstream appearance (appearances.id)",
        "to_appearance_id": "the downstream appearance, where the change is seen",
        "from_outlet": "the outlet that published the upstream appearance",
        "to_outlet": "the outlet that published the downstream appearance",
        "kind": "wording, names, hedging or attribution",
        "severity": "low, medium or high; changes inside quotation marks are high",
        "before_text": "what the upstream appearance has (an em dash when nothing)",
        "after_text": "what the downstream appearance has instead (an em dash when nothing)",
        "detail": "what kind of change, in plain words",
    },
    sql="""
SELECT d.id AS finding_id,
       d.claim_id,
       c.text AS claim,
       d.from_appearance_id,
       d.to_appearance_id,
       fo.name AS from_outlet,
       tos.name AS to_outlet,
       d.kind,
       d.severity,
       d.before_text,
       d.after_text,
       d.detail
FROM drift_findings d
JOIN claims c ON c.id = d.claim_id
JOIN appearances fa ON fa.id = d.from_appearance_id
JOIN articles far ON far.id = fa.article_id
JOIN sources fo ON fo.id = far.publisher_id
JOIN appearances ta ON ta.id = d.to_appearance_id
JOIN articles tar ON tar.id = ta.article_id
JOIN sources tos ON tos.id = tar.publisher_id
""",
)

VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        CLAIM_CARRIERS,
        APPEARANCE_CHAINS,
        ATTRIBUTION_EDGES,
        FIRST_APPEARANCES,
        CLAIM_DRIFT,
    )
}
