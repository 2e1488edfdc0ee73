-- title: Claims passed on through a source
-- description: Every appearance whose attribution chain runs through the source, where
--   it sits in the chain (0 is the origin) and how it is credited, with the outlet that
--   carries it: what reaches readers on this source's word.
-- param source: source  The source: its name, an alias or #ID.
SELECT
    c.id AS claim_id,
    c.text AS claim,
    p.name AS outlet,
    ar.id AS article_id,
    ar.published,
    h.position,
    h.role,
    h.cue,
    a.quote AS quotation
FROM chain_hops h
JOIN appearances a ON a.id = h.appearance_id
JOIN claims c ON c.id = a.claim_id
JOIN articles ar ON ar.id = a.article_id
JOIN sources p ON p.id = ar.publisher_id
WHERE h.source_id = :source
-- Undated articles last, on SQLite (which sorts NULL first) as on PostgreSQL.
ORDER BY c.id, CASE WHEN ar.published IS NULL THEN 1 ELSE 0 END, ar.published, p.name, a.id
