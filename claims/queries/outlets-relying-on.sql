-- title: Outlets relying on a source
-- description: Per outlet, how many claims and appearances it carries on the source's
--   word (the source appears upstream of the outlet in the chain), and over which dates.
-- param source: source  The upstream source: its name, an alias or #ID.
SELECT
    p.name AS outlet,
    count(DISTINCT a.claim_id) AS claims,
    count(DISTINCT a.id) AS appearances,
    min(ar.published) AS first_published,
    max(ar.published) AS last_published
FROM chain_hops h
JOIN appearances a ON a.id = h.appearance_id
JOIN articles ar ON ar.id = a.article_id
JOIN sources p ON p.id = ar.publisher_id
WHERE h.source_id = :source AND ar.publisher_id <> :source
GROUP BY p.name
ORDER BY claims DESC, appearances DESC, p.name
