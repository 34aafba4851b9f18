import { generateIdentity, identityToRecipient } from 'age-encryption';
import { compactVerify, EmbeddedJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  coachFingerprint, coachKeys, coachSigningKey, openCompactJws, readFingerprint, SIGNING_KEY_INFO, SIGNING_KEY_SALT, signCompactJws,
} from '../../../src/core/confidential/coach-signing-key.ts';
import { python } from '../../support/confidential-check.ts';

const b64u = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const FINGERPRINT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * The derivation and the fingerprint, written again from the specification with Python's
 * cryptography (OpenSSL): HKDF-SHA256 to an RFC 8032 seed, its public key, SHA-256 of
 * `recipient \n x`, the first 80 bits in base32 mapped onto Crockford's alphabet.
 */
const DERIVE_IN_PYTHON = `
import sys, json, base64, hashlib
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
out = []
for case in json.load(sys.stdin):
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=case["salt"].encode(), info=case["info"].encode()).derive(case["identity"].encode())
    raw = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    x = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    digest = hashlib.sha256((case["recipient"] + "\\n" + x).encode()).digest()[:10]
    symbols = base64.b32encode(digest).decode().translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
    out.append({"x": x, "fingerprint": "-".join(symbols[i:i + 4] for i in range(0, 16, 4))})
print(json.dumps(out))
`;

/** Verifies each compact JWS with the Ed25519 key in its header, as RFC 7515 and RFC 8037 define it. */
const VERIFY_IN_PYTHON = `
import sys, json, base64
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
def b64u(text): return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
out = []
for jws in json.load(sys.stdin):
    header, payload, signature = jws.split(".")
    jwk = json.loads(b64u(header))["jwk"]
    try:
        Ed25519PublicKey.from_public_bytes(b64u(jwk["x"])).verify(b64u(signature), (header + "." + payload).encode("ascii"))
        out.append(True)
    except InvalidSignature:
        out.append(False)
print(json.dumps(out))
`;

describe("the coach's signing key", () => {
  it('is derived from the age identity alone: the same identity gives the same key and fingerprint every time', async () => {
    const identity = await generateIdentity();
    const first = await coachKeys(identity);
    const again = await coachKeys(identity);
    expect(again.publicJwk).toEqual(first.publicJwk);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(coachSigningKey(identity).publicJwk).toEqual(first.publicJwk);
    expect(first.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(first.fingerprint).toMatch(FINGERPRINT);
    expect(first.recipient).toBe(await identityToRecipient(identity));
  });

  it('differs for every other identity', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, async () => coachKeys(await generateIdentity())));
    expect(new Set(keys.map((key) => key.publicJwk.x)).size).toBe(8);
    expect(new Set(keys.map((key) => key.fingerprint)).size).toBe(8);
  });

  it('is the key and fingerprint an independent implementation derives from the written rule (Python cryptography)', async () => {
    const cases = await Promise.all(Array.from({ length: 3 }, async () => {
      const identity = await generateIdentity();
      return { identity, recipient: await identityToRecipient(identity), salt: SIGNING_KEY_SALT, info: SIGNING_KEY_INFO };
    }));
    const ours = await Promise.all(cases.map(async (c) => {
      const keys = await coachKeys(c.identity);
      return { x: keys.publicJwk.x, fingerprint: keys.fingerprint };
    }));
    expect(python(DERIVE_IN_PYTHON, cases)).toEqual(ours);
  });

  it('has a fingerprint that covers the age recipient too, so neither key can be swapped alone', async () => {
    const identity = await generateIdentity();
    const other = await coachKeys(await generateIdentity());
    const keys = await coachKeys(identity);
    expect(coachFingerprint(keys.publicJwk, other.recipient)).not.toBe(keys.fingerprint);
    expect(coachFingerprint(other.publicJwk, keys.recipient)).not.toBe(keys.fingerprint);
  });

  it('reads a fingerprint as a person types or reads it aloud: any case, spaces, O for 0, I or L for 1', () => {
    expect(readFingerprint('K7QD-2MXA-9FZR-4TNE')).toBe('K7QD-2MXA-9FZR-4TNE');
    expect(readFingerprint(' k7qd 2mxa 9fzr 4tne ')).toBe('K7QD-2MXA-9FZR-4TNE');
    expect(readFingerprint('K7QD2MXA9FZR4TNE')).toBe('K7QD-2MXA-9FZR-4TNE');
    expect(readFingerprint('oilO-ILoi-1111-0000')).toBe('0110-1101-1111-0000');
    for (const wrong of ['K7QD-2MXA-9FZR', 'K7QD-2MXA-9FZR-4TNEX', 'U7QD-2MXA-9FZR-4TNE', '', 'K7QD_2MXA_9FZR_4TNE']) {
      expect(readFingerprint(wrong), wrong).toBeUndefined();
    }
  });

  it('is derived only from an age X25519 identity as the key file holds it (anything else is a bug)', async () => {
    const identity = await generateIdentity();
    // A changed last character breaks the checksum (pick one other than the key's own).
    const changed = `${identity.slice(0, -1)}${identity.endsWith('Q') ? 'P' : 'Q'}`;
    for (const wrong of [await identityToRecipient(identity), identity.toLowerCase(), changed, 'AGE-SECRET-KEY-1', '']) {
      expect(() => coachSigningKey(wrong), wrong).toThrow(/age X25519 identity/);
    }
  });
});

describe('compact JWS signed with the coach key', () => {
  const typ = 'skillscope-campaign+jws';

  it('is RFC 7515 compact JWS with alg EdDSA and the public key as a jwk header', async () => {
    const key = coachSigningKey(await generateIdentity());
    const jws = signCompactJws('{"hello":"world"}', typ, key);
    const [header = '', payload = ''] = jws.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'EdDSA', typ, jwk: key.publicJwk });
    expect(Buffer.from(payload, 'base64url').toString()).toBe('{"hello":"world"}');
    expect(openCompactJws(jws, { file: 'x.jws', typ, maxChars: 10_000 })).toEqual({ ok: true, value: { publicJwk: key.publicJwk, payloadText: '{"hello":"world"}' } });
  });

  it('verifies with jose, a JWS library we did not write, using the embedded jwk', async () => {
    const key = coachSigningKey(await generateIdentity());
    const jws = signCompactJws('{"n":1,"text":"ünïcödé ✓ 😀"}', typ, key);
    const verified = await compactVerify(jws, EmbeddedJWK, { algorithms: ['EdDSA'] });
    expect(new TextDecoder().decode(verified.payload)).toBe('{"n":1,"text":"ünïcödé ✓ 😀"}');
    expect(verified.protectedHeader).toMatchObject({ alg: 'EdDSA', typ });
  });

  it("verifies with Python's cryptography, and fails there for a tampered payload or another key's signature", async () => {
    const key = coachSigningKey(await generateIdentity());
    const other = coachSigningKey(await generateIdentity());
    const jws = signCompactJws('{"threshold":3}', typ, key);
    const [header = '', , signature = ''] = jws.split('.');
    const tampered = `${header}.${b64u('{"threshold":1}')}.${signature}`;
    const [, , otherSignature = ''] = signCompactJws('{"threshold":3}', typ, other).split('.');
    const wrongKey = `${jws.split('.').slice(0, 2).join('.')}.${otherSignature}`;
    expect(python(VERIFY_IN_PYTHON, [jws, tampered, wrongKey])).toEqual([true, false, false]);
  });

  it('accepts a trailing line break, as a saved file has one', async () => {
    const key = coachSigningKey(await generateIdentity());
    expect(openCompactJws(`${signCompactJws('{}', typ, key)}\r\n`, { file: 'x.jws', typ, maxChars: 10_000 }).ok).toBe(true);
  });

  const open = (text: string) => openCompactJws(text, { file: 'x.jws', typ, maxChars: 10_000 });
  const codes = (text: string) => {
    const result = open(text);
    return result.ok ? [] : result.issues.map((issue) => issue.code);
  };
  const withHeader = (header: Record<string, unknown>, payload = '{}', signature = 'AAAA') => `${b64u(JSON.stringify(header))}.${b64u(payload)}.${signature}`;

  it('refuses what is not a compact JWS, and what is larger than the kind it should be', async () => {
    const key = coachSigningKey(await generateIdentity());
    const jws = signCompactJws('{}', typ, key);
    expect(codes('hello')).toEqual(['jws.malformed']);
    expect(codes(`${jws}.extra`)).toEqual(['jws.malformed']);
    expect(codes(JSON.stringify({ payload: 'e30', signatures: [] }))).toEqual(['jws.malformed']);
    expect(codes(`${jws}==`)).toEqual(['jws.malformed']);
    expect(codes('not-base64.e30.AAAA')).toEqual(['jws.bad-header']);
    expect(codes(`${'A'.repeat(10_001)}`)).toEqual(['jws.too-large']);
  });

  it('refuses alg none, and every algorithm but EdDSA, each with its own issue', async () => {
    const key = coachSigningKey(await generateIdentity());
    const jwk = key.publicJwk;
    expect(codes(withHeader({ alg: 'none', typ, jwk }, '{}', ''))).toEqual(['jws.unsigned']);
    expect(codes(withHeader({ typ, jwk }, '{}', ''))).toEqual(['jws.unsigned']);
    for (const alg of ['HS256', 'ES256', 'RS256', 'Ed25519', 'EdDSA ', 'eddsa']) {
      expect(codes(withHeader({ alg, typ, jwk })), alg).toEqual(['jws.unsupported-alg']);
    }
    const open = openCompactJws(withHeader({ alg: 'none', typ, jwk }, '{}', ''), { file: 'x.jws', typ, maxChars: 10_000 });
    expect(open.ok === false && open.issues[0]?.message).toMatch(/not signed/);
  });

  it('refuses critical extensions, another type of file, and a header key that is not an Ed25519 public key', async () => {
    const key = coachSigningKey(await generateIdentity());
    const jwk = key.publicJwk;
    expect(codes(withHeader({ alg: 'EdDSA', typ, jwk, crit: ['b64'], b64: false }))).toEqual(['jws.unsupported-crit']);
    expect(codes(withHeader({ alg: 'EdDSA', jwk }))).toEqual(['jws.wrong-type']);
    const report = open(withHeader({ alg: 'EdDSA', typ: 'skillscope-report+jws', jwk }));
    expect(report.ok === false && report.issues.map((issue) => [issue.code, issue.message])).toEqual([['jws.wrong-type', expect.stringMatching(/signed 360 report/)]]);
    expect(codes(withHeader({ alg: 'EdDSA', typ: `application/${typ.toUpperCase()}`, jwk }, '{}', signCompactJws('{}', typ, key).split('.')[2]))).toEqual(['jws.bad-signature']);
    const withPrivate = open(withHeader({ alg: 'EdDSA', typ, jwk: { ...jwk, d: 'AAAA' } }));
    expect(withPrivate.ok === false && withPrivate.issues.map((issue) => [issue.code, issue.message])).toEqual([['jws.bad-key', expect.stringMatching(/private part/)]]);
    expect(codes(withHeader({ alg: 'EdDSA', typ, jwk: { kty: 'OKP', crv: 'X25519', x: jwk.x } }))).toEqual(['jws.bad-key']);
    expect(codes(withHeader({ alg: 'EdDSA', typ, jwk: { kty: 'OKP', crv: 'Ed25519', x: 'AQ' } }))).toEqual(['jws.bad-key']);
    // The identity point has order 1: it would verify a forged signature for any message.
    const identityPoint = Buffer.from([1, ...new Array<number>(31).fill(0)]).toString('base64url');
    expect(codes(withHeader({ alg: 'EdDSA', typ, jwk: { kty: 'OKP', crv: 'Ed25519', x: identityPoint } }))).toEqual(['jws.bad-key']);
    expect(codes(withHeader({ alg: 'HS256', jwk: 'key' }))).toEqual(['jws.unsupported-alg', 'jws.wrong-type', 'jws.bad-key']);
  });

  it('refuses a signature in a second spelling of the same bytes, so one signed file has one text', async () => {
    const key = coachSigningKey(await generateIdentity());
    const jws = signCompactJws('{}', typ, key);
    const last = jws.at(-1) ?? 'A';
    // 64 bytes end on 4 spare bits; a different last symbol with the same top 2 bits decodes alike.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1] ?? 'B';
    expect(Buffer.from(`${jws.slice(0, -1)}${twin}`.split('.')[2] ?? '', 'base64url')).toEqual(Buffer.from(jws.split('.')[2] ?? '', 'base64url'));
    expect(codes(`${jws.slice(0, -1)}${twin}`)).toEqual(['jws.bad-signature']);
  });
});
