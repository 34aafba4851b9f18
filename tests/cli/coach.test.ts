import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeConfidentialInvitation } from '../../src/core/confidential/confidential-invitation.ts';
import { verifyReport } from '../../src/core/confidential/signed-report.ts';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { runCli } from '../support/run-cli.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * The confidential 360 from the command line, as a coach scripts it (issue 10): a key, a
 * campaign of one manager and five peers, five sealed responses, and the results: the coach's
 * CSVs and a signed report for the learner that holds no token, no invitation and no rater row.
 */
const FRAMEWORK = builtinFramework('css-ai-at-work');
let dir = '';
const at = (...parts: string[]) => join(dir, ...parts);
type Invite = { invitation_id: string; group: string; token: string; link: string };
let invites: Invite[] = [];

function response(id: string, group: RaterGroup, rating: (index: number) => Rating | null, comment = ''): SurveyResponse {
  return {
    responseId: id,
    frameworkId: FRAMEWORK.id,
    surveyId: `${FRAMEWORK.id}.${group === 'self' ? 'self' : '360'}`,
    subjectId: 'ana-ruiz',
    raterGroup: group,
    submittedAt: '2026-11-20T10:15:00Z',
    answers: answersFromEntries(FRAMEWORK.statements.map((statement, index) => [statement.id, rating(index)]), FRAMEWORK),
    comments: new Map(comment === '' ? [] : [['general', comment]]),
  };
}

/** Seals a plain response file with one invitation's token, as a rater's browser would. */
function seal(name: string, plain: SurveyResponse, token: string) {
  writeFileSync(at(`${name}.json`), writeResponseFile(plain));
  return runCli('coach', ['seal', at(`${name}.json`), '--campaign', at('campaign', 'manifest.jws'), '--token', token, '--out', at(`${name}.age`)]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillscope-coach-'));
  const keygen = runCli('coach', ['keygen', '--out', at('coach.key')]);
  expect(keygen.status, keygen.stderr).toBe(0);
  const campaign = runCli('coach', ['campaign', '--framework', FRAMEWORK.id, '--learner', 'Ana Ruiz', '--coach', 'Dana Coach', '--groups', 'manager=1,peer=5', '--key', at('coach.key'), '--out', at('campaign')]);
  expect(campaign.status, campaign.stderr).toBe(0);
  invites = Papa.parse<Invite>(readFileSync(at('campaign', 'invitations.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  // The fifth peer answers late, after the first report (see the late-response test).
  const peers = invites.filter((invite) => invite.group === 'peer').slice(0, 4);
  const manager = invites.find((invite) => invite.group === 'manager');
  if (manager === undefined || peers.length !== 4) throw new Error('The campaign has not one manager and five peers.');
  const sealed = [
    seal('manager', response('m', 'manager', () => 4, 'Leads the incident reviews.'), manager.token),
    ...peers.map((peer, index) => seal(`peer-${index}`, response(`p${index}`, 'peer', (statement) => ((statement + index) % 4) + 1 as Rating, index === 0 ? 'Explains clearly.' : ''), peer.token)),
  ];
  for (const run of sealed) expect(run.status, run.stderr).toBe(0);
  writeFileSync(at('self.json'), writeResponseFile(response('self-1', 'self', () => 3)));
}, 120_000);

describe('npm run coach', () => {
  it('writes a key that Go age reads, readable by its owner only, and prints its fingerprint', () => {
    expect(statSync(at('coach.key')).mode & 0o777).toBe(0o600);
    const decrypted = spawnSync('age', ['-d', '-i', at('coach.key'), at('manager.age')], { encoding: 'utf8' });
    expect(decrypted.status, decrypted.stderr).toBe(0);
    const inside = JSON.parse(decrypted.stdout) as Record<string, unknown>;
    expect(inside).toMatchObject({ format: 'skillscope-sealed-response', submitted_on: '2026-11-20' });
    // No group, no learner, no time finer than the day: the coach takes those from the manifest.
    expect(Object.keys(inside).sort()).toEqual(['answers', 'campaign_id', 'comments', 'format', 'submitted_on', 'token', 'version']);
  });

  it('opens the campaign into the coach\'s CSVs and a report for the learner that verifies and names no rater', async () => {
    const files = [at('self.json'), at('manager.age'), ...[0, 1, 2, 3].map((index) => at(`peer-${index}.age`))];
    const run = runCli('coach', ['open', at('campaign'), ...files, '--key', at('coach.key'), '--out', at('results')]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(at('results')).sort()).toEqual(['counted.csv', 'report.jws', 'responses-long.csv', 'statements.csv', 'summary.csv']);

    const jws = readFileSync(at('results', 'report.jws'), 'utf8').trim();
    const report = await verifyReport(jws, 'report.jws');
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
    expect(report.value.groups_shown).toEqual(['self', 'manager', 'peer', 'others']);
    const frameworkRow = report.value.axes.find((axis) => axis.axis_kind === 'framework' && axis.rater_group === 'peer');
    expect(frameworkRow).toMatchObject({ raters: 4, ratings: 4 * FRAMEWORK.statements.length, mean: 2.5 });
    expect(report.value.comments.map((comment) => [comment.rater_group, comment.text])).toContainEqual(['peer', 'Explains clearly.']);

    const payload = Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8');
    for (const invite of invites) {
      expect(payload).not.toContain(invite.token);
      expect(payload).not.toContain(invite.invitation_id);
    }
    expect(payload).not.toMatch(/T\d{2}:\d{2}/);
  });

  it('refuses a response sealed with a token the campaign never issued, and a token used twice with other answers', () => {
    const peer = invites.find((invite) => invite.group === 'peer');
    expect(seal('forged', response('x', 'peer', () => 1), 'not-a-real-token-0000').status).toBe(0);
    expect(seal('again', response('y', 'peer', () => 2), peer?.token ?? '').status).toBe(0);
    const run = runCli('coach', ['open', at('campaign'), at('forged.age'), at('peer-0.age'), at('again.age'), '--key', at('coach.key'), '--out', at('refused')]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(0, -1).map((line) => /\[([a-z.-]+)\]$/.exec(line)?.[1])).toEqual(['campaign.unknown-token', 'campaign.reused-token']);
    expect(lines.at(-1)).toBe('Nothing written: 2 problems.');
    expect(() => statSync(at('refused'))).toThrow();
  });

  it('refuses to open with another coach\'s key', () => {
    expect(runCli('coach', ['keygen', '--out', at('other.key')]).status).toBe(0);
    const run = runCli('coach', ['open', at('campaign'), at('manager.age'), '--key', at('other.key'), '--out', at('other')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\[coach\.other-coach\]/);
  });

  it('refuses a plain rater response: only the learner\'s own self-assessment may come unsealed', () => {
    writeFileSync(at('plain-peer.json'), writeResponseFile(response('pp', 'peer', () => 1)));
    const run = runCli('coach', ['open', at('campaign'), at('plain-peer.json'), '--key', at('coach.key'), '--out', at('plain')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/plain-peer\.json: rater_group: Only the learner's own self-assessment may be given unsealed/);
  });

  it('puts a collection address given with --endpoint in every link, and refuses one that is not plain https', async () => {
    const endpoint = 'https://collect.example.test/skillscope/sealed';
    const made = runCli('coach', ['campaign', '--framework', FRAMEWORK.id, '--learner', 'Ana Ruiz', '--coach', 'Dana Coach', '--groups', 'peer=3', '--key', at('coach.key'), '--out', at('with-endpoint'), '--endpoint', endpoint]);
    expect(made.status, made.stderr).toBe(0);
    const rows = Papa.parse<Invite>(readFileSync(at('with-endpoint', 'invitations.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const decoded = await decodeConfidentialInvitation(row.link.slice(row.link.indexOf('#/rate/') + '#/rate/'.length));
      if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues));
      expect(decoded.value).toMatchObject({ invitationId: row.invitation_id, token: row.token, endpoint });
    }

    for (const [bad, why] of [['http://example.test/in', 'must start with https://'], ['https://user:pw@collect.example.test/in', 'holds a user name or password']] as const) {
      const run = runCli('coach', ['campaign', '--framework', FRAMEWORK.id, '--learner', 'Ana Ruiz', '--coach', 'Dana Coach', '--groups', 'peer=3', '--key', at('coach.key'), '--out', at('bad-endpoint'), '--endpoint', bad]);
      expect(run.status, bad).toBe(1);
      const [line, ...rest] = run.stderr.trim().split('\n');
      expect(line).toMatch(new RegExp(`^--endpoint: .*${why}.* \\[coach\\.bad-endpoint\\]$`));
      expect(rest).toEqual(['Nothing written: 1 problem.']);
      expect(run.stderr).not.toContain('pw');
      expect(() => statSync(at('bad-endpoint'))).toThrow();
    }
  });

  it('refuses a lone late response after a report unless the coach accepts the risk, since two reports would show it', () => {
    const late = invites.filter((invite) => invite.group === 'peer')[4];
    expect(seal('late', response('late', 'peer', () => 1), late?.token ?? '').status).toBe(0);
    const inputs = [at('self.json'), at('manager.age'), ...[0, 1, 2, 3].map((index) => at(`peer-${index}.age`)), at('late.age')];
    const refused = runCli('coach', ['open', at('campaign'), ...inputs, '--key', at('coach.key'), '--out', at('second'), '--previous', at('results')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/peer: 1 peer responded after the report of \d{4}-\d{2}-\d{2}: comparing that report with a new one would show their answers\. A new report needs at least 3 new peers; .* \[campaign\.late-responses\]/);
    const accepted = runCli('coach', ['open', at('campaign'), ...inputs, '--key', at('coach.key'), '--out', at('second'), '--previous', at('results'), '--accept-late']);
    expect(accepted.status, accepted.stderr).toBe(0);
  });

  it('makes a campaign with exactly the issue\'s command, the coach named "Your coach" when not given', () => {
    const run = runCli('coach', ['campaign', '--framework', FRAMEWORK.id, '--learner', 'Ben Ode', '--groups', 'manager=1,peer=4', '--key', at('coach.key'), '--out', at('plain-campaign')]);
    expect(run.status, run.stderr).toBe(0);
    const payload = JSON.parse(Buffer.from(readFileSync(at('plain-campaign', 'manifest.jws'), 'utf8').split('.')[1] ?? '', 'base64url').toString('utf8')) as { coach: { name: string }; invitations: unknown[] };
    expect(payload.coach.name).toBe('Your coach');
    expect(payload.invitations).toHaveLength(5);
  });
});
