import { onetExport } from '../fixtures/onet-export.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * Synthetic but realistic inputs for the benches, from a seeded generator so that every run
 * measures the same data.
 */

/** mulberry32: small, fast, and good enough to spread answers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Diagnoses', 'Documents', 'Configures', 'Explains', 'Escalates', 'Monitors', 'Installs', 'Reviews', 'Coordinates', 'Tests'];
const OBJECTS = [
  'recurring equipment faults',
  'user account and access requests',
  'scheduled maintenance on shared systems',
  'safety and compliance checks for the site',
  'supplier quotes and service agreements',
  'handover notes between shifts',
  'data quality issues in daily reports',
  'customer complaints about delayed orders',
];
const MANNERS = [
  'following the written procedure and checking the outcome with a colleague',
  'using the standard tools of the team and recording each step taken',
  'with attention to the needs of the people affected and the time available',
  'judging when to involve a supervisor and explaining the reasons clearly',
];

/** A statement of about 150 characters, distinct for every (occupation, level, index). */
function statementText(random: () => number, occupation: number, level: string, index: number): string {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] as string;
  const text = `${pick(VERBS)} ${pick(OBJECTS)} ${pick(MANNERS)} (${level} ${index + 1}, occupation ${occupation + 1}).`;
  return text.length > 160 ? `${text.slice(0, 150).trimEnd()}.` : text;
}

/** `count` seed-004-format exports, 4 levels x 10 statements, distinct SOC codes and titles. */
export function syntheticOnetExports(count: number): string[] {
  const random = seededRandom(4004);
  return Array.from({ length: count }, (_, i) => {
    const soc = `${String(11 + (i % 43)).padStart(2, '0')}-${String(2000 + i).padStart(4, '0')}.00`;
    const statements = Object.fromEntries(
      ['emerging', 'developing', 'proficient', 'advanced'].map((level) => [
        level,
        Array.from({ length: 10 }, (_, n) => statementText(random, i, level, n)),
      ]),
    );
    return JSON.stringify(onetExport({ soc, title: `Synthetic occupation ${i + 1}`, statements }), null, 2);
  });
}

export type ResponseMix = { subjects: number; responses: number; seed: number };

/**
 * Responses to one framework spread over subjects as a 360 round would produce them: each
 * subject has one or two self responses (a retake; only the latest counts), usually a manager,
 * and peers, direct reports and others in varying numbers, some groups small enough to be
 * folded or hidden. About 6% of statements are N/A and 4% left unanswered.
 */
export function syntheticResponses(framework: Framework, mix: ResponseMix): SurveyResponse[] {
  const random = seededRandom(mix.seed);
  const statementIds = framework.statements.map((s) => s.id);
  const responses: SurveyResponse[] = [];
  for (let s = 0; s < mix.subjects && responses.length < mix.responses; s += 1) {
    const subjectId = `subject-${String(s + 1).padStart(5, '0')}`;
    // Sized on what is left, so that the total comes out at exactly mix.responses.
    const left = mix.responses - responses.length;
    const last = s === mix.subjects - 1;
    const groups = groupsFor(random, last ? left : left / (mix.subjects - s), last);
    // Each subject is rated around a level of their own, so means differ between subjects.
    const centre = 1.5 + random() * 2;
    const selfBias = random() - 0.3;
    groups.forEach((group, r) => {
      if (responses.length >= mix.responses) return;
      const answers = new Map<string, Rating | null>();
      const bias = group === 'self' ? selfBias : 0;
      for (const id of statementIds) {
        const roll = random();
        if (roll < 0.04) continue; // unanswered
        if (roll < 0.1) {
          answers.set(id, null); // N/A
          continue;
        }
        const value = Math.round(centre + bias + (random() - 0.5) * 2.2);
        answers.set(id, Math.min(4, Math.max(1, value)) as Rating);
      }
      const day = 1 + Math.floor(random() * 28);
      responses.push({
        responseId: `r-${subjectId}-${String(r + 1).padStart(3, '0')}`,
        frameworkId: framework.id,
        surveyId: `${framework.id}.${group === 'self' ? 'self' : '360'}`,
        subjectId,
        raterGroup: group,
        submittedAt: `2026-04-${String(day).padStart(2, '0')}T09:${String(r % 60).padStart(2, '0')}:00Z`,
        answers: answersFromEntries(answers, framework),
        comments: new Map(),
      });
    });
  }
  return responses;
}

/** One subject's responses by group, about `size` in all (exactly, when `exact`). */
function groupsFor(random: () => number, size: number, exact: boolean): RaterGroup[] {
  const groups: RaterGroup[] = ['self'];
  if (random() < 0.3) groups.push('self');
  if (random() < 0.9) groups.push('manager');
  // One subject in twenty has a small round, whose groups of one or two anonymity must fold or hide.
  const wanted = exact ? size : random() < 0.05 ? 3 + Math.floor(random() * 5) : Math.round(size * (0.8 + random() * 0.4));
  const rest = Math.max(0, wanted - groups.length);
  const weights: [RaterGroup, number][] = [['peer', 0.5], ['direct-report', 0.3], ['other', 0.2]];
  for (let i = 0; i < rest; i += 1) {
    let roll = random();
    for (const [group, weight] of weights) {
      roll -= weight;
      if (roll < 0 || group === 'other') {
        groups.push(group);
        break;
      }
    }
  }
  return groups;
}

/** Ratings (not N/A) in the responses: the unit of work of scoring. */
export function countRatings(responses: readonly SurveyResponse[]): number {
  let ratings = 0;
  for (const response of responses) for (const rating of response.answers.values()) if (rating !== null) ratings += 1;
  return ratings;
}
