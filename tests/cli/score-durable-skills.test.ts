import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeResponsesWideCsv } from '../../src/core/io/responses-wide-csv.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { runCli } from '../support/run-cli.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

const framework = builtinFramework('css-durable-skills');
const lookup = (id: string) => (id === framework.id ? framework : undefined);

function response(id: string, subject: string, group: RaterGroup, rate: (statementId: string, index: number) => Rating | null): SurveyResponse {
  return {
    responseId: id, frameworkId: framework.id, surveyId: `${framework.id}.${group === 'self' ? 'self' : '360'}`, subjectId: subject,
    raterGroup: group, submittedAt: '2026-11-20T09:00:00Z', answers: answersFromEntries(framework.statements.map((s, i) => [s.id, rate(s.id, i)]), framework), comments: new Map(),
  };
}

/**
 * Ana, checked by hand below: self rates 3 everywhere, 4 on communication-01..03 (emerging), N/A
 * on all 8 fortitude statements; her manager rates 2 everywhere; three peers rate 4, 3 and 2.
 * Five more learners with other patterns make the file realistic.
 */
function cohort(): SurveyResponse[] {
  const ana = [
    response('ana-self', 'ana', 'self', (id) => (id.startsWith('fortitude-') ? null : ['communication-01', 'communication-02', 'communication-03'].includes(id) ? 4 : 3)),
    response('ana-manager', 'ana', 'manager', () => 2),
    ...([4, 3, 2] as const).map((rating, n) => response(`ana-peer-${n}`, 'ana', 'peer', () => rating)),
  ];
  const others = ['ben', 'cai', 'dee', 'eli', 'fay'].flatMap((subject, s) => [
    response(`${subject}-self`, subject, 'self', (_id, i) => (((i + s) % 4) + 1) as Rating),
    ...Array.from({ length: s + 1 }, (_, r) => response(`${subject}-r${r}`, subject, r % 2 ? 'peer' : 'direct-report', (_id, i) => (((i * (r + 1)) % 4) + 1) as Rating)),
  ]);
  return [...ana, ...others];
}

describe('npm run score on a responses-wide.csv of 6 learners for css-durable-skills', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skillscope-score-'));
  const input = join(dir, 'responses-wide.csv');
  writeFileSync(input, writeResponsesWideCsv(cohort(), lookup));
  const run = runCli('score', [input, '--out', join(dir, 'out')]);
  const read = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(dir, 'out', name), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

  it('succeeds and counts 6 subjects', () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/6 subjects/);
  });

  it("gives Ana's whole-framework figures as worked out by hand", () => {
    const rows = read('summary.csv').filter((r) => r.subject_id === 'ana' && r.axis_kind === 'framework');
    const byGroup = Object.fromEntries(rows.map((r) => [r.rater_group, [r.raters, r.ratings, r.mean, r.percent, r.sd, r.attained_level]]));
    expect(byGroup).toEqual({
      // 76 ratings (fortitude N/A): 3 fours, 73 threes: 231/76 = 3.0395; sd 0.196; every level >= 3.0.
      self: ['1', '76', '3.04', '68', '0.2', 'advanced'],
      // 84 ratings of 2: percent 33.33, sd 0.
      manager: ['1', '84', '2', '33.3', '0', 'not-yet'],
      // 84 each of 4, 3, 2: mean exactly 3.0, percent 66.67; sd sqrt(168 / 251) = 0.818.
      peer: ['3', '252', '3', '66.7', '0.82', 'advanced'],
      // 924 / 336 = 2.75, percent 58.33; sd sqrt(231 / 335) = 0.830.
      others: ['4', '336', '2.75', '58.3', '0.83', 'not-yet'],
    });
  });

  it("gives Ana's emerging level: 19 self ratings, 60 / 19 = 3.16, and no attained level on a level row", () => {
    const self = read('summary.csv').find((r) => r.subject_id === 'ana' && r.axis_kind === 'level' && r.axis_id === 'emerging' && r.rater_group === 'self');
    expect(self).toMatchObject({ ratings: '19', mean: '3.16', percent: '71.9', attained_level: '' });
  });

  it("flags communication-01 as a blind spot: self 4, others 2.75, gap 1.25", () => {
    const row = read('statements.csv').find((r) => r.subject_id === 'ana' && r.statement_id === 'communication-01');
    expect(row).toMatchObject({ level: 'emerging', domain: 'communication', self: '4', others: '2.75', gap: '1.25', others_raters: '4', flag: 'blind-spot' });
  });

  it('writes every answer of every learner to responses-long.csv', () => {
    expect(read('responses-long.csv')).toHaveLength(cohort().reduce((n, r) => n + r.answers.size, 0));
  });
});
