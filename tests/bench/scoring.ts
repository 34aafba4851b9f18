import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Model } from 'survey-core';
import { NOT_APPLICABLE_VALUE } from '../../src/core/generate/survey-pages.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { scoreCohort, scoreCohortWithReliability } from '../../src/core/score/score-cohort.ts';
import { alternatedMediansMs, atLeast, type BenchSection, formatNumber, formatRate, medianMs, now } from './bench-table.ts';
import { selfTimeOf } from './node-cpu-profile.ts';
import { countRatings, syntheticResponses } from './synthetic-data.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';

/**
 * Scoring throughput: scoreCohort over 100,000 responses, against the way a SurveyJS user
 * would score them without Skillscope, one survey-core Model per response; and
 * scoreCohortWithReliability, which `npm run score` runs: the same with Cronbach's alpha per
 * axis taken in the same pass (issue 12: within 10 % of scoreCohort's time before the issue).
 */

const FRAMEWORK_ID = 'css-durable-skills';
const RESPONSES = 100_000;
const SUBJECTS = 2_000;
const RUNS = 7;
/**
 * Steady state: in a fresh process the first two runs of scoreCohort still compile (235-264 ms,
 * against about 140 from the third on), so one warm-up left a figure that moved by a third from
 * run to run. The bound and "with reliability" get the same.
 */
const WARMUPS = 3;
const NAIVE_SAMPLE = 200;
const SURVEY_FILE = fileURLToPath(new URL(`../../surveys/${FRAMEWORK_ID}.self.json`, import.meta.url));

export const scoring: BenchSection = {
  name: 'scoring',
  async run() {
    const framework = builtinFramework(FRAMEWORK_ID);
    const responses = syntheticResponses(framework, { subjects: SUBJECTS, responses: RESPONSES, seed: 360 });
    const ratings = countRatings(responses);
    const frameworks = new Map([[framework.id, framework]]);

    // The bound (issue 13): the least work every rule needs, on the same ratings, timed in turn with scoreCohort.
    const columns = ratingColumns(framework, responses);
    let scores = 0;
    let boundCounted = 0;
    const [ours = Number.NaN, bound = Number.NaN] = await alternatedMediansMs([
      () => {
        scores = scoreCohort(frameworks, responses).length;
      },
      () => {
        boundCounted = accumulateBound(columns);
      },
    ], RUNS, WARMUPS);
    const oursResponses = responses.length / (ours / 1000);
    const oursRatings = ratings / (ours / 1000);
    if (boundCounted !== ratings) throw new Error(`The bound counted ${boundCounted} ratings, scoring ${ratings}.`);
    const boundRatings = ratings / (bound / 1000);
    const full = await medianMs(() => scoreCohortWithReliability(frameworks, responses), RUNS, WARMUPS);
    // scoreCohort makes each score's axis and statement objects when first read: this is what a
    // reader of every one of them pays in all (npm run score has them made at once instead).
    const everyObject = await medianMs(() => {
      for (const score of scoreCohort(frameworks, responses)) void [score.axes, score.statements, score.change?.axes, score.change?.statements];
    }, RUNS, WARMUPS);
    const fullRatings = ratings / (full / 1000);

    // Where scoreCohort's time goes, for the README's explanation of the two targets it misses.
    const profile = await selfTimeOf(() => {
      for (let run = 0; run < 3; run += 1) scoreCohort(frameworks, responses);
    });

    const surveyJson: unknown = JSON.parse(readFileSync(SURVEY_FILE, 'utf8'));
    const sample = responses.slice(0, NAIVE_SAMPLE);
    await scoreThroughSurveyJs(surveyJson, sample.slice(0, 5)); // warm-up
    const naiveStart = now();
    await scoreThroughSurveyJs(surveyJson, sample);
    const naive = now() - naiveStart;
    const naiveResponses = sample.length / (naive / 1000);
    const ratio = oursResponses / naiveResponses;

    return {
      title: 'scoring: scoreCohort on css-durable-skills (84 statements)',
      figures: [
        { name: `scoreCohort, ${formatNumber(responses.length)} responses`, value: formatNumber(ours, 0), unit: 'ms' },
        { name: '  responses per second', value: formatRate(oursResponses), unit: 'responses/s' },
        { key: 'scoring_ratings_per_s', json: oursRatings, name: '  ratings per second', value: formatRate(oursRatings), unit: 'ratings/s', target: atLeast(oursRatings, 60_000_000, '>= 60,000,000') },
        { name: 'bound: bare typed-array pass, count, sum, sum of squares', value: formatNumber(bound, 1), unit: 'ms' },
        { name: '  ratings per second', value: formatRate(boundRatings), unit: 'ratings/s' },
        { key: 'scoring_vs_bound', json: oursRatings / boundRatings, name: 'scoreCohort / bound, ratings per second', value: formatNumber(oursRatings / boundRatings, 3), unit: 'x', target: atLeast(oursRatings / boundRatings, 0.4, '>= 0.4') },
        { name: 'scoreCohort, then every axis and statement object read', value: formatNumber(everyObject, 0), unit: 'ms' },
        { name: 'with reliability (alpha per axis)', value: formatNumber(full, 0), unit: 'ms' },
        { name: '  ratings per second', value: formatRate(fullRatings), unit: 'ratings/s', target: atLeast(fullRatings, 20_000_000, '>= 20,000,000') },
        { name: '  against scoreCohort', value: formatNumber(full / ours, 2), unit: 'x' },
        { name: `naive SurveyJS way, ${formatNumber(sample.length)} responses`, value: formatNumber(naive, 0), unit: 'ms' },
        { name: '  responses per second', value: formatRate(naiveResponses), unit: 'responses/s' },
        { name: 'scoreCohort / naive SurveyJS way', value: formatNumber(ratio, 0), unit: 'x', target: atLeast(ratio, 1000, '>= 1,000x') },
      ],
      notes: [
        `${formatNumber(responses.length)} synthetic responses over ${formatNumber(SUBJECTS)} subjects (self with some retakes, manager, peers, direct reports, others;`,
        `  ~6% N/A, ~4% unanswered): ${formatNumber(ratings)} ratings; ${formatNumber(scores)} subject scores (every axis, group, statement, plan).`,
        `  scoreCohort: median of ${RUNS} runs after ${WARMUPS} warm-ups, taking turns with the bound's. Both include issue 12's change since the last self-assessment and r_wg;`,
        `  "with reliability" is scoreCohortWithReliability, as npm run score runs it: alpha per axis over every response, same pass.`,
        `bound: the same ratings as one Int8Array (response x statement; 0 for N/A and unanswered, which are not ratings), each`,
        `  response's subject and group as indexes, made beforehand (untimed); one pass adds count, sum and sum of squares per`,
        `  subject x group x statement into Float64Arrays; median of ${RUNS} runs after ${WARMUPS} warm-ups; it counts the same ratings as scoring.`,
        `CPU profile of 3 more scoreCohort runs (node:inspector, self time): ${profile.join(', ')}.`,
        `naive: per response, new Model(surveys/${FRAMEWORK_ID}.self.json), set its data, read every question's value back,`,
        `  per-domain means in a plain loop; one await per response (STACK-NOTES: otherwise no Model is ever collected); one run after 5 warm-ups.`,
      ],
    };
  },
};

/**
 * What a SurveyJS user without Skillscope would write: load each response into a Model (where
 * survey-core keeps the answers), read the values back, and average them per page (= domain).
 */
async function scoreThroughSurveyJs(surveyJson: unknown, responses: readonly SurveyResponse[]): Promise<Map<string, Map<string, number>>> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const response of responses) {
    const model = new Model(surveyJson);
    const data: Record<string, number | string> = Object.create(null) as Record<string, number | string>;
    for (const [id, rating] of response.answers) data[id] = rating ?? NOT_APPLICABLE_VALUE;
    model.data = data;
    for (const page of model.pages) {
      for (const question of page.questions) {
        const value: unknown = question.value;
        if (typeof value !== 'number') continue; // N/A, unanswered, or a comment
        const key = `${response.subjectId}\u0000${response.raterGroup}\u0000${page.name}`;
        const entry = sums.get(key);
        if (entry === undefined) sums.set(key, { sum: value, count: 1 });
        else {
          entry.sum += value;
          entry.count += 1;
        }
      }
    }
    model.dispose();
    await Promise.resolve();
  }
  const means = new Map<string, Map<string, number>>();
  for (const [key, { sum, count }] of sums) {
    const [subject = '', group = '', domain = ''] = key.split('\u0000');
    const bySubject = means.get(`${subject}/${group}`) ?? new Map<string, number>();
    bySubject.set(domain, sum / count);
    means.set(`${subject}/${group}`, bySubject);
  }
  return means;
}

/** The responses as the bound reads them: plain typed arrays, no Map, no string. */
type RatingColumns = { statements: number; subjects: number; subjectOf: Int32Array; groupOf: Uint8Array; ratings: Int8Array };

const BOUND_GROUPS = ['self', 'manager', 'peer', 'direct-report', 'other'] as const;

function ratingColumns(framework: Framework, responses: readonly SurveyResponse[]): RatingColumns {
  const statements = framework.statements.length;
  const subjectIndex = new Map<string, number>();
  const subjectOf = new Int32Array(responses.length);
  const groupOf = new Uint8Array(responses.length);
  const ratings = new Int8Array(responses.length * statements);
  responses.forEach((response, r) => {
    let subject = subjectIndex.get(response.subjectId);
    if (subject === undefined) {
      subject = subjectIndex.size;
      subjectIndex.set(response.subjectId, subject);
    }
    subjectOf[r] = subject;
    groupOf[r] = BOUND_GROUPS.indexOf(response.raterGroup);
    framework.statements.forEach((statement, s) => {
      ratings[r * statements + s] = response.answers.get(statement.id) ?? 0;
    });
  });
  return { statements, subjects: subjectIndex.size, subjectOf, groupOf, ratings };
}

/** Count, sum and sum of squares per subject, group and statement; returns the ratings counted. */
function accumulateBound({ statements, subjects, subjectOf, groupOf, ratings }: RatingColumns): number {
  const cells = subjects * BOUND_GROUPS.length * statements;
  const count = new Float64Array(cells);
  const sum = new Float64Array(cells);
  const squares = new Float64Array(cells);
  for (let r = 0; r < subjectOf.length; r += 1) {
    const base = ((subjectOf[r] as number) * BOUND_GROUPS.length + (groupOf[r] as number)) * statements;
    const from = r * statements;
    for (let s = 0; s < statements; s += 1) {
      const rating = ratings[from + s] as number;
      if (rating === 0) continue;
      const cell = base + s;
      count[cell] = (count[cell] as number) + 1;
      sum[cell] = (sum[cell] as number) + rating;
      squares[cell] = (squares[cell] as number) + rating * rating;
    }
  }
  let counted = 0;
  for (let cell = 0; cell < cells; cell += 1) counted += count[cell] as number;
  return counted;
}
