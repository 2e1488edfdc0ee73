-- title: Claims an outlet carries
-- description: Every claim the outlet has published, with its review status and verdict,
--   how often the outlet carries it and when it first did, earliest first (claims it
--   carries only in undated articles last).
-- param outlet: source  The outlet: its name, an alias or #ID.
SELECT
    c.id AS claim_id,
    c.text AS claim,
    c.status,
    c.verdict,
    count(a.id) AS appearances,
    count(DISTINCT ar.id) AS articles,
    min(ar.published) AS first_published
FROM claims c
JOIN appearances a ON a.claim_id = c.id
JOIN articles ar ON ar.id = a.article_id
WHERE ar.publisher_id = :outlet
GROUP BY c.id, c.text, c.status, c.verdict
-- Claims the outlet carries only in undated articles last, on SQLite (which sorts NULL
-- first) as on PostgreSQL.
ORDER BY CASE WHEN min(ar.published) IS NULL THEN 1 ELSE 0 END, first_published, c.id
