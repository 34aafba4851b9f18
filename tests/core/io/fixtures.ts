import { testFramework, testStatement } from '../../support/test-framework.ts';
import { LEVEL_IDS } from '../../../src/core/model/framework.ts';
import type { Rating } from '../../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../../src/core/model/response.ts';
import type { FrameworkLookup } from '../../../src/core/io/response-fields.ts';
import { answersFromEntries } from '../../../src/core/model/answers.ts';

/** Small frameworks made for these tests, so that they do not depend on the seed parsers. */

const framework = testFramework;
const statement = testStatement;

/** Four levels of two statements each, no domains: like css-occupational. */
export const LEVELLED = framework(
  'mini-levelled',
  LEVEL_IDS.flatMap((level) => [statement(`${level}-01`, level, null), statement(`${level}-02`, level, null)]),
  true,
  [],
);

/** Two domains and levels: like css-durable-skills. */
export const DOMAINS = framework(
  'mini-domains',
  [
    statement('talking-01', 'emerging', 'talking'),
    statement('talking-02', 'developing', 'talking'),
    statement('listening-01', 'proficient', 'listening'),
    statement('listening-02', 'advanced', 'listening'),
    // Shares an id with LEVELLED: the wide file has one column for both.
    statement('emerging-01', 'emerging', 'talking'),
  ],
  true,
  ['talking', 'listening'],
);

/** No levels: like scqf-it-support's work situations. */
export const UNLEVELLED = framework('mini-unlevelled', [statement('ws-01', null, 'ws'), statement('ws-02', null, 'ws')], false, ['ws']);

export const FRAMEWORKS = [LEVELLED, DOMAINS, UNLEVELLED];

export const lookup: FrameworkLookup = (id) => FRAMEWORKS.find((f) => f.id === id);

export function response(overrides: Partial<Omit<SurveyResponse, 'answers' | 'comments'>> & {
  answers?: [string, Rating | null][];
  comments?: [string, string][];
} = {}): SurveyResponse {
  const group: RaterGroup = overrides.raterGroup ?? 'self';
  const frameworkId = overrides.frameworkId ?? LEVELLED.id;
  return {
    responseId: overrides.responseId ?? 'r-1',
    frameworkId,
    surveyId: overrides.surveyId ?? `${frameworkId}.${group === 'self' ? 'self' : '360'}`,
    subjectId: overrides.subjectId ?? 'ana',
    raterGroup: group,
    submittedAt: overrides.submittedAt ?? '2024-05-01T09:30:00Z',
    answers: answersFromEntries(overrides.answers ?? [['emerging-01', 3], ['emerging-02', null], ['advanced-02', 1]]),
    comments: new Map(overrides.comments ?? []),
  };
}

/** A CSV as a spreadsheet user would see it: header and rows of cells, CRLF, with BOM. */
export function csv(rows: string[][], options: { bom?: boolean; newline?: string } = {}): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const newline = options.newline ?? '\r\n';
  return `${options.bom === false ? '' : '\uFEFF'}${rows.map((row) => row.map(quote).join(',')).join(newline)}${newline}`;
}
