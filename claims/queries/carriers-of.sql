-- title: Outlets carrying a claim
-- description: Every article that carries the claim: its outlet, date, the quotation as
--   printed, and the attribution chain from whoever said it to the outlet, oldest first
--   (undated articles last).
-- param claim: integer  The claim's id (see `claims claim list`).
WITH RECURSIVE chain (appearance_id, position, text) AS (
    SELECT h.appearance_id, h.position, CAST(s.name AS TEXT)
    FROM chain_hops h
    JOIN appearances a ON a.id = h.appearance_id
    JOIN sources s ON s.id = h.source_id
    WHERE h.position = 0 AND a.claim_id = :claim
    UNION ALL
    SELECT h.appearance_id, h.position, c.text || ' → ' || s.name
    FROM chain c
    JOIN chain_hops h ON h.appearance_id = c.appearance_id AND h.position = c.position + 1
    JOIN sources s ON s.id = h.source_id
)
SELECT
    p.name AS outlet,
    ar.id AS article_id,
    ar.title,
    ar.published,
    a.id AS appearance_id,
    a.quote AS quotation,
    a.quoted,
    c.text AS chain
FROM appearances a
JOIN articles ar ON ar.id = a.article_id
JOIN sources p ON p.id = ar.publisher_id
LEFT JOIN chain c ON c.appearance_id = a.id
    AND c.position = (SELECT max(h.position) FROM chain_hops h WHERE h.appearance_id = a.id)
WHERE a.claim_id = :claim
-- Undated articles last, on SQLite (which sorts NULL first) as on PostgreSQL.
ORDER BY CASE WHEN ar.published IS NULL THEN 1 ELSE 0 END, ar.published, p.name, a.id
