-- title: Claims carried without attribution
-- description: Appearances whose sentence names nobody: the chain holds only the article's
--   origin and its outlet, so the outlet states the claim in its own voice (or its wire's).
SELECT
    c.id AS claim_id,
    c.text AS claim,
    c.status,
    p.name AS outlet,
    ar.id AS article_id,
    ar.published,
    a.quote AS quotation
FROM appearances a
JOIN claims c ON c.id = a.claim_id
JOIN articles ar ON ar.id = a.article_id
JOIN sources p ON p.id = ar.publisher_id
WHERE NOT EXISTS (
    SELECT 1 FROM chain_hops h WHERE h.appearance_id = a.id AND h.role = 'stated'
)
-- Undated articles last, on SQLite (which sorts NULL first) as on PostgreSQL.
ORDER BY c.id, CASE WHEN ar.published IS NULL THEN 1 ELSE 0 END, ar.published, p.name, a.id
