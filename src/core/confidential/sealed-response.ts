import { Encrypter } from 'age-encryption';
import { decodeUtf8 } from '../input/decode-text.ts';
import { readJson } from '../input/read-json.ts';
import type { Framework } from '../model/framework.ts';
import { fail, type Result } from '../model/result.ts';
import { decodeBase64Url, encodeBase64Url } from '../io/base64url.ts';
import { AGE_ARMOR_BEGIN, decryptAge, dearmor, stanzaKinds, startsWithAgeMagic } from './age-file.ts';
import { isCoachRecipient } from './coach-identity.ts';
import { packSealedCode, unpackSealedCode } from './sealed-code.ts';
import { type CampaignFrameworkLookup, readSealedContent, type SealedResponseContent, writeSealedJson } from './sealed-content.ts';

/**
 * A rater's response sealed to the coach's public key (issue 10), as an age file
 * (age-encryption.org/v1, one X25519 recipient) or as a short code to paste. Only the coach's
 * secret key opens either; the learner who relays them cannot. A sealed file's plaintext is
 * the sealed JSON itself, so `age -d -i coach.key` shows a readable response without Skillscope.
 */
export const SEALED_CODE_PREFIX = 'SKS1.';
/** A sealed response with every comment at its cap is a few hundred kilobytes. */
export const MAX_SEALED_BYTES = 2_000_000;

function encrypterFor(recipient: string): Encrypter {
  // The recipient comes from a manifest that was checked; age-encryption would also take a post-quantum one, which Go's age 1.1 cannot open.
  if (!isCoachRecipient(recipient)) throw new Error('Sealing needs a coach public key (age1…) that isCoachRecipient accepts.');
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return encrypter;
}

/** The sealed file (binary age): what the rater downloads and sends to the coach. */
export async function sealResponse(content: SealedResponseContent, recipient: string): Promise<Uint8Array> {
  return encrypterFor(recipient).encrypt(writeSealedJson(content));
}

/** The sealed code: `SKS1.` and the base64url of an age file holding the compact form. */
export async function sealedCode(content: SealedResponseContent, framework: Framework, recipient: string): Promise<string> {
  const sealed = await encrypterFor(recipient).encrypt(packSealedCode(content, framework));
  return `${SEALED_CODE_PREFIX}${encodeBase64Url(sealed)}`;
}

/**
 * Opens a sealed file (binary or armored age) or a sealed code, told by content, and checks what
 * is inside. Every failure is one issue saying what to do; nothing here throws.
 */
export async function openSealed(
  input: Uint8Array | string,
  identity: string,
  lookup: CampaignFrameworkLookup,
  file: string,
): Promise<Result<SealedResponseContent>> {
  const refuse = (code: string, message: string): Result<SealedResponseContent> => fail([{ code, file, path: '', message }]);
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (bytes.length === 0) return refuse('sealed.empty', 'The file is empty (0 bytes): ask the rater to send their sealed response again.');
  if (bytes.length > MAX_SEALED_BYTES) {
    return refuse('sealed.too-large', `The file has ${bytes.length.toLocaleString('en')} bytes; a sealed response has at most ${MAX_SEALED_BYTES.toLocaleString('en')}. It is not a sealed response.`);
  }

  const found = ageBytesOf(bytes);
  if (found.kind === 'none') return refuse('sealed.not-sealed', found.message);
  const asCode = found.kind === 'code';
  const damaged = asCode
    ? 'The code is damaged or incomplete (changed or cut short since it was sealed): ask the rater to copy the whole code again.'
    : 'The file is damaged or incomplete (changed or cut short since it was sealed): ask the rater to send it again.';
  if (found.bytes === 'damaged') return refuse('sealed.damaged', damaged);
  if (stanzaKinds(found.bytes).includes('scrypt')) {
    return refuse('sealed.passphrase-file', 'This age file is protected by a passphrase, not sealed to a coach\'s key: it is not a sealed response (it may be a coach key backup).');
  }

  const opened = await decryptAge(found.bytes, { identity });
  if (!opened.ok) {
    if (opened.reason === 'bad-key') return refuse('coach.bad-identity', 'The coach key given is not a valid age secret key: open the coach key file again.');
    if (opened.reason === 'damaged') return refuse('sealed.damaged', damaged);
    return refuse(
      'sealed.not-for-this-coach',
      `This response was sealed to another key than this coach's, or the start of the ${asCode ? 'code' : 'file'} was damaged on the way. Check that the rater answered an invitation of this campaign (their page named this coach), or ask them to send it again.`,
    );
  }
  if (asCode) return unpackSealedCode(opened.plaintext, file, lookup);
  // Decryption authenticates the bytes, not who wrote them: the JSON gets the usual reader.
  const text = decodeUtf8(opened.plaintext, file);
  const json = text.ok ? readJson(text.value, { file }) : text;
  return json.ok ? readSealedContent(json.value, file, lookup) : json;
}

type Found = { kind: 'file' | 'code'; bytes: Uint8Array | 'damaged' } | { kind: 'none'; message: string };

/** The age bytes in what was handed in: a binary age file, an armored one, or a sealed code. */
function ageBytesOf(bytes: Uint8Array): Found {
  if (startsWithAgeMagic(bytes)) return { kind: 'file', bytes };
  const decoded = decodeUtf8(bytes, '');
  const text = decoded.ok ? decoded.value.trim() : '';
  if (text.startsWith(AGE_ARMOR_BEGIN)) return { kind: 'file', bytes: dearmor(text) };
  // Chat apps wrap long codes and add spaces; no code character is white space.
  const code = text.replace(/\s+/g, '');
  if (code.startsWith(SEALED_CODE_PREFIX)) return { kind: 'code', bytes: decodeBase64Url(code.slice(SEALED_CODE_PREFIX.length)) ?? 'damaged' };
  const open = code.startsWith('SKR1.') || code.startsWith('{');
  return {
    kind: 'none',
    message: open
      ? 'This is an open response (a response file or code anyone can read), not a sealed one: in a confidential 360 the rater answers through the link the coach sent, which seals the response.'
      : `This is neither a sealed response file (an age file, which starts with "age-encryption.org/v1") nor a sealed code (${SEALED_CODE_PREFIX}…): check that it is what the rater sent, unchanged.`,
  };
}

export type { CampaignFrameworkLookup, SealedResponseContent } from './sealed-content.ts';
