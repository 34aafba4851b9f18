import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { encodeBase64Url } from '../../../src/core/io/base64url.ts';
import { crc32 } from '../../../src/core/io/crc32.ts';
import { decodeInvitation, encodeInvitation, INVITATION_PREFIX, type Invitation } from '../../../src/core/share/invitation.ts';
import { parseOnetExport } from '../../../src/core/parse/onet-json.ts';
import { onetExportText } from '../../fixtures/onet-export.ts';

const builtin = (id: string) => id === 'css-durable-skills';
const invitation: Invitation = {
  invitationId: 'inv-7', frameworkId: 'css-durable-skills', learnerName: 'Ana Ruiz <b>', subjectId: 'ana-ruiz-4k7q',
  group: 'peer', note: 'Thanks! =SUM(A1)', endpoint: null, framework: null,
};

describe('invitation links', () => {
  it('carry the survey, the learner and the group, and read back the same', () => {
    const payload = encodeInvitation(invitation);
    expect(payload).toMatch(/^SKI1\.[A-Za-z0-9_-]+$/);
    expect(decodeInvitation(payload, builtin)).toEqual({ ok: true, value: invitation });
  });

  it('carry a framework outside the built-in set whole, compressed', () => {
    const parsed = parseOnetExport(onetExportText(), 'admins.json');
    if (!parsed.ok) throw new Error('fixture');
    const own = { ...invitation, frameworkId: parsed.value.id, framework: parsed.value };
    const payload = encodeInvitation(own);
    expect(payload.length).toBeLessThan(JSON.stringify(parsed.value).length);
    expect(decodeInvitation(payload, builtin)).toEqual({ ok: true, value: own });
  });

  const refusals: [string, (payload: string) => string, RegExp][] = [
    ['truncated', (p) => p.slice(0, Math.floor(p.length / 2)), /cut short|incomplete/],
    ['edited', (p) => p.slice(0, 20) + (p[20] === 'A' ? 'B' : 'A') + p.slice(21), /changed|incomplete|cut short/],
    ['not a link at all', () => 'hello', /not a Skillscope invitation/],
    ['oversized', () => `SKI1.${'A'.repeat(500_000)}`, /larger than any invitation/],
  ];
  it.each(refusals)('refuses a %s link with a sentence for the rater', (_name, damage, expected) => {
    const result = decodeInvitation(damage(encodeInvitation(invitation)), builtin);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.message).join(' ')).toMatch(expected);
  });

  it('refuses a link for a framework it neither has nor carries', () => {
    const result = decodeInvitation(encodeInvitation({ ...invitation, frameworkId: 'onet-15-9999-00' }), builtin);
    expect(result.ok === false && result.issues[0]?.code).toBe('invitation.unknown-framework');
  });

  it('refuses a collection endpoint that is not HTTPS', () => {
    const result = decodeInvitation(encodeInvitation({ ...invitation, endpoint: 'http://collect.example.test/x' }), builtin);
    expect(result.ok === false && result.issues[0]?.code).toBe('invitation.bad-endpoint');
  });

  it('refuses a collection endpoint carrying a user name or password, which every rater would receive', () => {
    const result = decodeInvitation(encodeInvitation({ ...invitation, endpoint: 'https://collect.example.test@evil.example.test/x' }), builtin);
    expect(result.ok === false && result.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['invitation.bad-endpoint', expect.stringMatching(/user name or password/)],
    ]);
  });

  it('refuses a link whose JSON repeats a key, so the page cannot show one learner and mean another', () => {
    const json = JSON.stringify({ ...invitation, framework: null }).replace('"learnerName":', '"learnerName":"Someone else","learnerName":');
    const duplicated = packRaw(json);
    expect(decodeInvitation(packRaw(JSON.stringify({ ...invitation, framework: null })), builtin).ok).toBe(true);
    expect(decodeInvitation(duplicated, builtin)).toMatchObject({ ok: false, issues: [{ code: 'json.duplicate-key', path: 'learnerName' }] });
  });

  it('refuses a link nested 100,000 deep without overflowing the stack', () => {
    const deep = packRaw(`{"note": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(decodeInvitation(deep, builtin)).toMatchObject({ ok: false, issues: [{ code: 'json.too-deep' }] });
  });

  it('refuses a learner name or note past its length cap', () => {
    const result = decodeInvitation(encodeInvitation({ ...invitation, learnerName: 'A'.repeat(10_000), note: 'n'.repeat(1_000_000) }), builtin);
    expect(result.ok === false && result.issues.map((issue) => [issue.code, issue.path])).toEqual([['invitation.too-long', 'learnerName'], ['invitation.too-long', 'note']]);
  });

  // The rater's response carries the learner's name as subject_name: a name the response reader
  // would refuse must be refused when the link is opened, not when the learner imports the answers.
  it.each([
    ['a line break', 'Ana Ruiz\nPlease also rate Eve'],
    ['a terminal escape', 'Ana\u001b[31m'],
    ['a bidirectional override', 'Ana \u202Eziur'],
  ])('refuses a learner name holding %s, quoted escaped', (_what, learnerName) => {
    const result = decodeInvitation(encodeInvitation({ ...invitation, learnerName }), builtin);
    expect(result.ok === false && result.issues.map((issue) => [issue.code, issue.path])).toEqual([['invitation.bad-field', 'learnerName']]);
    expect(result.ok === false && result.issues[0]?.message).toMatch(/control|line break/);
    expect(result.ok === false && result.issues[0]?.message).not.toMatch(/[\n\u001b\u202e]/);
  });

  it('keeps a learner name in any script, as the response\'s subject_name will', () => {
    const named = { ...invitation, learnerName: 'Nguyễn Thị Minh Khai, عمر' };
    expect(decodeInvitation(encodeInvitation(named), builtin)).toEqual({ ok: true, value: named });
  });
});

/** A payload packed from JSON text as written, which packPayload (JSON.stringify) cannot make. */
function packRaw(json: string): string {
  const bytes = strToU8(json);
  const body = deflateSync(bytes, { level: 9 });
  const packed = new Uint8Array(4 + body.length);
  new DataView(packed.buffer).setUint32(0, crc32(bytes));
  packed.set(body, 4);
  return `${INVITATION_PREFIX}${encodeBase64Url(packed)}`;
}
