-- Views over the contract tables (CONTRACT.md) for reading claims across sources.
-- Executed after the tables are loaded; needs `claims`, `sources` and `dates`.
-- Column comments are set by scoop/warehouse/views.py after this file runs.

-- certainty, strongest first (used to prefer one claim over another)
CREATE OR REPLACE MACRO certainty_rank(c) AS
    CASE c WHEN 'official' THEN 1 WHEN 'reported' THEN 2 WHEN 'expected' THEN 3
           WHEN 'speculative' THEN 4 WHEN 'rumor' THEN 5 ELSE 6 END;
COMMENT ON MACRO certainty_rank IS
    'Rank of a claims.certainty value, 1 = official (strongest) .. 5 = rumor, 6 = unknown.';

-- what kind of value a claim carries, most useful first
CREATE OR REPLACE MACRO value_kind_rank(k) AS
    CASE k WHEN 'calendar' THEN 1 WHEN 'number' THEN 2 WHEN 'text' THEN 3 WHEN 'vague' THEN 4 ELSE 5 END;
COMMENT ON MACRO value_kind_rank IS
    'Rank of a claim_facts.value_kind, 1 = calendar (most useful) .. 4 = vague, 5 = no value.';

-- Two claims published more than this many days apart: the later one revises the earlier
-- (claim_conflicts.kind = 'update'). Two weeks: a news cycle; closer than that, the two sources
-- report the same state of things and differ.
CREATE OR REPLACE MACRO conflict_update_days() AS 14;
COMMENT ON MACRO conflict_update_days IS
    'Days (14) two publications must be more than apart for claim_conflicts to call the later claim an update rather than a disagreement.';

-- One row per claim with what the other views compare on. `superseded` reads the
-- evidence sentence (the claims table has no column for it); `vague_value` looks
-- the value up in `dates` (PRESENT_REF / FUTURE_REF / durations).
CREATE OR REPLACE VIEW claim_facts AS
SELECT
    -- doubted: NULL on rows stored before the column existed (until re-extracted) counts as not doubted
    g.* REPLACE (coalesce(g.doubted, false) AS doubted),
    CASE WHEN g.vague_value THEN 'vague'
         WHEN g.value_start IS NOT NULL AND g.value_end IS NOT NULL THEN 'calendar'
         WHEN g.value_number IS NOT NULL THEN 'number'
         WHEN g.value_text IS NOT NULL OR g.value_start IS NOT NULL OR g.value_end IS NOT NULL THEN 'text'
    END AS value_kind,
    -- the source itself says the value is not so
    coalesce(g.negated, false) AS disputed
FROM (
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
            -- a cast claim's value is the character the actor plays (when the article names one)
            CASE WHEN c.claim_type IN ('cast', 'cast_exit') THEN c.value_text END AS character,
            s.published_on,
            s.publisher,
            s.title AS source_title,
            substr(s.body, c.char_start + 1, c.char_end - c.char_start) AS evidence
        FROM claims AS c
        JOIN sources AS s USING (source_id)
    ) AS f
) AS g;
COMMENT ON VIEW claim_facts IS
    'Every claim with its source''s published_on, publisher and title, the evidence text, subject_key (the subject lower-cased, spacing collapsed: what the other views group by), character (cast claims: the character played), superseded (restates an old plan or an earlier report), vague_value ("now"/"soon"/a duration), value_days (width of the value interval), value_kind (calendar, number, text, vague or NULL), disputed (the source says the value is not so: negated) and doubted (claims.doubted: the source doubts its own value, "I doubt it"; false when unknown).';

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
    f.character,
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
    'How the claims about each subject and claim type evolved: one row per claim with its value, character (cast claims), certainty, negation and superseded flag, ordered by sources.published_on (seq = 1 is the earliest; same day: stronger certainty first; undated sources last). Subjects that differ only in case or spacing share one sequence.';

CREATE OR REPLACE VIEW claim_conflicts AS
WITH comparable AS (
    -- claims that pin a single value another source could contradict
    SELECT *, coalesce(published_on, DATE '0001-01-01') AS published_key
    FROM claim_facts
    WHERE NOT disputed                                  -- a denial asserts no value
      AND NOT superseded                                -- an old plan is history, not a disagreement
      AND claim_type IN ('release', 'production_start', 'production_wrap', 'renewal',
                         'viewership', 'box_office', 'episodes')   -- one true value each
      AND (   (value_kind = 'calendar' AND value_days <= 366)      -- a calendar window, at most a year
           OR (value_number IS NOT NULL AND value_unit IS NOT NULL))
),
pairs AS (
    SELECT
        a.*,
        -- days between the two publications (a is the earlier; NULL when one is undated)
        datediff('day', a.published_on, b.published_on) AS pair_gap_days,
        b.claim_id AS b_claim_id, b.source_id AS b_source_id, b.publisher AS b_publisher,
        b.published_on AS b_published_on, b.value_text AS b_value_text,
        b.value_start AS b_value_start, b.value_end AS b_value_end,
        b.value_number AS b_value_number, b.certainty AS b_certainty, b.evidence AS b_evidence
    FROM comparable AS a
    JOIN comparable AS b
      ON a.subject_key = b.subject_key
     AND a.claim_type = b.claim_type
     AND a.person_id IS NOT DISTINCT FROM b.person_id
     -- each pair once, the earlier source first (undated ones first, same day by source_id);
     -- never two claims of one source
     AND (a.published_key < b.published_key
          OR (a.published_key = b.published_key AND a.source_id < b.source_id))
    WHERE least(certainty_rank(a.certainty), certainty_rank(b.certainty)) <= 3   -- not two guesses
      AND a.certainty <> 'rumor' AND b.certainty <> 'rumor'                   -- nor a rumor
      AND (
           -- two calendar windows that do not overlap
           (a.value_kind = 'calendar' AND b.value_kind = 'calendar'
            AND (a.value_end < b.value_start OR b.value_end < a.value_start))
        OR -- numbers in the same unit that differ by more than 1%
           (a.value_number IS NOT NULL AND b.value_number IS NOT NULL
            AND a.value_unit = b.value_unit
            AND abs(a.value_number - b.value_number)
                > 0.01 * greatest(abs(a.value_number), abs(b.value_number)))
      )
)
SELECT
    p.subject,
    p.claim_type,
    p.person_id,
    -- update: the later source revises the earlier one (published more than
    -- conflict_update_days() apart, about something that could still change when the earlier
    -- one wrote: a number, or a date window that had not yet ended); else a disagreement
    CASE WHEN p.pair_gap_days > conflict_update_days()
               AND (p.value_kind = 'number' OR p.value_end >= p.published_on)
         THEN 'update' ELSE 'disagreement' END AS kind,
    p.pair_gap_days AS gap_days,
    CASE WHEN p.value_kind = 'calendar' THEN 'dates' ELSE 'numbers' END AS conflict_kind,
    p.claim_id AS claim_id_a,
    p.b_claim_id AS claim_id_b,
    p.source_id AS source_id_a,
    p.b_source_id AS source_id_b,
    p.publisher AS publisher_a,
    p.b_publisher AS publisher_b,
    p.published_on AS published_on_a,
    p.b_published_on AS published_on_b,
    p.value_text AS value_text_a,
    p.b_value_text AS value_text_b,
    p.value_start AS value_start_a, p.value_end AS value_end_a,
    p.b_value_start AS value_start_b, p.b_value_end AS value_end_b,
    p.value_number AS value_number_a,
    p.b_value_number AS value_number_b,
    p.value_unit,
    p.certainty AS certainty_a,
    p.b_certainty AS certainty_b,
    CASE WHEN p.value_kind = 'calendar'
         THEN greatest(datediff('day', p.value_end, p.b_value_start), datediff('day', p.b_value_end, p.value_start))
    END AS value_gap_days,
    CASE WHEN p.value_kind = 'number'
         THEN round(abs(p.value_number - p.b_value_number)
                    / greatest(abs(p.value_number), abs(p.b_value_number)), 4)
    END AS relative_difference,
    p.evidence AS evidence_a,
    p.b_evidence AS evidence_b
FROM pairs AS p
ORDER BY p.subject_key, p.claim_type, p.published_key, p.b_published_on NULLS FIRST, p.claim_id, p.b_claim_id;
COMMENT ON VIEW claim_conflicts IS
    'Pairs of claims from different sources about the same subject (case-insensitive), claim type and person that cannot both be true: calendar windows that do not overlap, or numbers in the same unit more than 1% apart. Each pair once, a = the earlier publication. kind = update when the two were published more than conflict_update_days() (14) days apart and the earlier value could still change (a number, or a window not yet over when it was published): the later source revises the earlier; otherwise disagreement (sources of about the same date, an undated source, or two accounts of something already past). gap_days = days between the two publications; value_gap_days = days between the two windows; relative_difference = how far apart two numbers are. Only claim types with one true value (release, production_start, production_wrap, renewal, viewership, box_office, episodes); never a negated claim, a restated old plan (superseded), a value like "now"/"soon"/a duration or a window wider than a year; at least one side official, reported or expected and neither a rumor.';

CREATE OR REPLACE MACRO claims_as_of(d) AS TABLE
WITH known AS (
    -- doubted (claims.doubted, set by the extractor: credit_cues.DOUBT_BACK): the source floats the
    -- value and its own writer or speaker doubts it ("Maybe it comes in late 2025, but I highly
    -- doubt it", "..., though that seems unlikely"); a doubted value, like a disputed one, only
    -- stands when nothing else was said
    SELECT * FROM claim_facts WHERE published_on <= CAST(d AS DATE)
),
-- the latest word per subject, claim type and person
latest AS (
    SELECT * FROM (
        SELECT k.*,
               row_number() OVER (
                   PARTITION BY k.subject_key, k.claim_type, k.person_id
                   ORDER BY k.disputed,                          -- never a value the source disputes
                            k.doubted,                           -- nor one its writer doubts
                            value_kind_rank(k.value_kind),      -- calendar, number, text, vague, none
                            k.published_on DESC,
                            k.superseded,
                            certainty_rank(k.certainty),
                            k.value_days NULLS LAST,
                            k.char_start DESC,
                            k.claim_id
               ) AS pick
        FROM known AS k)
    WHERE pick = 1
),
-- refined: a narrower calendar window inside it (any source up to d, at least as certain,
-- neither disputed nor superseded) says the same more precisely
chosen AS (
    SELECT c.claim_id,
           row_number() OVER (
               PARTITION BY l.claim_id
               ORDER BY c.value_days NULLS LAST, c.published_on DESC, certainty_rank(c.certainty),
                        c.char_start DESC, c.claim_id
           ) AS pick
    FROM latest AS l
    JOIN known AS c
      ON c.claim_id = l.claim_id
      OR (c.subject_key = l.subject_key AND c.claim_type = l.claim_type
          AND c.person_id IS NOT DISTINCT FROM l.person_id
          AND l.value_kind = 'calendar' AND c.value_kind = 'calendar'
          AND NOT l.disputed AND NOT c.disputed AND NOT c.superseded AND NOT c.doubted
          AND certainty_rank(c.certainty) <= certainty_rank(l.certainty)
          AND c.value_start >= l.value_start AND c.value_end <= l.value_end)
)
SELECT k.*
FROM known AS k
JOIN chosen AS ch ON ch.claim_id = k.claim_id AND ch.pick = 1;
COMMENT ON MACRO TABLE claims_as_of IS
    'claims_as_of(d): per subject (case-insensitive), claim type and person, the claim that stood on date d (the columns of claim_facts), from sources published on or before d. A value the source itself disputes (negated), then one its writer doubts (claims.doubted: a later clause says "I doubt it", "that seems unlikely"), only when nothing else was said; then a calendar value over a number, a text value (a cast claim''s character), a vague one ("now", "soon", a duration) and none; then the most recently published, the current plan over a restated old one (superseded), the stronger certainty, the narrower window, the later statement in the article. A narrower calendar window inside the chosen one (another source up to d, at least as certain) replaces it: "January 2022" over a later "2022".';
