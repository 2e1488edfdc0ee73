-- title: Claims worded differently by different outlets
-- description: For every claim that outlets quote in more than one wording, each outlet's
--   quotation side by side, and whether it is printed inside quotation marks: where
--   wording or attribution may have drifted on the way.
SELECT
    c.id AS claim_id,
    c.text AS claim,
    p.name AS outlet,
    ar.id AS article_id,
    ar.published,
    a.quote AS quotation,
    a.quoted
FROM appearances a
JOIN claims c ON c.id = a.claim_id
JOIN articles ar ON ar.id = a.article_id
JOIN sources p ON p.id = ar.publisher_id
WHERE a.claim_id IN (
    SELECT a2.claim_id
    FROM appearances a2
    JOIN articles ar2 ON ar2.id = a2.article_id
    GROUP BY a2.claim_id
    HAVING count(DISTINCT ar2.publisher_id) > 1 AND count(DISTINCT a2.quote) > 1
)
-- Undated articles last, on SQLite (which sorts NULL first) as on PostgreSQL.
ORDER BY c.id, CASE WHEN ar.published IS NULL THEN 1 ELSE 0 END, ar.published, p.name, a.id
