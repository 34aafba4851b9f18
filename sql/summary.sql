-- Skillscope summary.csv in SQL (DuckDB 1.5).
--
-- Run it in the folder that holds the CSVs `npm run score` (or the app's "Your data") writes:
--   duckdb < /path/to/sql/summary.sql        or, inside duckdb:   .read /path/to/sql/summary.sql
-- The last statement is a SELECT giving the rows of summary.csv: one per subject x framework x
-- axis x shown rater group, with the same columns and the same figures (mean and sd rounded to
-- 2 decimals, percent to 1, half away from zero exactly as src/core/score/rounding.ts does).
-- Row order is free. It follows DESIGN.md "Scoring" and src/core/score/, rule for rule.
--
-- What it reads, and why two files:
--   responses-long.csv  one row per answer (response_id ... statement_id, level, domain, rating).
--   statements.csv      one row per subject x framework x statement, written beside it by
--                       `npm run score`. Coverage and the attained level divide by the number of
--                       statements on an axis (and on an axis at each level), and a statement
--                       nobody answered has no row in responses-long.csv, so the framework's
--                       statement list (with each statement's level and domain) is taken from
--                       statements.csv: its distinct framework_id, statement_id, level, domain.
--                       A framework's axes are: `framework`/`all`, each level its statements
--                       name, each domain they name.
--
-- Input is taken as Skillscope writes it (ids with their spreadsheet guard `'`, which is kept in
-- the output so that cells equal summary.csv's). What `npm run score` would refuse and this
-- query would otherwise score differently stops the query with a message instead: a rating
-- other than 1-4 or empty, an unknown rater group, a statement missing from statements.csv, one
-- response_id with two different contents.
--
-- Limits (see the README): a response that answered nothing has no row in responses-long.csv,
-- so it is not counted here although `npm run score` counts it for anonymity and as the latest
-- self-assessment; a domain with no statement has no row in statements.csv, so no axis here.

-- DESIGN.md "Anonymity", with issue 10's thresholds at their defaults: how many responses a
-- group needs to be shown on its own (`others`: to be shown at all). Change them here to match
-- a coach's campaign.
CREATE OR REPLACE TEMP TABLE anonymity_thresholds AS
SELECT * FROM (VALUES
  ('manager', 1, 1),
  ('peer', 3, 2),
  ('direct-report', 3, 3),
  ('other', 3, 4),
  ('others', 3, NULL)
) AS t(rater_group, min_responses, tie_order);

-- README "Frameworks without levels": the framework or a domain attains the framework's
-- standardLevel when it meets the bar. Every built-in framework and O*NET export says
-- `proficient`; a Skillscope framework file may say another level: add its row here.
CREATE OR REPLACE TEMP TABLE standard_levels AS
SELECT * FROM (VALUES ('', 'proficient')) AS t(framework_id, standard_level)
WHERE false;

CREATE OR REPLACE TEMP TABLE level_order AS
SELECT * FROM (VALUES ('emerging', 1), ('developing', 2), ('proficient', 3), ('advanced', 4)) AS t(level, level_rank);

-- DESIGN.md "CSV formats": one leading ' was added to text starting with = + - @ tab CR LF (or
-- with ' before one of those); ids are compared without it, as the scorer compares them.
CREATE OR REPLACE TEMP MACRO unguard(text) AS
  regexp_replace(text, '^''(''*[=+\-@\t\r\n])', '\1');

-- Values quoted in a message: cut short, control and bidirectional characters shown as '?', so
-- no id can forge a second line or reorder the message (the command line escapes them for the
-- same reason, src/core/model/echo.ts).
CREATE OR REPLACE TEMP MACRO quoted(text) AS
  '"' || regexp_replace(left(text, 40), '[[:cntrl:]\x{200E}\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}]', '?', 'g') || '"';

-- The scorer breaks a tie between two self-assessments at the same instant by the greater
-- response_id in JavaScript's order, UTF-16 code units; DuckDB compares text by code point. A
-- list of UTF-16 code units compares as JavaScript does.
CREATE OR REPLACE TEMP MACRO utf16_units(text) AS
  flatten(list_transform(str_split(text, ''), lambda ch:
    CASE WHEN unicode(ch) > 65535
      THEN [55296 + ((unicode(ch) - 65536) >> 10), 56320 + ((unicode(ch) - 65536) & 1023)]
      ELSE [unicode(ch)] END));

-- src/core/model/instant.ts: milliseconds since 1970 of an ISO 8601 instant in any of the forms
-- the importer reads (calendar, ordinal and week dates; extended or basic; fractions with . or ,;
-- 24:00; leap second; T, t or space; Z or an offset), NULL when it is not one.
CREATE OR REPLACE TEMP MACRO days_before_year(y) AS
  CAST((y - 1) * 365 + floor((y - 1) / 4) - floor((y - 1) / 100) + floor((y - 1) / 400) - 719162 AS BIGINT);

CREATE OR REPLACE TEMP MACRO is_leap_year(y) AS
  (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0;

CREATE OR REPLACE TEMP MACRO days_in_month(y, m) AS
  CASE WHEN m = 2 THEN CASE WHEN is_leap_year(y) THEN 29 ELSE 28 END
       WHEN m IN (4, 6, 9, 11) THEN 30 ELSE 31 END;

CREATE OR REPLACE TEMP MACRO monday_of_week_one(y) AS
  days_before_year(y) + 3 - ((((days_before_year(y) + 3 + 3) % 7) + 7) % 7);

CREATE OR REPLACE TEMP MACRO iso_day_number(date_text) AS (
  WITH d AS (
    SELECT regexp_extract(date_text,
      '^(\d{4})(?:-(\d{2})-(\d{2})|(\d{2})(\d{2})|-(\d{3})|(\d{3})|-W(\d{2})-([1-7])|W(\d{2})([1-7]))$',
      ['y', 'm1', 'd1', 'm2', 'd2', 'o1', 'o2', 'w1', 'wd1', 'w2', 'wd2']) AS g
  ), p AS (
    SELECT
      CAST(nullif(g.y, '') AS INTEGER) AS y,
      CAST(coalesce(nullif(g.m1, ''), nullif(g.m2, '')) AS INTEGER) AS m,
      CAST(coalesce(nullif(g.d1, ''), nullif(g.d2, '')) AS INTEGER) AS dm,
      CAST(coalesce(nullif(g.o1, ''), nullif(g.o2, '')) AS INTEGER) AS o,
      CAST(coalesce(nullif(g.w1, ''), nullif(g.w2, '')) AS INTEGER) AS w,
      CAST(coalesce(nullif(g.wd1, ''), nullif(g.wd2, '')) AS INTEGER) AS wd
    FROM d
  )
  SELECT CASE
    WHEN y IS NULL THEN NULL
    WHEN m IS NOT NULL THEN
      CASE WHEN m < 1 OR m > 12 OR dm < 1 OR dm > days_in_month(y, m) THEN NULL
           ELSE days_before_year(y) + [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][m]
                + CASE WHEN m > 2 AND is_leap_year(y) THEN 1 ELSE 0 END + dm - 1 END
    WHEN o IS NOT NULL THEN
      CASE WHEN o >= 1 AND o <= CASE WHEN is_leap_year(y) THEN 366 ELSE 365 END
           THEN days_before_year(y) + o - 1 END
    ELSE
      CASE WHEN w >= 1 AND w <= (monday_of_week_one(y + 1) - monday_of_week_one(y)) / 7
           THEN monday_of_week_one(y) + (w - 1) * 7 + wd - 1 END
  END FROM p
);

CREATE OR REPLACE TEMP MACRO iso_time_ms(time_text, extended) AS (
  WITH t AS (
    SELECT CASE WHEN extended
      THEN regexp_extract(time_text, '^(\d{2})(?::(\d{2})(?::(\d{2}))?)?(?:[.,](\d+))?$', ['hh', 'mm', 'ss', 'fraction'])
      ELSE regexp_extract(time_text, '^(\d{2})(?:(\d{2})(\d{2})?)?(?:[.,](\d+))?$', ['hh', 'mm', 'ss', 'fraction'])
    END AS g
  ), p AS (
    SELECT
      CAST(nullif(g.hh, '') AS BIGINT) AS hours,
      coalesce(CAST(nullif(g.mm, '') AS BIGINT), 0) AS minutes,
      coalesce(CAST(nullif(g.ss, '') AS BIGINT), 0) AS seconds,
      coalesce(CAST('0.' || nullif(g.fraction, '') AS DOUBLE), 0) AS part,
      CASE WHEN g.ss <> '' THEN 1000 WHEN g.mm <> '' THEN 60000 ELSE 3600000 END AS unit
    FROM t
  )
  SELECT CASE
    WHEN hours IS NULL OR minutes > 59 OR seconds > 60 OR hours > 24 THEN NULL
    WHEN hours = 24 AND (minutes <> 0 OR seconds <> 0 OR part <> 0) THEN NULL
    ELSE ((hours * 60 + minutes) * 60 + seconds) * 1000 + CAST(floor(part * unit) AS BIGINT)
  END FROM p
);

CREATE OR REPLACE TEMP MACRO instant_ms(text) AS (
  WITH s AS (
    SELECT regexp_extract(text, '^(.+?)[Tt ](.+)$', ['date_part', 'rest']) AS g
  ), z AS (
    SELECT g.date_part AS date_part,
      regexp_extract(g.rest, '^(.*?)(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$', ['time_part', 'utc', 'sign', 'zh', 'zm']) AS zone
    FROM s
  ), v AS (
    SELECT
      iso_day_number(date_part) AS day,
      iso_time_ms(zone.time_part, contains(date_part, '-')) AS ms,
      zone.utc <> '' OR zone.sign <> '' AS zoned,
      coalesce(CAST(nullif(zone.zh, '') AS BIGINT), 0) AS zh,
      coalesce(CAST(nullif(zone.zm, '') AS BIGINT), 0) AS zm,
      zone.sign AS sign
    FROM z
  )
  SELECT CASE
    WHEN NOT zoned OR day IS NULL OR ms IS NULL OR zh > 23 OR zm > 59 THEN NULL
    ELSE day * 86400000 + ms - (zh * 60 + zm) * 60000 * CASE WHEN sign = '-' THEN -1 ELSE 1 END
  END FROM v
);

-- src/core/score/rounding.ts: half away from zero on the DECIMAL value the double prints as
-- (its shortest representation, which DuckDB prints as JavaScript does), by shifting the decimal
-- point in that text, so 1.005 gives 1.01. The same double operations as the TypeScript.
CREATE OR REPLACE TEMP MACRO round_half_away(x, decimals) AS
  CASE
    WHEN x IS NULL OR isnan(x) OR isinf(x) THEN x
    WHEN contains(CAST(abs(x) AS VARCHAR), 'e') AND abs(x) >= 1 THEN x
    ELSE (
      CASE WHEN x < 0 AND round(CASE WHEN contains(CAST(abs(x) AS VARCHAR), 'e') THEN abs(x) * power(10, decimals)
                                     ELSE CAST(CAST(abs(x) AS VARCHAR) || 'e' || decimals AS DOUBLE) END) <> 0
        THEN -1 ELSE 1 END
      * round(CASE WHEN contains(CAST(abs(x) AS VARCHAR), 'e') THEN abs(x) * power(10, decimals)
                   ELSE CAST(CAST(abs(x) AS VARCHAR) || 'e' || decimals AS DOUBLE) END)
      / power(10, decimals))
  END;

-- The framework's statements, from statements.csv (see the top of this file).
CREATE OR REPLACE TEMP TABLE framework_statements AS
SELECT DISTINCT framework_id, statement_id, coalesce(level, '') AS level, coalesce(domain, '') AS domain
FROM read_csv('statements.csv', header = true, delim = ',', quote = '"', escape = '"',
              all_varchar = true, auto_detect = true);

-- DESIGN.md "Axis": the whole framework (`all`), each level, each domain; with each statement's
-- level, for the attained level of the framework and of a domain.
CREATE OR REPLACE TEMP TABLE axis_statements AS
SELECT framework_id, 'framework' AS axis_kind, 'all' AS axis_id, statement_id, level FROM framework_statements
UNION ALL
SELECT framework_id, 'level', level, statement_id, level FROM framework_statements WHERE level <> ''
UNION ALL
SELECT framework_id, 'domain', domain, statement_id, level FROM framework_statements WHERE domain <> '';

-- Every answer once. A response imported twice has the same rows twice: DISTINCT keeps one.
CREATE OR REPLACE TEMP TABLE answers AS
SELECT DISTINCT
  a.response_id,
  a.framework_id,
  a.subject_id,
  CASE WHEN a.rater_group IN ('self', 'manager', 'peer', 'direct-report', 'other') THEN a.rater_group
       ELSE error('responses-long.csv: rater_group ' || quoted(a.rater_group) || ' of response ' || quoted(a.response_id)
                  || ' is not one of self, manager, peer, direct-report, other.') END AS rater_group,
  a.submitted_at,
  CASE WHEN s.statement_id IS NOT NULL THEN a.statement_id
       ELSE error('responses-long.csv: statement ' || quoted(a.statement_id) || ' of framework ' || quoted(a.framework_id)
                  || ' is not in statements.csv: use the statements.csv written with this file.') END AS statement_id,
  CASE WHEN coalesce(a.rating, '') = '' THEN NULL
       WHEN a.rating IN ('1', '2', '3', '4') THEN CAST(a.rating AS INTEGER)
       ELSE error('responses-long.csv: rating ' || quoted(a.rating) || ' of response ' || quoted(a.response_id)
                  || ' is not 1, 2, 3 or 4 (or empty for N/A).') END AS rating
FROM read_csv('responses-long.csv', header = true, delim = ',', quote = '"', escape = '"',
              all_varchar = true, auto_detect = true) AS a
LEFT JOIN (SELECT DISTINCT framework_id, statement_id FROM framework_statements) AS s
  ON s.framework_id = a.framework_id AND s.statement_id = a.statement_id;

-- DESIGN.md "Which responses count": one row per response; the same response_id with other
-- content is refused by `npm run score`, and stops this query too.
CREATE OR REPLACE TEMP TABLE responses AS
SELECT response_id, framework_id, subject_id, rater_group, submitted_at,
  CASE WHEN count(*) OVER (PARTITION BY response_id) = 1 THEN true
       ELSE error('responses-long.csv: response ' || quoted(response_id) || ' appears with two different contents.') END AS single
FROM (SELECT DISTINCT response_id, framework_id, subject_id, rater_group, submitted_at FROM answers);

-- Stops on a response that rates one statement twice, differently; the table stays empty.
CREATE OR REPLACE TEMP TABLE conflicting_answers AS
SELECT * FROM (
  SELECT CASE WHEN count(*) > 1
    THEN error('responses-long.csv: response ' || quoted(response_id) || ' rates statement ' || quoted(statement_id) || ' twice, differently.')
  END AS problem
  FROM answers GROUP BY response_id, statement_id
) WHERE problem IS NOT NULL;

-- Every rater response, and only the latest self response per subject and framework: by
-- submitted_at as an instant (a time that does not parse counts as oldest), ties by the greater
-- response_id (src/core/score/counted-responses.ts).
CREATE OR REPLACE TEMP TABLE counted_responses AS
SELECT response_id, framework_id, subject_id, rater_group FROM responses WHERE rater_group <> 'self'
UNION ALL
SELECT response_id, framework_id, subject_id, rater_group FROM responses WHERE rater_group = 'self'
QUALIFY row_number() OVER (
  PARTITION BY subject_id, framework_id
  ORDER BY instant_ms(submitted_at) DESC NULLS LAST, utf16_units(unguard(response_id)) DESC
) = 1;

WITH
-- DESIGN.md "Anonymity", as src/core/score/anonymity.ts decides it.
group_counts AS (
  SELECT s.subject_id, s.framework_id, t.rater_group, t.min_responses, t.tie_order,
    count(c.response_id) AS responses
  FROM (SELECT DISTINCT subject_id, framework_id FROM counted_responses) AS s
  CROSS JOIN anonymity_thresholds AS t
  LEFT JOIN counted_responses AS c
    ON c.subject_id = s.subject_id AND c.framework_id = s.framework_id AND c.rater_group = t.rater_group
  WHERE t.rater_group <> 'others'
  GROUP BY ALL
),
subject_counts AS (
  SELECT g.subject_id, g.framework_id,
    sum(g.responses) AS others_responses,
    -- A group at its threshold is shown on its own.
    sum(g.responses) FILTER (WHERE g.responses > 0 AND g.responses >= g.min_responses) AS own_shown_responses,
    -- The bar of a pool: the `others` threshold and that of every group with a response in it.
    greatest(max(o.min_responses), max(g.min_responses) FILTER (WHERE g.responses > 0)) AS others_bar,
    greatest(max(o.min_responses), max(g.min_responses) FILTER (WHERE g.responses > 0 AND g.responses < g.min_responses)) AS remainder_base_bar
  FROM group_counts AS g CROSS JOIN (SELECT min_responses FROM anonymity_thresholds WHERE rater_group = 'others') AS o
  GROUP BY ALL
),
-- While the remainder (responses in `others` in no group shown on its own) is above 0 and below
-- its bar, the smallest group shown on its own (ties: manager, peer, direct-report, other) joins
-- it. Groups fold in that order, so a group is folded when the remainder before it, and before
-- each group folded ahead of it, was still above 0 and below the bar.
own_shown AS (
  SELECT g.subject_id, g.framework_id, g.rater_group,
    bool_and(
      c.others_responses - coalesce(c.own_shown_responses, 0) + g.folded_before > 0
      AND c.others_responses - coalesce(c.own_shown_responses, 0) + g.folded_before < greatest(c.remainder_base_bar, g.bar_before)
    ) OVER (PARTITION BY g.subject_id, g.framework_id ORDER BY g.responses, g.tie_order ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS folded
  FROM (
    SELECT *,
      coalesce(sum(responses) OVER earlier, 0) AS folded_before,
      coalesce(max(min_responses) OVER earlier, 0) AS bar_before
    FROM group_counts
    WHERE responses > 0 AND responses >= min_responses
    WINDOW earlier AS (PARTITION BY subject_id, framework_id ORDER BY responses, tie_order ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
  ) AS g
  JOIN subject_counts AS c USING (subject_id, framework_id)
),
shown_groups AS (
  SELECT subject_id, framework_id, 'self' AS rater_group FROM counted_responses WHERE rater_group = 'self'
  UNION ALL
  SELECT subject_id, framework_id, rater_group FROM own_shown WHERE NOT folded
  UNION ALL
  SELECT subject_id, framework_id, 'others' FROM subject_counts WHERE others_responses > 0 AND others_responses >= others_bar
),
-- Ratings (N/A excluded) of the counted responses, each under its group and, for a rater, under
-- `others` too (every group but self, manager included, whether shown or not).
ratings AS (
  SELECT a.subject_id, a.framework_id, g.score_group, a.response_id, a.statement_id, a.rating
  FROM answers AS a
  JOIN counted_responses AS c USING (response_id, framework_id, subject_id)
  JOIN (VALUES ('self', 'self'), ('manager', 'manager'), ('peer', 'peer'), ('direct-report', 'direct-report'), ('other', 'other'),
               ('manager', 'others'), ('peer', 'others'), ('direct-report', 'others'), ('other', 'others')) AS g(rater_group, score_group)
    ON g.rater_group = a.rater_group
  WHERE a.rating IS NOT NULL
),
statement_tally AS (
  SELECT subject_id, framework_id, score_group, statement_id,
    count(*) AS n, sum(rating) AS total, sum(rating * rating) AS squares
  FROM ratings GROUP BY ALL
),
axis_raters AS (
  SELECT r.subject_id, r.framework_id, r.score_group, x.axis_kind, x.axis_id, count(DISTINCT r.response_id) AS raters
  FROM ratings AS r JOIN axis_statements AS x USING (framework_id, statement_id)
  GROUP BY ALL
),
-- Pooled over an axis (level_id '') and over the axis's statements at each level (DESIGN.md
-- "Attained level"): ratings, their sum and sum of squares (exact integers), statements rated.
pools AS (
  SELECT t.subject_id, t.framework_id, t.score_group, x.axis_kind, x.axis_id,
    GROUPING(x.level) = 1 AS whole_axis, coalesce(x.level, '') AS level,
    CAST(sum(t.n) AS BIGINT) AS n, CAST(sum(t.total) AS BIGINT) AS total, CAST(sum(t.squares) AS BIGINT) AS squares,
    count(*) AS rated
  FROM statement_tally AS t JOIN axis_statements AS x USING (framework_id, statement_id)
  GROUP BY GROUPING SETS ((t.subject_id, t.framework_id, t.score_group, x.axis_kind, x.axis_id),
                          (t.subject_id, t.framework_id, t.score_group, x.axis_kind, x.axis_id, x.level))
),
set_sizes AS (
  SELECT framework_id, axis_kind, axis_id, GROUPING(level) = 1 AS whole_axis, coalesce(level, '') AS level, count(*) AS size
  FROM axis_statements
  GROUP BY GROUPING SETS ((framework_id, axis_kind, axis_id), (framework_id, axis_kind, axis_id, level))
),
-- A level (or a framework without levels) meets the bar: mean >= 3.0 and coverage >= 0.5, on
-- the integer sums so that no float noise decides (src/core/score/pooled-stats.ts meetsBar).
level_bars AS (
  SELECT s.framework_id, s.axis_kind, s.axis_id, s.level, o.level_rank, sg.subject_id, sg.rater_group AS score_group,
    coalesce(p.n, 0) > 0 AND p.total >= 3 * p.n AND 2 * p.rated >= s.size AS met
  FROM set_sizes AS s
  JOIN level_order AS o ON o.level = s.level AND NOT s.whole_axis
  JOIN shown_groups AS sg ON sg.framework_id = s.framework_id
  LEFT JOIN pools AS p
    ON p.subject_id = sg.subject_id AND p.framework_id = s.framework_id AND p.score_group = sg.rater_group
   AND p.axis_kind = s.axis_kind AND p.axis_id = s.axis_id AND NOT p.whole_axis AND p.level = s.level
  WHERE s.axis_kind <> 'level'
),
-- The highest level L such that every level up to L meets the bar (levels without statements on
-- the axis are passed over: set_sizes has no row for them).
attained AS (
  SELECT subject_id, framework_id, score_group, axis_kind, axis_id,
    arg_max(level, level_rank) FILTER (WHERE level_rank < first_failed) AS attained_level
  FROM (
    SELECT *, coalesce(min(level_rank) FILTER (WHERE NOT met) OVER (PARTITION BY subject_id, framework_id, score_group, axis_kind, axis_id), 99) AS first_failed
    FROM level_bars
  )
  GROUP BY ALL
),
axes AS (
  SELECT DISTINCT framework_id, axis_kind, axis_id FROM axis_statements
),
figures AS (
  SELECT sg.subject_id, sg.framework_id, x.axis_kind, x.axis_id, sg.rater_group,
    coalesce(r.raters, 0) AS raters,
    coalesce(p.n, 0) AS ratings,
    CASE WHEN coalesce(p.n, 0) > 0 THEN CAST(p.total AS DOUBLE) / CAST(p.n AS DOUBLE) END AS mean,
    CASE WHEN p.n >= 2
      THEN sqrt(greatest(0, CAST(p.n * p.squares - p.total * p.total AS DOUBLE) / CAST(p.n * (p.n - 1) AS DOUBLE))) END AS sd,
    p.total, p.n, p.rated, s.size
  FROM shown_groups AS sg
  JOIN axes AS x ON x.framework_id = sg.framework_id
  JOIN set_sizes AS s ON s.framework_id = x.framework_id AND s.axis_kind = x.axis_kind AND s.axis_id = x.axis_id AND s.whole_axis
  LEFT JOIN pools AS p
    ON p.subject_id = sg.subject_id AND p.framework_id = sg.framework_id AND p.score_group = sg.rater_group
   AND p.axis_kind = x.axis_kind AND p.axis_id = x.axis_id AND p.whole_axis
  LEFT JOIN axis_raters AS r
    ON r.subject_id = sg.subject_id AND r.framework_id = sg.framework_id AND r.score_group = sg.rater_group
   AND r.axis_kind = x.axis_kind AND r.axis_id = x.axis_id
)
SELECT
  f.subject_id,
  f.framework_id,
  f.axis_kind,
  f.axis_id,
  f.rater_group,
  f.raters,
  f.ratings,
  round_half_away(f.mean, 2) AS mean,
  round_half_away((f.mean - 1) / 3 * 100, 1) AS percent,
  round_half_away(f.sd, 2) AS sd,
  CASE
    WHEN f.axis_kind = 'level' THEN NULL
    WHEN EXISTS (SELECT 1 FROM axis_statements AS l WHERE l.framework_id = f.framework_id AND l.level <> '')
      THEN coalesce(a.attained_level, 'not-yet')
    -- A framework without levels: the axis itself meets the bar, or not.
    WHEN f.n > 0 AND f.total >= 3 * f.n AND 2 * f.rated >= f.size
      THEN coalesce((SELECT standard_level FROM standard_levels AS sl WHERE sl.framework_id = f.framework_id), 'proficient')
    ELSE 'not-yet'
  END AS attained_level
FROM figures AS f
LEFT JOIN attained AS a
  ON a.subject_id = f.subject_id AND a.framework_id = f.framework_id AND a.score_group = f.rater_group
 AND a.axis_kind = f.axis_kind AND a.axis_id = f.axis_id;
