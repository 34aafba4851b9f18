import fc from 'fast-check';
import { compactVerify, EmbeddedJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_TYP } from '../../../src/core/confidential/campaign-manifest.ts';
import { signCompactJws } from '../../../src/core/confidential/coach-signing-key.ts';
import { type Report360, REPORT_TYP, type ReportComment, signReport, verifyReport } from '../../../src/core/confidential/signed-report.ts';
import type { Result } from '../../../src/core/model/result.ts';
import { SCORE_GROUPS } from '../../../src/core/score/score-groups.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/core/score/thresholds.ts';
import { type Coach, newCoach, python } from '../../support/confidential-check.ts';


/** A learner's report: self, a manager shown alone, others pooled; two peers folded away. */
function reportOf(coach: Coach, changes: Partial<Report360> = {}): Report360 {
  return {
    format: 'skillscope-report',
    version: 1,
    campaign_id: 'cmp-2026-ana-4k7q',
    issued_on: '2026-06-02',
    framework: { id: 'css-durable-skills', version: '2024.1', sha256: 'ab'.repeat(32), title: 'Pathsmith Durable Skills Framework' },
    learner: { name: 'Ana Ruiz', subject_id: 'ana-ruiz-4k7q' },
    coach: { name: 'Sam Coach', recipient: coach.keys.recipient, fingerprint: coach.keys.fingerprint },
    thresholds: { ...DEFAULT_THRESHOLDS },
    groups_shown: ['self', 'manager', 'others'],
    notices: [
      { group: 'peer', reason: 'folded-to-protect-remainder', responses: 2 },
      { group: 'manager', reason: 'comments-below-threshold' },
    ],
    axes: [
      { axis_kind: 'framework', axis_id: 'all', rater_group: 'self', raters: 1, ratings: 84, mean: 2.9, percent: 63.3, sd: 0.8, attained_level: 'developing' },
      { axis_kind: 'level', axis_id: 'emerging', rater_group: 'others', raters: 3, ratings: 60, mean: 3.1, percent: 70, sd: 0.6, attained_level: null },
      { axis_kind: 'domain', axis_id: 'communication', rater_group: 'manager', raters: 1, ratings: 12, mean: 3.25, percent: 75, sd: 0.45, attained_level: 'proficient' },
      { axis_kind: 'domain', axis_id: 'fortitude', rater_group: 'others', raters: 0, ratings: 0, mean: null, percent: null, sd: null, attained_level: 'not-yet' },
    ],
    statements: [
      { statement_id: 'communication-01', rater_group: 'self', mean: 4, sd: null, ratings: 1 },
      { statement_id: 'communication-01', rater_group: 'others', mean: 2.67, sd: 0.58, ratings: 3, flag: 'blind-spot' },
      { statement_id: 'communication-02', rater_group: 'others', mean: null, sd: null, ratings: 0 },
    ],
    comments: [
      { rater_group: 'others', topic: 'communication', text: 'Explains things well.' },
      { rater_group: 'others', topic: 'general', text: 'A pleasure to work with.' },
      { rater_group: 'others', topic: 'general', text: 'Could delegate more.' },
    ],
    ...changes,
  };
}

const b64u = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const codesOf = <T>(result: Result<T>) => (result.ok ? [] : result.issues.map((issue) => issue.code));
const problemsOf = <T>(result: Result<T>) => (result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path]));
const signRaw = (coach: Coach, value: unknown) => signCompactJws(JSON.stringify(value), REPORT_TYP, coach.keys.signingKey);

/**
 * What a reader with only the report and Python's cryptography can check: the Ed25519 signature
 * by the header's key (RFC 7515, RFC 8037), and that this key and the recipient give the
 * fingerprint the report claims, recomputed from the rule, not from our code.
 */
const VERIFY_REPORT_IN_PYTHON = `
import sys, json, base64, hashlib
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
def b64u(text): return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
out = []
for jws in json.load(sys.stdin):
    header, payload, signature = jws.split(".")
    protected = json.loads(b64u(header))
    assert protected["alg"] == "EdDSA" and protected["jwk"]["crv"] == "Ed25519"
    x = protected["jwk"]["x"]
    try:
        Ed25519PublicKey.from_public_bytes(b64u(x)).verify(b64u(signature), (header + "." + payload).encode("ascii"))
    except InvalidSignature:
        out.append("bad signature")
        continue
    coach = json.loads(b64u(payload))["coach"]
    symbols = base64.b32encode(hashlib.sha256((coach["recipient"] + "\\n" + x).encode()).digest()[:10]).decode()
    symbols = symbols.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
    fingerprint = "-".join(symbols[i:i + 4] for i in range(0, 16, 4))
    out.append("coach " + fingerprint if fingerprint == coach["fingerprint"] else "not the named coach")
print(json.dumps(out))
`;


let coach: Coach;
let stranger: Coach;
beforeAll(async () => {
  coach = await newCoach();
  stranger = await newCoach();
});

describe('a signed 360 report', () => {
  it('reads back exactly what the coach signed, for the expected coach and campaign', async () => {
    const report = reportOf(coach);
    const jws = await signReport(report, coach.identity);
    expect(await verifyReport(jws, 'report.jws')).toEqual({ ok: true, value: report });
    expect(await verifyReport(jws, 'report.jws', { fingerprint: coach.keys.fingerprint, campaignId: 'cmp-2026-ana-4k7q' })).toEqual({ ok: true, value: report });
  });

  it('is a compact JWS, EdDSA, typed skillscope-report+jws, with the coach key in the header', async () => {
    const [header = ''] = (await signReport(reportOf(coach), coach.identity)).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'skillscope-report+jws', jwk: coach.keys.publicJwk });
  });

  it("verifies with Python's cryptography, which also ties it to the coach's fingerprint, and fails there once edited", async () => {
    const jws = await signReport(reportOf(coach), coach.identity);
    const [header = '', , signature = ''] = jws.split('.');
    const raised = reportOf(coach, { axes: reportOf(coach).axes.map((axis) => ({ ...axis, mean: axis.mean === null ? null : 4 })) });
    const edited = `${header}.${b64u(JSON.stringify(raised))}.${signature}`;
    const claimed = signRaw(stranger, reportOf(coach));
    expect(python(VERIFY_REPORT_IN_PYTHON, [jws, edited, claimed])).toEqual([`coach ${coach.keys.fingerprint}`, 'bad signature', 'not the named coach']);
  });

  it('verifies with jose from the embedded key', async () => {
    const verified = await compactVerify(await signReport(reportOf(coach), coach.identity), EmbeddedJWK, { algorithms: ['EdDSA'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(reportOf(coach));
  });

  it('gives back any valid report it signed (property)', async () => {
    const group = fc.constantFrom(...SCORE_GROUPS);
    const figure = fc.option(fc.double({ min: 1, max: 4, noNaN: true }), { nil: null });
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((value) => value.trim() !== '');
    const report = fc.record({
      shown: fc.uniqueArray(group, { minLength: 1 }),
      axes: fc.array(fc.record({ id: fc.constantFrom('all', 'communication', 'emerging'), mean: figure, raters: fc.integer({ min: 1, max: 40 }) }), { maxLength: 6 }),
      comments: fc.array(fc.record({ topic: fc.constantFrom('general', 'communication', '__proto__'), text }), { maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(report, async ({ shown, axes, comments }) => {
        const groups = SCORE_GROUPS.filter((g) => shown.includes(g));
        const rows = axes.flatMap((axis, index) => {
          const rater_group = groups[index % groups.length] ?? 'self';
          const kind = axis.id === 'all' ? 'framework' : axis.id === 'emerging' ? 'level' : 'domain';
          return [{
            axis_kind: kind, axis_id: `${axis.id}-${index}`, rater_group, raters: axis.mean === null ? 0 : axis.raters, ratings: axis.mean === null ? 0 : axis.raters * 2,
            mean: axis.mean, percent: axis.mean === null ? null : ((axis.mean - 1) / 3) * 100, sd: axis.mean === null ? null : 0.5, attained_level: kind === 'level' ? null : 'not-yet',
          } as const];
        });
        const sorted: ReportComment[] = comments
          .map((comment, index) => ({ rater_group: groups[index % groups.length] ?? 'self', ...comment }))
          .sort((a, b) => SCORE_GROUPS.indexOf(a.rater_group) - SCORE_GROUPS.indexOf(b.rater_group) || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
        const signed = reportOf(coach, { groups_shown: groups, notices: [], axes: rows, statements: [], comments: sorted });
        expect(await verifyReport(await signReport(signed, coach.identity), 'report.jws', { fingerprint: coach.keys.fingerprint })).toEqual({ ok: true, value: signed });
      }),
      { numRuns: 40 },
    );
  });
});

describe('a report tampered with or from elsewhere is refused, each case with its own issue', () => {
  it('an edited payload (a mean raised after signing)', async () => {
    const [header = '', , signature = ''] = (await signReport(reportOf(coach), coach.identity)).split('.');
    const raised = b64u(JSON.stringify(reportOf(coach, { axes: [] })));
    expect(codesOf(await verifyReport(`${header}.${raised}.${signature}`, 'report.jws'))).toEqual(['jws.bad-signature']);
  });

  it("a report signed by someone else who copied the coach's name, recipient and fingerprint into it", async () => {
    const result = await verifyReport(signRaw(stranger, reportOf(coach)), 'report.jws');
    expect(result).toEqual({ ok: false, issues: [{ code: 'report.key-mismatch', file: 'report.jws', path: 'coach.fingerprint', message: expect.stringMatching(/key other than the coach's/) }] });
  });

  it("a report made whole by someone else: consistent, but not the campaign coach's fingerprint", async () => {
    const impostor = await signReport(reportOf(stranger), stranger.identity);
    expect((await verifyReport(impostor, 'report.jws')).ok).toBe(true);
    expect(codesOf(await verifyReport(impostor, 'report.jws', { fingerprint: coach.keys.fingerprint }))).toEqual(['report.unexpected-coach']);
  });

  it("another campaign's report", async () => {
    const jws = await signReport(reportOf(coach, { campaign_id: 'cmp-2025-ana-old' }), coach.identity);
    const result = await verifyReport(jws, 'report.jws', { fingerprint: coach.keys.fingerprint, campaignId: 'cmp-2026-ana-4k7q' });
    expect(result.ok === false && result.issues.map((issue) => [issue.code, issue.message])).toEqual([['report.other-campaign', expect.stringMatching(/another 360/)]]);
  });

  it('alg none, any other algorithm, and a manifest offered as a report', async () => {
    const payload = b64u(JSON.stringify(reportOf(coach)));
    const header = (alg: string) => b64u(JSON.stringify({ alg, typ: REPORT_TYP, jwk: coach.keys.publicJwk }));
    expect(codesOf(await verifyReport(`${header('none')}.${payload}.`, 'report.jws'))).toEqual(['jws.unsigned']);
    expect(codesOf(await verifyReport(`${header('HS256')}.${payload}.c2lnbmF0dXJl`, 'report.jws'))).toEqual(['jws.unsupported-alg']);
    const manifest = signCompactJws(JSON.stringify(reportOf(coach)), MANIFEST_TYP, coach.keys.signingKey);
    expect(codesOf(await verifyReport(manifest, 'report.jws'))).toEqual(['jws.wrong-type']);
  });
});

describe('a report holds only what the learner may see', () => {
  const check = async (report: unknown) => verifyReport(signRaw(coach, report), 'report.jws');

  it("refuses any figure or comment of a group it does not show", async () => {
    const base = reportOf(coach);
    const report = {
      ...base,
      axes: [...base.axes, { axis_kind: 'framework', axis_id: 'all', rater_group: 'peer', raters: 2, ratings: 168, mean: 2, percent: 33.3, sd: 0.5, attained_level: 'emerging' }],
      statements: [...base.statements, { statement_id: 'communication-01', rater_group: 'peer', mean: 1, sd: 0, ratings: 2 }],
      comments: [{ rater_group: 'peer', topic: 'general', text: 'Only two of us said this.' }, ...base.comments],
    };
    expect(problemsOf(await check(report))).toEqual([
      ['report.hidden-group-shown', 'axes[4].rater_group'],
      ['report.hidden-group-shown', 'statements[3].rater_group'],
      ['report.hidden-group-shown', 'comments[0].rater_group'],
    ]);
  });

  it('refuses a group both shown and noted as hidden', async () => {
    expect(problemsOf(await check(reportOf(coach, { notices: [{ group: 'manager', reason: 'hidden-below-3', responses: 1 }] })))).toEqual([['report.hidden-group-shown', 'notices[0].group']]);
  });

  it('refuses a per-rater row, a token or any other field the format does not have', async () => {
    const base = reportOf(coach);
    const report = {
      ...base,
      responses: [{ response_id: 'r-1', answers: { 'communication-01': 1 } }],
      axes: [{ ...base.axes[0], response_id: 'r-1' }, ...base.axes.slice(1)],
      comments: [{ ...base.comments[0], token: 'secret-token' }, ...base.comments.slice(1)],
    };
    expect(problemsOf(await check(report))).toEqual([
      ['report.unknown-field', 'responses'],
      ['report.unknown-field', 'axes[0].response_id'],
      ['report.unknown-field', 'comments[0].token'],
    ]);
  });

  it('refuses a time finer than the day', async () => {
    expect(problemsOf(await check({ ...reportOf(coach), issued_on: '2026-06-02T14:03:00Z' }))).toEqual([['report.bad-date', 'issued_on']]);
  });

  it('refuses comments in any order but group, topic, text, which could follow the order they came in', async () => {
    const base = reportOf(coach);
    const [a, b, c] = base.comments;
    expect(problemsOf(await check({ ...base, comments: [a, c, b] }))).toEqual([['report.comments-unsorted', 'comments[2]']]);
  });
});

describe('every field is checked and every problem listed', () => {
  it('lists each problem with its path', async () => {
    const base = reportOf(coach);
    const report = {
      ...base,
      coach: { ...base.coach, fingerprint: 'k7qd 2mxa 9fzr 4tne' },
      groups_shown: ['self', 'manager', 'others', 'manager', 'team'],
      notices: [{ group: 'self', reason: 'shy', responses: -1 }],
      axes: [
        { ...base.axes[0], mean: 4.5 },
        { ...base.axes[1], attained_level: 'advanced' },
        { ...base.axes[2], ratings: 0, raters: 0 },
        { ...base.axes[3], percent: 50 },
        { ...base.axes[0] },
      ],
      statements: [
        { ...base.statements[0], sd: 0.2, flag: 'hidden-strength' },
        { ...base.statements[1], flag: 'surprise' },
      ],
      comments: [{ ...base.comments[0], text: 'x'.repeat(10_001) }],
    };
    expect(problemsOf(await check(report))).toEqual([
      ['report.bad-fingerprint', 'coach.fingerprint'],
      ['report.duplicate-group', 'groups_shown[3]'],
      ['report.bad-value', 'groups_shown[4]'],
      ['report.bad-value', 'notices[0].group'],
      ['report.bad-value', 'notices[0].reason'],
      ['report.out-of-range', 'notices[0].responses'],
      ['report.out-of-range', 'axes[0].mean'],
      ['report.inconsistent', 'axes[0].mean'],
      ['report.inconsistent', 'axes[0].percent'],
      ['report.inconsistent', 'axes[1].attained_level'],
      ['report.inconsistent', 'axes[2].mean'],
      ['report.inconsistent', 'axes[2].sd'],
      ['report.inconsistent', 'axes[3].percent'],
      ['report.duplicate-row', 'axes[4]'],
      ['report.inconsistent', 'statements[0].flag'],
      ['report.inconsistent', 'statements[0].sd'],
      ['report.bad-value', 'statements[1].flag'],
      ['report.too-long', 'comments[0].text'],
    ]);
  });

  async function check(report: unknown) {
    return verifyReport(signRaw(coach, report), 'report.jws');
  }
});

describe('signing', () => {
  it("throws for a report that would not verify, or that names another coach: the report step builds it right", async () => {
    await expect(signReport(reportOf(coach, { issued_on: '2 June 2026' }), coach.identity)).rejects.toThrow(/issued_on/);
    await expect(signReport(reportOf(stranger), coach.identity)).rejects.toThrow(/another coach/);
  });
});
