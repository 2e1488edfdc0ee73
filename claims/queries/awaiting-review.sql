-- title: Claims awaiting review
-- description: Claims submitted for review and not yet decided, longest waiting first,
--   with who sent them, and how many outlets and appearances carry each. Claims in review
--   with no submission recorded (an import carries the status, not its history) come last.
SELECT claim_id, claim, submitted_by, submitted_at, outlets, appearances
FROM (
    SELECT
        c.id AS claim_id,
        c.text AS claim,
        (SELECT r.reviewer FROM reviews r
         WHERE r.claim_id = c.id AND r.decision = 'submitted'
         ORDER BY r.decided_at DESC, r.id DESC LIMIT 1) AS submitted_by,
        (SELECT max(r.decided_at) FROM reviews r
         WHERE r.claim_id = c.id AND r.decision = 'submitted') AS submitted_at,
        (SELECT count(DISTINCT ar.publisher_id) FROM appearances a
         JOIN articles ar ON ar.id = a.article_id WHERE a.claim_id = c.id) AS outlets,
        (SELECT count(*) FROM appearances a WHERE a.claim_id = c.id) AS appearances
    FROM claims c
    WHERE c.status = 'in_review'
) waiting
-- No submission last, on SQLite (which sorts NULL first) as on PostgreSQL.
ORDER BY CASE WHEN submitted_at IS NULL THEN 1 ELSE 0 END, submitted_at, claim_id
