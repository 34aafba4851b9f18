import { generateIdentity } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/confidential/campaign-report.ts';
import { createCampaign } from '../../../src/core/confidential/campaign.ts';
import { reportToScore } from '../../../src/core/confidential/report-score.ts';
import { signReport, verifyReport } from '../../../src/core/confidential/signed-report.ts';
import { scoreSubject } from '../../../src/core/score/score-subject.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/core/score/thresholds.ts';
import { levelled, response } from '../score/fixtures.ts';

/**
 * Issue 12: the learner's profile from a signed 360 report shows the others' r_wg per statement
 * as any profile does, worked out from the others' sd and rating count the report already signs:
 * the report gains no field, and nothing in it is per rater.
 */

const SUBJECT = 'ana-ruiz-4k7q';
const framework = levelled(1);
let identity: string;

beforeAll(async () => {
  identity = await generateIdentity();
});

describe('r_wg from a signed 360 report', () => {
  it('reaches the learner exactly as the coach scored it, from the figures the report already holds', async () => {
    const { manifest } = await createCampaign(
      { framework, learner: { name: 'Ana Ruiz', subjectId: SUBJECT }, coachName: 'Dana Lee', groups: { peer: 4 }, thresholds: { ...DEFAULT_THRESHOLDS }, createdOn: '2026-05-01', closesOn: '2026-05-31' },
      identity,
    );
    const peers: [number, number][] = [[3, 1], [3, 4], [2, 1], [3, 4]];
    const responses = [
      response({ group: 'self', framework, subject: SUBJECT, answers: { 'emerging-01': 4, 'developing-01': 3 } }),
      ...peers.map(([emerging, developing]) =>
        response({ group: 'peer', framework, subject: SUBJECT, answers: { 'emerging-01': emerging as 1 | 2 | 3 | 4, 'developing-01': developing as 1 | 2 | 3 | 4 } }),
      ),
      // Two ratings only of proficient-01: no r_wg.
      response({ group: 'peer', framework, subject: SUBJECT, answers: { 'proficient-01': 2 } }),
    ];
    const score = scoreSubject(framework, responses, SUBJECT);
    const jws = await signReport(await buildReport(manifest, score, identity, '2026-06-02'), identity);
    const verified = await verifyReport(jws, 'report.jws');
    if (!verified.ok) throw new Error(JSON.stringify(verified.issues));
    const fromReport = reportToScore(verified.value, framework);
    if (!fromReport.ok) throw new Error(JSON.stringify(fromReport.issues));

    // emerging-01: 3, 3, 2, 3: s² = (3 × 1/16 + 9/16) / 3 = 1/4; r_wg = 1 - 0.25 / 1.25 = 0.8.
    // developing-01: 1, 4, 1, 4: s² = 3, floored at 0. proficient-01: one rating: none.
    expect(score.statements.map((statement) => statement.othersRwg)).toEqual([0.8, 0, null, null]);
    expect(fromReport.value.statements.map((statement) => statement.othersRwg)).toEqual([0.8, 0, null, null]);

    // The report's statement rows are what they were: mean, sd and count per group, nothing per rater.
    const payload: unknown = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const rows = (payload as { statements: Record<string, unknown>[] }).statements;
    for (const row of rows) expect(Object.keys(row).filter((key) => key !== 'flag').sort()).toEqual(['mean', 'rater_group', 'ratings', 'sd', 'statement_id']);
  });
});
