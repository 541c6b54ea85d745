-- Views over the contract tables (CONTRACT.md) for reading claims across sources.
-- Executed after the tables are loaded; needs `claims` and `sources`.

-- certainty, strongest first (used to prefer one claim over another)
CREATE OR REPLACE MACRO certainty_rank(c) AS
    CASE c WHEN 'official' THEN 1 WHEN 'reported' THEN 2 WHEN 'expected' THEN 3
           WHEN 'speculative' THEN 4 WHEN 'rumor' THEN 5 ELSE 6 END;
COMMENT ON MACRO certainty_rank IS
    'Rank of a claims.certainty value, 1 = official (strongest) .. 5 = rumor, 6 = unknown.';

CREATE OR REPLACE VIEW claim_timeline AS
SELECT
    c.subject,
    c.claim_type,
    c.person_id,
    s.published_on,
    row_number() OVER (
        PARTITION BY c.subject, c.claim_type
        ORDER BY s.published_on NULLS LAST, certainty_rank(c.certainty), c.claim_id
    ) AS seq,
    c.source_id,
    s.publisher,
    s.title AS source_title,
    c.value_text,
    c.value_start,
    c.value_end,
    c.value_number,
    c.value_unit,
    c.certainty,
    c.negated,
    c.attributed_to,
    c.claim_id,
    c.char_start,
    c.char_end
FROM claims AS c
JOIN sources AS s USING (source_id)
ORDER BY c.subject, c.claim_type, seq;
COMMENT ON VIEW claim_timeline IS
    'How each source''s claim about a subject and claim type evolved: one row per claim with its value and certainty, ordered by sources.published_on (seq = 1 is the earliest; undated sources last).';

CREATE OR REPLACE VIEW claim_conflicts AS
SELECT
    a.subject,
    a.claim_type,
    a.person_id,
    a.claim_id AS claim_id_a,
    b.claim_id AS claim_id_b,
    a.source_id AS source_id_a,
    b.source_id AS source_id_b,
    sa.published_on AS published_on_a,
    sb.published_on AS published_on_b,
    a.value_text AS value_text_a,
    b.value_text AS value_text_b,
    a.value_start AS value_start_a, a.value_end AS value_end_a,
    b.value_start AS value_start_b, b.value_end AS value_end_b,
    a.value_number AS value_number_a,
    b.value_number AS value_number_b,
    a.certainty AS certainty_a,
    b.certainty AS certainty_b,
    CASE WHEN a.value_start IS NOT NULL AND b.value_start IS NOT NULL
         THEN 'dates' ELSE 'numbers' END AS conflict_kind
FROM claims AS a
JOIN claims AS b
  ON a.subject = b.subject
 AND a.claim_type = b.claim_type
 AND a.person_id IS NOT DISTINCT FROM b.person_id
 AND a.source_id < b.source_id          -- each pair once, never within one source
JOIN sources AS sa ON sa.source_id = a.source_id
JOIN sources AS sb ON sb.source_id = b.source_id
WHERE NOT coalesce(a.negated, false) AND NOT coalesce(b.negated, false)
  AND (
       -- date intervals that do not overlap (an open end counts as its other end)
       (a.value_start IS NOT NULL AND b.value_start IS NOT NULL
        AND (coalesce(a.value_end, a.value_start) < b.value_start
             OR coalesce(b.value_end, b.value_start) < a.value_start))
    OR -- numbers in the same unit that differ by more than 1%
       (a.value_number IS NOT NULL AND b.value_number IS NOT NULL
        AND a.value_unit IS NOT DISTINCT FROM b.value_unit
        AND abs(a.value_number - b.value_number)
            > 0.01 * greatest(abs(a.value_number), abs(b.value_number)))
  );
COMMENT ON VIEW claim_conflicts IS
    'Pairs of non-negated claims from different sources on the same subject, claim type and person whose date intervals do not overlap or whose numbers (same unit) differ by more than 1%.';

CREATE OR REPLACE MACRO claims_as_of(d) AS TABLE
SELECT * EXCLUDE (pick)
FROM (
    SELECT
        c.*,
        s.published_on,
        row_number() OVER (
            PARTITION BY c.subject, c.claim_type, c.person_id
            ORDER BY s.published_on DESC, certainty_rank(c.certainty), c.claim_id
        ) AS pick
    FROM claims AS c
    JOIN sources AS s USING (source_id)
    WHERE s.published_on <= CAST(d AS DATE)
)
WHERE pick = 1;
COMMENT ON MACRO TABLE claims_as_of IS
    'claims_as_of(d): per subject, claim type and person, the claim known on date d (from sources published on or before d): the most recently published one, ties broken by higher certainty.';
