import { ed25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decodeUtf8 } from '../input/decode-text.ts';
import { readJson } from '../input/read-json.ts';
import { decodeBase64Url, encodeBase64Url } from '../io/base64url.ts';
import { excerpt } from '../model/echo.ts';
import { isRecord, own } from '../model/json-value.ts';
import type { Issue, Result } from '../model/result.ts';
import { isBech32Key } from './bech32-key.ts';
import { coachRecipient } from './coach-identity.ts';

/**
 * The coach's signing key, and the compact JWS (RFC 7515, `alg: EdDSA`, Ed25519, RFC 8037) that
 * manifests and reports are signed with.
 *
 * The coach keeps one secret, an age X25519 identity. JWS needs Ed25519, so the signing key is
 * derived from it, the same on every device and in the backup, with nothing else to store:
 * seed = HKDF-SHA256(ikm = the identity's UTF-8 bytes, salt = SIGNING_KEY_SALT, info =
 * SIGNING_KEY_INFO, 32 bytes), the RFC 8032 Ed25519 private key. The salt and info give the key
 * its own domain: no other use of the identity can ever yield the same bytes.
 *
 * Signing and verification use @noble/curves (synchronous, in every browser the app supports,
 * with no dependence on WebCrypto's Ed25519); the tests check the same files with jose and
 * with Python's `cryptography`. Verification is RFC 8032 strict (no ZIP-215 leniency), so we
 * accept exactly the signatures those verifiers accept.
 */
export const SIGNING_KEY_SALT = 'skillscope coach signing key v1';
export const SIGNING_KEY_INFO = 'ed25519';

export type Ed25519PublicJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string };

export type CoachSigningKey = {
  publicJwk: Ed25519PublicJwk;
  /** A 64-byte Ed25519 signature of `bytes`. */
  sign(bytes: Uint8Array): Uint8Array;
};

/**
 * The coach's signing key from their age identity, as readIdentityFile gives it: upper case, as
 * age-keygen writes it and as the key material is defined. Anything else is a bug and throws.
 */
export function coachSigningKey(identity: string): CoachSigningKey {
  if (identity !== identity.toUpperCase() || !isBech32Key(identity, 'AGE-SECRET-KEY-')) {
    throw new TypeError('coachSigningKey needs an age X25519 identity (AGE-SECRET-KEY-1…) in upper case');
  }
  const encoder = new TextEncoder();
  const seed = hkdf(sha256, encoder.encode(identity), encoder.encode(SIGNING_KEY_SALT), encoder.encode(SIGNING_KEY_INFO), 32);
  const publicJwk: Ed25519PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: encodeBase64Url(ed25519.getPublicKey(seed)) };
  return { publicJwk, sign: (bytes) => ed25519.sign(bytes, seed) };
}

/** Everything public about a coach's identity, and the key that signs for it. */
export type CoachKeys = { recipient: string; publicJwk: Ed25519PublicJwk; fingerprint: string; signingKey: CoachSigningKey };

export async function coachKeys(identity: string): Promise<CoachKeys> {
  const signingKey = coachSigningKey(identity);
  const recipient = await coachRecipient(identity);
  return { recipient, publicJwk: signingKey.publicJwk, fingerprint: coachFingerprint(signingKey.publicJwk, recipient), signingKey };
}

/**
 * Crockford's base32 (digits and letters without I, L, O, U): no two symbols sound or look
 * alike, and a reader may say either case. It is made for people reading codes aloud.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FINGERPRINT = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

/**
 * The short fingerprint a rater and a coach compare over the phone, `K7QD-2MXA-9FZR-4TNE`.
 * It covers both public keys the coach is known by, the age recipient responses are sealed to
 * and the signing key's `x`: SHA-256 over `${recipient}\n${x}`, its first 80 bits as 16
 * Crockford base32 symbols in four groups of four. A match vouches for both keys at once, so a
 * manifest that pairs the coach's recipient with someone else's signing key cannot pass. 80 bits
 * is what a person will compare and still far beyond making a key that matches a given one
 * (2^80 tries); collisions between two keys one makes oneself do not matter here.
 */
export function coachFingerprint(publicJwk: Ed25519PublicJwk, recipient: string): string {
  const digest = sha256(new TextEncoder().encode(`${recipient}\n${publicJwk.x}`));
  let bits = 0;
  let value = 0;
  let symbols = '';
  for (const byte of digest.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      symbols += CROCKFORD[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return symbols.match(/.{4}/g)?.join('-') ?? symbols;
}

/**
 * A fingerprint as a person types it, in its canonical form, or undefined when it cannot be one:
 * any case, spaces or dashes anywhere, and Crockford's readings of look-alikes (O as 0, I and L
 * as 1).
 */
export function readFingerprint(text: string): string | undefined {
  const symbols = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const grouped = symbols.match(/.{1,4}/g)?.join('-') ?? '';
  return FINGERPRINT.test(grouped) ? grouped : undefined;
}

export function isFingerprint(text: string): boolean {
  return FINGERPRINT.test(text);
}

export function isEd25519PublicJwk(value: unknown): value is Ed25519PublicJwk {
  return publicJwkProblem(value) === undefined;
}

/** Why a value is not an Ed25519 public key as a JWK (exactly kty, crv and x), or undefined. */
export function publicJwkProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'The key must be a JSON Web Key object.';
  if (Object.keys(value).some((key) => key === 'd')) return 'The key holds a private part ("d"): a signed file must never carry it.';
  const extra = Object.keys(value).filter((key) => !['kty', 'crv', 'x'].includes(key));
  if (extra.length > 0) return `The key has members other than kty, crv and x: ${extra.slice(0, 3).map((key) => excerpt(key, 20)).join(', ')}.`;
  if (own(value, 'kty') !== 'OKP' || own(value, 'crv') !== 'Ed25519') return 'The key must be an Ed25519 key (kty "OKP", crv "Ed25519").';
  const x = own(value, 'x');
  const bytes = typeof x === 'string' ? decodeStrict(x) : null;
  if (bytes === null || bytes.length !== 32) return 'The key\'s x must be 32 bytes in base64url.';
  let point;
  try {
    point = ed25519.Point.fromBytes(bytes, false);
  } catch {
    return 'The key\'s x is not a point on the Ed25519 curve.';
  }
  // A small-order key verifies forged signatures for any message.
  return point.isSmallOrder() ? 'The key\'s x is a weak (small-order) Ed25519 point.' : undefined;
}

/** RFC 7515 §4.1.9: compared without case and without an `application/` prefix. */
export const SIGNED_TYPES = {
  'skillscope-campaign+jws': 'a campaign manifest',
  'skillscope-report+jws': 'a signed 360 report',
} as const;
export type SignedType = keyof typeof SIGNED_TYPES;

/**
 * `header.payload.signature`, each base64url. The protected header names the algorithm, an
 * explicit type (RFC 8725 §3.11: a report can never be taken for a manifest, though the same key
 * signs both; `+jws`, not `+jwt`, because the payload is no JWT claims set) and the public key as
 * a `jwk`, so that any JWS library can check the signature without knowing Skillscope.
 */
export function signCompactJws(payloadJson: string, typ: SignedType, key: CoachSigningKey): string {
  const encoder = new TextEncoder();
  const header = encodeBase64Url(encoder.encode(JSON.stringify({ alg: 'EdDSA', typ, jwk: key.publicJwk })));
  const signingInput = `${header}.${encodeBase64Url(encoder.encode(payloadJson))}`;
  return `${signingInput}.${encodeBase64Url(key.sign(encoder.encode(signingInput)))}`;
}

export type OpenedJws = { publicJwk: Ed25519PublicJwk; payloadText: string };
export type OpenOptions = { file: string; typ: SignedType; maxChars: number };

const MAX_HEADER_CHARS = 4_000;

/**
 * Checks a compact JWS and gives back its payload as text, only when the signature holds for
 * the key in its header: what that key is worth is the caller's to check (the payload names the
 * coach, the reader may know the fingerprint). Every header problem is listed; a file whose
 * signature fails says only that, since nothing in it can be trusted.
 */
export function openCompactJws(text: string, options: OpenOptions): Result<OpenedJws> {
  const { file, typ, maxChars } = options;
  const issue = (code: string, path: string, message: string): Issue => ({ code, file, path, message });
  const jws = text.trim();
  const what = SIGNED_TYPES[typ];
  if (jws.length > maxChars) {
    return { ok: false, issues: [issue('jws.too-large', '', `The file has ${jws.length.toLocaleString('en')} characters; ${what} has at most ${maxChars.toLocaleString('en')}.`)] };
  }
  const parts = jws.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) {
    return { ok: false, issues: [issue('jws.malformed', '', `The file is not ${what}: expected a signed text of three base64url parts separated by dots (JWS compact serialisation).`)] };
  }
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const headerText = headerPart.length > MAX_HEADER_CHARS ? null : decodeText(headerPart);
  const headerJson = headerText === null ? undefined : readJson(headerText, { file, maxDepth: 4 });
  if (headerJson === undefined || !headerJson.ok || !isRecord(headerJson.value)) {
    return { ok: false, issues: [issue('jws.bad-header', 'header', `The file is not ${what}: its protected header is not a base64url JSON object.`)] };
  }
  const header = headerJson.value;

  const issues: Issue[] = [];
  const alg = own(header, 'alg');
  if (alg === 'none' || (alg === undefined && signaturePart === '')) {
    issues.push(issue('jws.unsigned', 'header.alg', 'The file is not signed (alg "none"): anyone could have written it. Ask the coach for the signed file.'));
  } else if (alg !== 'EdDSA') {
    issues.push(issue('jws.unsupported-alg', 'header.alg', `The file is signed with ${alg === undefined ? 'no named algorithm' : `algorithm ${typeof alg === 'string' ? excerpt(alg, 20) : 'of the wrong type'}`}; Skillscope accepts only EdDSA (Ed25519) signatures.`));
  }
  const crit = own(header, 'crit');
  if (crit !== undefined) {
    issues.push(issue('jws.unsupported-crit', 'header.crit', 'The header names critical extensions ("crit"), which Skillscope does not support; it must refuse such a file (RFC 7515 §4.1.11).'));
  }
  const declared = own(header, 'typ');
  const declaredType = typeof declared === 'string' ? declared.toLowerCase().replace(/^application\//, '') : undefined;
  if (declaredType !== typ) {
    const other = Object.entries(SIGNED_TYPES).find(([known]) => known === declaredType)?.[1];
    const says = other !== undefined ? `it is ${other}` : declared === undefined ? 'it does not say what it is (no "typ")' : `it says it is ${typeof declared === 'string' ? excerpt(declared, 40) : 'of no known type'}`;
    issues.push(issue('jws.wrong-type', 'header.typ', `The file is not ${what}: ${says}.`));
  }
  const jwk = own(header, 'jwk');
  const keyProblem = publicJwkProblem(jwk);
  if (keyProblem !== undefined) issues.push(issue('jws.bad-key', 'header.jwk', `The header's public key cannot check the signature. ${keyProblem}`));
  if (issues.length > 0) return { ok: false, issues };

  const publicJwk = jwk as Ed25519PublicJwk;
  const signature = decodeStrict(signaturePart);
  const encoder = new TextEncoder();
  const valid = signature !== null && signature.length === 64
    && ed25519.verify(signature, encoder.encode(`${headerPart}.${payloadPart}`), decodeStrict(publicJwk.x) ?? new Uint8Array(), { zip215: false });
  if (!valid) {
    return {
      ok: false,
      issues: [issue('jws.bad-signature', 'signature', `The signature does not match: the file was changed after it was signed, or it was not signed by the key it names. Do not use it; ask the coach for ${what} again.`)],
    };
  }
  const payloadText = decodeText(payloadPart);
  if (payloadText === null) {
    return { ok: false, issues: [issue('jws.bad-payload', 'payload', `The signed content of the file is not UTF-8 text, so it is not ${what}.`)] };
  }
  return { ok: true, value: { publicJwk: { kty: 'OKP', crv: 'Ed25519', x: publicJwk.x }, payloadText } };
}

/** base64url as RFC 7515 writes it: no padding, and only the one spelling of each byte string. */
function decodeStrict(text: string): Uint8Array | null {
  const bytes = decodeBase64Url(text);
  return bytes !== null && encodeBase64Url(bytes) === text ? bytes : null;
}

function decodeText(part: string): string | null {
  const bytes = decodeStrict(part);
  if (bytes === null) return null;
  const text = decodeUtf8(bytes, '');
  return text.ok ? text.value : null;
}

/** SHA-256 of a text's UTF-8 bytes, base64url: how a manifest holds an invitation's token. */
export function sha256Base64Url(text: string): string {
  return encodeBase64Url(sha256(new TextEncoder().encode(text)));
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}

export function isBase64UrlOfBytes(text: string, length: number): boolean {
  return decodeStrict(text)?.length === length;
}
