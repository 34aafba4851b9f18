import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { compactVerify, EmbeddedJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CampaignManifest, frameworkSha256, MANIFEST_TYP, MAX_INVITATIONS, signManifest, tokenSha256, verifyManifest,
} from '../../../src/core/confidential/campaign-manifest.ts';
import { coachSigningKey, signCompactJws } from '../../../src/core/confidential/coach-signing-key.ts';
import { OTHER_GROUPS } from '../../../src/core/model/response.ts';
import type { Result } from '../../../src/core/model/result.ts';
import { DEFAULT_THRESHOLDS } from '../../../src/core/score/thresholds.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';
import { type Coach, newCoach, python } from '../../support/confidential-check.ts';


function manifestOf(coach: Coach, changes: Partial<CampaignManifest> = {}): CampaignManifest {
  return {
    format: 'skillscope-campaign',
    version: 1,
    campaign_id: 'cmp-2026-ana-4k7q',
    created_on: '2026-05-01',
    closes_on: '2026-05-31',
    framework: { id: 'css-durable-skills', version: '2024.1', sha256: 'ab'.repeat(32), title: 'Pathsmith Durable Skills Framework' },
    learner: { name: 'Ana Ruiz', subject_id: 'ana-ruiz-4k7q' },
    coach: { name: 'Sam Coach', recipient: coach.keys.recipient, signing_key: coach.keys.publicJwk },
    thresholds: { ...DEFAULT_THRESHOLDS },
    invitations: [
      { invitation_id: 'inv-1', group: 'manager', token_sha256: tokenSha256('token-one') },
      { invitation_id: 'inv-2', group: 'peer', token_sha256: tokenSha256('token-two') },
      { invitation_id: 'inv-3', group: 'peer', token_sha256: tokenSha256('token-three') },
    ],
    ...changes,
  };
}

const b64u = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const partsOf = (jws: string) => {
  const [header = '', payload = '', signature = ''] = jws.split('.');
  return { header, payload, signature };
};
const codesOf = <T>(result: Result<T>) => (result.ok ? [] : result.issues.map((issue) => issue.code));
/** Signs any JSON as a manifest, valid or not, the way a careless or hostile tool could. */
const signRaw = (coach: Coach, value: unknown) => signCompactJws(JSON.stringify(value), MANIFEST_TYP, coach.keys.signingKey);

/** RFC 7515 checked by Python's cryptography, with the key the manifest names as the coach's. */
const VERIFY_WITH_MANIFEST_KEY = `
import sys, json, base64
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
def b64u(text): return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
out = []
for case in json.load(sys.stdin):
    header, payload, signature = case["jws"].split(".")
    assert json.loads(b64u(header))["alg"] == "EdDSA"
    try:
        Ed25519PublicKey.from_public_bytes(b64u(case["x"])).verify(b64u(signature), (header + "." + payload).encode("ascii"))
        out.append(True)
    except InvalidSignature:
        out.append(False)
print(json.dumps(out))
`;


let coach: Coach;
let stranger: Coach;
beforeAll(async () => {
  coach = await newCoach();
  stranger = await newCoach();
});

describe('a signed campaign manifest', () => {
  it('reads back exactly what the coach signed', async () => {
    const manifest = manifestOf(coach);
    const jws = await signManifest(manifest, coach.identity);
    expect(await verifyManifest(jws, 'manifest.jws')).toEqual({ ok: true, value: manifest });
  });

  it('passes for the fingerprint the rater heard from the coach, typed any way', async () => {
    const jws = await signManifest(manifestOf(coach), coach.identity);
    const typed = coach.keys.fingerprint.toLowerCase().replace(/-/g, ' ');
    expect((await verifyManifest(jws, 'manifest.jws', { fingerprint: typed })).ok).toBe(true);
  });

  it('is a compact JWS, EdDSA, typed skillscope-campaign+jws, the coach key in the header, the manifest as its payload', async () => {
    const manifest = manifestOf(coach);
    const { header, payload } = partsOf(await signManifest(manifest, coach.identity));
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'skillscope-campaign+jws', jwk: coach.keys.publicJwk });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual(manifest);
  });

  it("verifies with Python's cryptography against the key the manifest names, and fails there once edited", async () => {
    const jws = await signManifest(manifestOf(coach), coach.identity);
    const { header, signature } = partsOf(jws);
    const edited = `${header}.${b64u(JSON.stringify(manifestOf(coach, { thresholds: { ...DEFAULT_THRESHOLDS, peer: 2 } })))}.${signature}`;
    const x = coach.keys.publicJwk.x;
    expect(python(VERIFY_WITH_MANIFEST_KEY, [{ jws, x }, { jws: edited, x }, { jws, x: stranger.keys.publicJwk.x }])).toEqual([true, false, false]);
  });

  it('verifies with jose from the embedded key', async () => {
    const manifest = manifestOf(coach);
    const verified = await compactVerify(await signManifest(manifest, coach.identity), EmbeddedJWK, { algorithms: ['EdDSA'] });
    expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(manifest);
  });

  it('gives back any valid manifest it signed (property)', async () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');
    const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text));
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    const threshold = (min: number) => fc.integer({ min, max: 1_000 });
    const manifest = fc.record({
      campaign_id: id,
      days: fc.tuple(day, day).map((pair) => pair.sort()),
      framework: fc.record({
        id: fc.stringMatching(/^[a-z0-9]{1,10}(?:-[a-z0-9]{1,10}){0,4}$/),
        version: fc.string({ maxLength: 12 }),
        sha256: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex')),
        title: name,
      }),
      learner: fc.record({ name, subject_id: id }),
      coachName: name,
      thresholds: fc.record({ manager: threshold(1), peer: threshold(2), 'direct-report': threshold(2), other: threshold(2), others: threshold(2), comments: threshold(2) }),
      invitations: fc.uniqueArray(fc.record({ invitation_id: id, group: fc.constantFrom(...OTHER_GROUPS) }), { selector: (invitation) => invitation.invitation_id, maxLength: 12 }),
    });
    await fc.assert(
      fc.asyncProperty(manifest, async ({ days: [createdOn = '', closesOn = ''], coachName, invitations, ...rest }) => {
        const signed: CampaignManifest = manifestOf(coach, {
          ...rest,
          created_on: createdOn,
          closes_on: closesOn,
          coach: { name: coachName, recipient: coach.keys.recipient, signing_key: coach.keys.publicJwk },
          invitations: invitations.map((invitation) => ({ ...invitation, token_sha256: tokenSha256(`token ${invitation.invitation_id}`) })),
        });
        expect(await verifyManifest(await signManifest(signed, coach.identity), 'manifest.jws', { fingerprint: coach.keys.fingerprint })).toEqual({ ok: true, value: signed });
      }),
      { numRuns: 60 },
    );
  });
});

describe('a manifest tampered with is refused, each case with its own issue', () => {
  it('an edited payload (a threshold lowered after signing)', async () => {
    const { header, signature } = partsOf(await signManifest(manifestOf(coach), coach.identity));
    const lowered = b64u(JSON.stringify(manifestOf(coach, { thresholds: { ...DEFAULT_THRESHOLDS, peer: 2 } })));
    const result = await verifyManifest(`${header}.${lowered}.${signature}`, 'manifest.jws');
    expect(result).toEqual({ ok: false, issues: [{ code: 'jws.bad-signature', file: 'manifest.jws', path: 'signature', message: expect.stringMatching(/changed after it was signed/) }] });
  });

  it('one character of the signed text changed', async () => {
    const jws = await signManifest(manifestOf(coach), coach.identity);
    const at = jws.indexOf('.') + 30;
    const flipped = `${jws.slice(0, at)}${jws[at] === 'A' ? 'B' : 'A'}${jws.slice(at + 1)}`;
    expect(codesOf(await verifyManifest(flipped, 'manifest.jws'))).toEqual(['jws.bad-signature']);
  });

  it('an edited header (another key put in it, the signature kept)', async () => {
    const { payload, signature } = partsOf(await signManifest(manifestOf(coach), coach.identity));
    const header = b64u(JSON.stringify({ alg: 'EdDSA', typ: MANIFEST_TYP, jwk: stranger.keys.publicJwk }));
    expect(codesOf(await verifyManifest(`${header}.${payload}.${signature}`, 'manifest.jws'))).toEqual(['jws.bad-signature']);
  });

  it("a signature made by another key under the coach's header", async () => {
    const { header, payload } = partsOf(await signManifest(manifestOf(coach), coach.identity));
    const forged = Buffer.from(stranger.keys.signingKey.sign(new TextEncoder().encode(`${header}.${payload}`))).toString('base64url');
    expect(codesOf(await verifyManifest(`${header}.${payload}.${forged}`, 'manifest.jws'))).toEqual(['jws.bad-signature']);
  });

  it("a header key that differs from the payload's: the coach's manifest re-signed by someone else", async () => {
    const resigned = signCompactJws(JSON.stringify(manifestOf(coach)), MANIFEST_TYP, stranger.keys.signingKey);
    const result = await verifyManifest(resigned, 'manifest.jws');
    expect(result).toEqual({ ok: false, issues: [{ code: 'manifest.key-mismatch', file: 'manifest.jws', path: 'coach.signing_key', message: expect.stringMatching(/key other than the coach's/) }] });
  });

  it("a manifest made whole by someone else with their own keys: consistent, but not the coach's fingerprint", async () => {
    const impostor = await signManifest(manifestOf(stranger, { coach: { name: 'Sam Coach', recipient: stranger.keys.recipient, signing_key: stranger.keys.publicJwk } }), stranger.identity);
    expect((await verifyManifest(impostor, 'manifest.jws')).ok).toBe(true);
    const result = await verifyManifest(impostor, 'manifest.jws', { fingerprint: coach.keys.fingerprint });
    expect(result).toEqual({ ok: false, issues: [{ code: 'manifest.unexpected-coach', file: 'manifest.jws', path: 'coach', message: expect.stringContaining(stranger.keys.fingerprint) }] });
  });

  it("the coach's recipient paired with someone else's signing key fails the fingerprint", async () => {
    const paired = manifestOf(stranger, { coach: { name: 'Sam Coach', recipient: coach.keys.recipient, signing_key: stranger.keys.publicJwk } });
    const result = await verifyManifest(signRaw(stranger, paired), 'manifest.jws', { fingerprint: coach.keys.fingerprint });
    expect(codesOf(result)).toEqual(['manifest.unexpected-coach']);
  });

  it('alg none, with the signature taken off', async () => {
    const { payload } = partsOf(await signManifest(manifestOf(coach), coach.identity));
    const header = b64u(JSON.stringify({ alg: 'none', typ: MANIFEST_TYP, jwk: coach.keys.publicJwk }));
    expect(codesOf(await verifyManifest(`${header}.${payload}.`, 'manifest.jws'))).toEqual(['jws.unsigned']);
  });

  it('any algorithm but EdDSA, such as HS256 keyed with the public key (algorithm confusion)', async () => {
    const { payload } = partsOf(await signManifest(manifestOf(coach), coach.identity));
    for (const alg of ['HS256', 'ES256', 'RS256', 'Ed25519']) {
      const header = b64u(JSON.stringify({ alg, typ: MANIFEST_TYP, jwk: coach.keys.publicJwk }));
      const mac = createHmac('sha256', Buffer.from(coach.keys.publicJwk.x, 'base64url')).update(`${header}.${payload}`).digest('base64url');
      expect(codesOf(await verifyManifest(`${header}.${payload}.${mac}`, 'manifest.jws')), alg).toEqual(['jws.unsupported-alg']);
    }
  });

  it("another kind of signed file, the coach's report, offered as a manifest", async () => {
    const report = signCompactJws(JSON.stringify(manifestOf(coach)), 'skillscope-report+jws', coach.keys.signingKey);
    const result = await verifyManifest(report, 'manifest.jws');
    expect(result.ok === false && result.issues.map((issue) => [issue.code, issue.message])).toEqual([['jws.wrong-type', expect.stringMatching(/is a signed 360 report/)]]);
  });

  it('a fingerprint to check that is not one', async () => {
    const jws = await signManifest(manifestOf(coach), coach.identity);
    expect(codesOf(await verifyManifest(jws, 'manifest.jws', { fingerprint: 'K7QD-2MXA' }))).toEqual(['fingerprint.malformed']);
  });
});

describe('every field is checked and every problem listed', () => {
  it('lists each problem with its path', async () => {
    const bad = {
      ...manifestOf(coach),
      campaign_id: 'x'.repeat(200),
      created_on: '2026-05-01T09:30:00Z',
      closes_on: '2026-02-30',
      framework: { id: 'Not Kebab', version: '1', sha256: 'abc', title: '' },
      learner: { name: 'Ana', subject_id: 'ana\nfake line' },
      coach: { name: 'Sam', recipient: 'age1notakey', signing_key: { ...coach.keys.publicJwk, d: 'secret' } },
      thresholds: { manager: 0, peer: 1, 'direct-report': 2.5, other: 3, others: 1, comments: '3' },
      invitations: [
        { invitation_id: 'inv-1', group: 'peer', token_sha256: tokenSha256('a') },
        { invitation_id: 'inv-1', group: 'self', token_sha256: tokenSha256('a') },
        { invitation_id: 'inv-3', group: 'other', token_sha256: 'not-a-hash', token: 'secret' },
      ],
      notes: 'extra',
    };
    const result = await verifyManifest(signRaw(coach, bad), 'manifest.jws');
    expect(result.ok === false && result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['manifest.unknown-field', 'notes'],
      ['manifest.too-long', 'campaign_id'],
      ['manifest.bad-date', 'created_on'],
      ['manifest.bad-date', 'closes_on'],
      ['manifest.bad-id', 'framework.id'],
      ['manifest.bad-digest', 'framework.sha256'],
      ['manifest.blank', 'framework.title'],
      ['manifest.bad-id', 'learner.subject_id'],
      ['manifest.bad-recipient', 'coach.recipient'],
      ['manifest.bad-key', 'coach.signing_key'],
      ['thresholds.too-low', 'thresholds.manager'],
      ['thresholds.too-low', 'thresholds.peer'],
      ['thresholds.not-integer', 'thresholds.direct-report'],
      ['thresholds.too-low', 'thresholds.others'],
      ['thresholds.not-integer', 'thresholds.comments'],
      ['manifest.bad-value', 'invitations[1].group'],
      ['manifest.duplicate-invitation', 'invitations[1].invitation_id'],
      ['manifest.duplicate-token', 'invitations[1].token_sha256'],
      ['manifest.unknown-field', 'invitations[2].token'],
      ['manifest.bad-digest', 'invitations[2].token_sha256'],
    ]);
  });

  it('never quotes a secret: a private key in the manifest is named, not shown', async () => {
    const result = await verifyManifest(signRaw(coach, { ...manifestOf(coach), coach: { ...manifestOf(coach).coach, signing_key: { ...coach.keys.publicJwk, d: 'SECRETSECRET' } } }), 'm.jws');
    expect(result.ok === false && result.issues.map((issue) => issue.message).join(' ')).not.toContain('SECRETSECRET');
    expect(result.ok === false && result.issues[0]?.message).toMatch(/private part/);
  });

  const thresholds: [string, Partial<CampaignManifest['thresholds']>, string | null][] = [
    ['the defaults', {}, null],
    ['a manager shown alone and peers at 2', { manager: 1, peer: 2 }, null],
    ['a manager threshold of 2', { manager: 2 }, null],
    ['a threshold no group will reach', { others: 1_000 }, null],
    ['a manager threshold of 0', { manager: 0 }, 'thresholds.too-low'],
    ['a peer threshold of 1', { peer: 1 }, 'thresholds.too-low'],
    ['an others threshold of 1', { others: 1 }, 'thresholds.too-low'],
    ['a comment threshold of 1', { comments: 1 }, 'thresholds.too-low'],
    ['a threshold of 2.5', { other: 2.5 }, 'thresholds.not-integer'],
  ];
  it.each(thresholds)('takes or refuses %s, by the rule scoring applies', async (_name, change, code) => {
    const result = await verifyManifest(signRaw(coach, manifestOf(coach, { thresholds: { ...DEFAULT_THRESHOLDS, ...change } })), 'manifest.jws');
    expect(codesOf(result)).toEqual(code === null ? [] : [code]);
  });

  it('refuses a threshold missing, and a closing day before the creation day', async () => {
    const { comments: _dropped, ...noComments } = DEFAULT_THRESHOLDS;
    const result = await verifyManifest(signRaw(coach, { ...manifestOf(coach, { closes_on: '2026-04-30' }), thresholds: noComments }), 'manifest.jws');
    expect(result.ok === false && result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['manifest.closes-before-created', 'closes_on'],
      ['thresholds.missing', 'thresholds.comments'],
    ]);
  });

  it('refuses a payload that repeats a key, so it cannot show one threshold and mean another', async () => {
    const json = JSON.stringify(manifestOf(coach)).replace('"peer":3', '"peer":3,"peer":1');
    const result = await verifyManifest(signCompactJws(json, MANIFEST_TYP, coach.keys.signingKey), 'manifest.jws');
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'json.duplicate-key', path: 'thresholds.peer' }] });
  });

  it('refuses another format or version without reading further', async () => {
    expect(codesOf(await verifyManifest(signRaw(coach, { ...manifestOf(coach), format: 'skillscope-response' }), 'm.jws'))).toEqual(['manifest.unknown-format']);
    expect(codesOf(await verifyManifest(signRaw(coach, { ...manifestOf(coach), version: 2 }), 'm.jws'))).toEqual(['manifest.unsupported-version']);
    expect(codesOf(await verifyManifest(signRaw(coach, [manifestOf(coach)]), 'm.jws'))).toEqual(['manifest.unknown-format']);
  });

  it(`refuses more than ${MAX_INVITATIONS.toLocaleString('en')} invitations`, async () => {
    const many = Array.from({ length: MAX_INVITATIONS + 1 }, (_, index) => ({ invitation_id: `i${index}`, group: 'peer', token_sha256: tokenSha256(`t${index}`) }));
    const result = await verifyManifest(signRaw(coach, { ...manifestOf(coach), invitations: many }), 'manifest.jws');
    expect(result.ok === false && result.issues.map((issue) => [issue.code, issue.path])).toEqual([['manifest.too-many', 'invitations']]);
  });
});

describe('signing', () => {
  it('throws for a manifest that would not verify, or that names another coach: the builder checks first', async () => {
    await expect(signManifest(manifestOf(coach, { closes_on: '2025-01-01' }), coach.identity)).rejects.toThrow(/closes/);
    await expect(signManifest(manifestOf(stranger), coach.identity)).rejects.toThrow(/another coach/);
    const mixed = manifestOf(coach, { coach: { name: 'Sam', recipient: stranger.keys.recipient, signing_key: coach.keys.publicJwk } });
    await expect(signManifest(mixed, coach.identity)).rejects.toThrow(/another coach/);
  });

  it('is deterministic: the same manifest and identity give the same file', async () => {
    const manifest = manifestOf(coach);
    expect(await signManifest(manifest, coach.identity)).toBe(await signManifest(manifest, coach.identity));
    expect(coachSigningKey(coach.identity).publicJwk).toEqual(manifest.coach.signing_key);
  });
});

describe("the framework's content hash", () => {
  it('is SHA-256 of the model as JSON with sorted keys, the same as Python computes it (RFC 8785 form)', () => {
    const framework = builtinFramework('css-durable-skills');
    const script = 'import sys, json, hashlib; print(json.dumps(hashlib.sha256(json.dumps(json.load(sys.stdin), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()))';
    expect(frameworkSha256(framework)).toBe(python(script, framework));
    expect(frameworkSha256(framework)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not change with key order, and changes when one statement does', () => {
    const framework = builtinFramework('css-ai-at-work');
    const reordered = Object.fromEntries(Object.entries(framework).reverse()) as typeof framework;
    expect(frameworkSha256(reordered)).toBe(frameworkSha256(framework));
    const [first, ...rest] = framework.statements;
    const edited = { ...framework, statements: [{ ...first!, text: `${first!.text}.` }, ...rest] };
    expect(frameworkSha256(edited)).not.toBe(frameworkSha256(framework));
  });
});
