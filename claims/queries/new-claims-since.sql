-- title: Claims first published on or after a date
-- description: Claims whose earliest known appearance is on or after the date, with that
--   first date, the outlets carrying them and their review status.
-- param since: date  The first day, as YYYY-MM-DD.
SELECT
    c.id AS claim_id,
    c.text AS claim,
    c.status,
    min(ar.published) AS first_published,
    count(DISTINCT ar.publisher_id) AS outlets,
    count(a.id) AS appearances
FROM claims c
JOIN appearances a ON a.claim_id = c.id
JOIN articles ar ON ar.id = a.article_id
GROUP BY c.id, c.text, c.status
HAVING min(ar.published) >= :since
ORDER BY first_published, c.id
