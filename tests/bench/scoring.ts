import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Model } from 'survey-core';
import { loadBuiltinFrameworks } from '../../src/cli/load-builtin-frameworks.ts';
import { NOT_APPLICABLE_VALUE } from '../../src/core/generate/survey-pages.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { scoreCohort, scoreCohortWithReliability } from '../../src/core/score/score-cohort.ts';
import { atLeast, type BenchSection, formatNumber, formatRate, medianMs, now } from './bench-table.ts';
import { countRatings, syntheticResponses } from './synthetic-data.ts';

/**
 * Scoring throughput: scoreCohort over 100,000 responses, against the way a SurveyJS user
 * would score them without Skillscope, one survey-core Model per response; and
 * scoreCohortWithReliability, which `npm run score` runs: the same with Cronbach's alpha per
 * axis taken in the same pass (issue 12: within 10 % of scoreCohort's time before the issue).
 */

const FRAMEWORK_ID = 'css-durable-skills';
const RESPONSES = 100_000;
const SUBJECTS = 2_000;
const RUNS = 5;
const NAIVE_SAMPLE = 200;
const SURVEY_FILE = fileURLToPath(new URL(`../../surveys/${FRAMEWORK_ID}.self.json`, import.meta.url));

export const scoring: BenchSection = {
  name: 'scoring',
  async run() {
    const framework = builtinFramework(FRAMEWORK_ID);
    const responses = syntheticResponses(framework, { subjects: SUBJECTS, responses: RESPONSES, seed: 360 });
    const ratings = countRatings(responses);
    const frameworks = new Map([[framework.id, framework]]);

    let scores = 0;
    const ours = await medianMs(() => {
      scores = scoreCohort(frameworks, responses).length;
    }, RUNS, 1);
    const oursResponses = responses.length / (ours / 1000);
    const oursRatings = ratings / (ours / 1000);
    const full = await medianMs(() => scoreCohortWithReliability(frameworks, responses), RUNS, 1);
    const fullRatings = ratings / (full / 1000);

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
        { name: '  ratings per second', value: formatRate(oursRatings), unit: 'ratings/s', target: atLeast(oursRatings, 20_000_000, '>= 20,000,000') },
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
        `  scoreCohort: median of ${RUNS} runs after 1 warm-up. Both include issue 12's change since the last self-assessment and r_wg;`,
        `  "with reliability" is scoreCohortWithReliability, as npm run score runs it: alpha per axis over every response, same pass.`,
        `naive: per response, new Model(surveys/${FRAMEWORK_ID}.self.json), set its data, read every question's value back,`,
        `  per-domain means in a plain loop; one await per response (STACK-NOTES: otherwise no Model is ever collected); one run after 5 warm-ups.`,
      ],
    };
  },
};

function builtinFramework(id: string): Framework {
  const loaded = loadBuiltinFrameworks();
  if (!loaded.ok) throw new Error(`The seeds did not parse: ${loaded.issues[0]?.message ?? ''}`);
  const framework = loaded.value.find((candidate) => candidate.id === id);
  if (framework === undefined) throw new Error(`No built-in framework ${id}.`);
  return framework;
}

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
