-- Views over the contract tables (CONTRACT.md) for reading claims across sources.
-- Executed after the tables are loaded; needs `claims`, `sources` and `dates`.

-- certainty, strongest first (used to prefer one claim over another)
CREATE OR REPLACE MACRO certainty_rank(c) AS
    CASE c WHEN 'official' THEN 1 WHEN 'reported' THEN 2 WHEN 'expected' THEN 3
           WHEN 'speculative' THEN 4 WHEN 'rumor' THEN 5 ELSE 6 END;
COMMENT ON MACRO certainty_rank IS
    'Rank of a claims.certainty value, 1 = official (strongest) .. 5 = rumor, 6 = unknown.';

-- One row per claim with what the other views compare on. `superseded` reads the
-- evidence sentence (the claims table has no column for it); `vague_value` looks
-- the value up in `dates` (PRESENT_REF / FUTURE_REF / durations).
CREATE OR REPLACE VIEW claim_facts AS
SELECT
    f.*,
    -- an old plan or an earlier report, restated: "was originally eyed for 2024",
    -- "may be released in December, according to previous reports"
    regexp_matches(f.evidence,
        '(?i)\b(originally|initially|earlier reports?|previous reports?|was (once )?supposed to|had been (set|slated|scheduled|planned))\b')
        AS superseded,
    -- a value that says "now" or "soon" (PRESENT_REF, FUTURE_REF) or a span of time:
    -- it places nothing on the calendar that another source could contradict
    (EXISTS (SELECT 1 FROM dates AS d
             WHERE d.source_id = f.source_id AND d.text = f.value_text
               AND (d.value LIKE '%\_REF' ESCAPE '\' OR d.granularity IN ('ref', 'duration')
                    OR d.timex_type = 'DURATION'))
     OR regexp_matches(coalesce(f.value_text, ''),
        '(?i)^(now|right now|currently|today|soon|recently|right then|then|at the moment)$'))
        AS vague_value,
    CASE WHEN f.value_start IS NOT NULL AND f.value_end IS NOT NULL
         THEN datediff('day', f.value_start, f.value_end) + 1 END AS value_days
FROM (
    SELECT
        c.*,
        lower(regexp_replace(trim(c.subject), '\s+', ' ', 'g')) AS subject_key,
        s.published_on,
        s.publisher,
        s.title AS source_title,
        substr(s.body, c.char_start + 1, c.char_end - c.char_start) AS evidence
    FROM claims AS c
    JOIN sources AS s USING (source_id)
) AS f;
COMMENT ON VIEW claim_facts IS
    'Every claim with its source''s published_on, publisher and title, the evidence text, subject_key (the subject lower-cased, spacing collapsed: what the other views group by, so "All Of Us" and "All of Us" meet), superseded (the sentence restates an old plan or an earlier report: originally, initially, previous reports), vague_value (the value is a reference like "now"/"soon" or a duration, not a calendar date) and value_days (width of the value interval).';

CREATE OR REPLACE VIEW claim_timeline AS
SELECT
    f.subject,
    f.claim_type,
    f.person_id,
    f.published_on,
    row_number() OVER (
        PARTITION BY f.subject_key, f.claim_type
        ORDER BY f.published_on NULLS LAST, certainty_rank(f.certainty), f.char_start, f.claim_id
    ) AS seq,
    f.source_id,
    f.publisher,
    f.source_title,
    f.value_text,
    f.value_start,
    f.value_end,
    f.value_number,
    f.value_unit,
    f.certainty,
    f.negated,
    f.superseded,
    f.attributed_to,
    f.claim_id,
    f.char_start,
    f.char_end,
    f.evidence
FROM claim_facts AS f
ORDER BY f.subject_key, f.claim_type, seq;
COMMENT ON VIEW claim_timeline IS
    'How the claims about each subject and claim type evolved: one row per claim with its value, certainty, negation and superseded flag, ordered by sources.published_on (seq = 1 is the earliest; same day: stronger certainty first; undated sources last). Subjects that differ only in case or spacing share one sequence.';

CREATE OR REPLACE VIEW claim_conflicts AS
WITH comparable AS (
    -- claims that pin a single value another source could contradict
    SELECT *
    FROM claim_facts
    WHERE NOT coalesce(negated, false)                 -- a denial asserts no value
      AND NOT superseded                                -- an old plan is history, not a disagreement
      AND claim_type IN ('release', 'production_start', 'production_wrap', 'renewal',
                         'viewership', 'box_office', 'episodes')   -- one true value each
      AND (   (value_start IS NOT NULL AND value_end IS NOT NULL
               AND NOT vague_value AND value_days <= 366)          -- a calendar window, at most a year
           OR (value_number IS NOT NULL AND value_unit IS NOT NULL))
)
SELECT
    a.subject,
    a.claim_type,
    a.person_id,
    CASE WHEN a.value_start IS NOT NULL THEN 'dates' ELSE 'numbers' END AS conflict_kind,
    a.claim_id AS claim_id_a,
    b.claim_id AS claim_id_b,
    a.source_id AS source_id_a,
    b.source_id AS source_id_b,
    a.publisher AS publisher_a,
    b.publisher AS publisher_b,
    a.published_on AS published_on_a,
    b.published_on AS published_on_b,
    a.value_text AS value_text_a,
    b.value_text AS value_text_b,
    a.value_start AS value_start_a, a.value_end AS value_end_a,
    b.value_start AS value_start_b, b.value_end AS value_end_b,
    a.value_number AS value_number_a,
    b.value_number AS value_number_b,
    a.value_unit,
    a.certainty AS certainty_a,
    b.certainty AS certainty_b,
    CASE WHEN a.value_start IS NOT NULL
         THEN greatest(datediff('day', a.value_end, b.value_start), datediff('day', b.value_end, a.value_start))
    END AS gap_days,
    CASE WHEN a.value_number IS NOT NULL
         THEN round(abs(a.value_number - b.value_number)
                    / greatest(abs(a.value_number), abs(b.value_number)), 4)
    END AS relative_difference,
    a.evidence AS evidence_a,
    b.evidence AS evidence_b
FROM comparable AS a
JOIN comparable AS b
  ON a.subject_key = b.subject_key
 AND a.claim_type = b.claim_type
 AND a.person_id IS NOT DISTINCT FROM b.person_id
 AND a.source_id < b.source_id                          -- each pair once, never within one source
WHERE least(certainty_rank(a.certainty), certainty_rank(b.certainty)) <= 3   -- not two guesses
  AND a.certainty <> 'rumor' AND b.certainty <> 'rumor'                   -- nor a rumor
  AND (
       -- two calendar windows that do not overlap
       (a.value_start IS NOT NULL AND b.value_start IS NOT NULL
        AND (a.value_end < b.value_start OR b.value_end < a.value_start))
    OR -- numbers in the same unit that differ by more than 1%
       (a.value_number IS NOT NULL AND b.value_number IS NOT NULL
        AND a.value_unit = b.value_unit
        AND abs(a.value_number - b.value_number)
            > 0.01 * greatest(abs(a.value_number), abs(b.value_number)))
  )
ORDER BY a.subject_key, a.claim_type, a.published_on, b.published_on;
COMMENT ON VIEW claim_conflicts IS
    'Pairs of claims from different sources about the same subject (case-insensitive), claim type and person that cannot both be true: calendar windows that do not overlap, or numbers in the same unit more than 1% apart. Only claim types with one true value (release, production_start, production_wrap, renewal, viewership, box_office, episodes); never a negated claim, a restated old plan (superseded), a value like "now"/"soon"/a duration or a window wider than a year; at least one side official, reported or expected and neither a rumor (two guesses, or a rumor, do not make a conflict). gap_days / relative_difference say how far apart they are.';

CREATE OR REPLACE MACRO claims_as_of(d) AS TABLE
SELECT * EXCLUDE (pick)
FROM (
    SELECT
        f.*,
        row_number() OVER (
            PARTITION BY f.subject_key, f.claim_type, f.person_id
            ORDER BY (f.value_start IS NOT NULL OR f.value_number IS NOT NULL) DESC,
                     f.published_on DESC,
                     coalesce(f.negated, false),
                     f.superseded,
                     certainty_rank(f.certainty),
                     f.vague_value,
                     f.value_days NULLS LAST,
                     f.char_start DESC,
                     f.claim_id
        ) AS pick
    FROM claim_facts AS f
    WHERE f.published_on <= CAST(d AS DATE)
)
WHERE pick = 1;
COMMENT ON MACRO TABLE claims_as_of IS
    'claims_as_of(d): per subject (case-insensitive), claim type and person, the claim that stood on date d, from sources published on or before d: a claim with a value over one without, then the most recently published, then an assertion over a denial, the current plan over a restated old one (superseded), the stronger certainty, a calendar value over "now"/"soon", the narrower window, and the later statement in the article.';
