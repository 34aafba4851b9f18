import type { Framework } from '../model/framework.ts';
import { fail, ok, type Result } from '../model/result.ts';
import { decodeBase64Url, encodeBase64Url } from '../io/base64url.ts';
import { packPayload, unpackPayload } from '../io/packed-payload.ts';
import { decodeRatings, encodeRatings, statementsFingerprint } from '../io/rating-string.ts';
import { type CampaignFrameworkLookup, readSealedContent, SEALED_FORMAT, SEALED_VERSION, type SealedResponseContent } from './sealed-content.ts';

/**
 * The plaintext inside a sealed code: the sealed response in a compact form, so that the code
 * stays short enough for a chat message. Ratings travel as one character per statement in the
 * framework's order (0 unanswered, 1-4, n for Not observed), as in an open response code
 * (io/response-code.ts), with a fingerprint of the statement ids so that a framework that
 * differs from the rater's is refused, not misread.
 *
 * The bytes are packed-payload's (a CRC-32, then the deflated JSON) so that its bounded inflate
 * and JSON reading are reused: anyone can seal to a coach's public key, so a deflate bomb must
 * stop at a cap. The CRC is redundant inside age, which authenticates every byte; it costs 4.
 */
const MAX_JSON_BYTES = 1_000_000;

export function packSealedCode(content: SealedResponseContent, framework: Framework): Uint8Array {
  const inFramework = new Set(framework.statements.map((s) => s.id));
  const stray = [...content.answers.keys()].filter((id) => !inFramework.has(id));
  if (stray.length > 0) throw new Error(`packSealedCode: ${stray.length} answers are to statements that are not in framework ${framework.id}.`);
  const compact = [content.campaignId, content.token, content.submittedOn, statementsFingerprint(framework), encodeRatings(content.answers, framework), Object.fromEntries(content.comments)];
  // An empty prefix: the age file around it already says what it is.
  const packed = decodeBase64Url(packPayload('', compact));
  if (packed === null) throw new Error('packPayload wrote text that is not base64url.');
  return packed;
}

/** Reads a sealed code's plaintext with the same checks as a sealed file's JSON. */
export function unpackSealedCode(plaintext: Uint8Array, file: string, lookup: CampaignFrameworkLookup): Result<SealedResponseContent> {
  const refuse = (code: string, message: string): Result<SealedResponseContent> => fail([{ code, file, path: '', message }]);
  const unpacked = unpackPayload('', encodeBase64Url(plaintext), MAX_JSON_BYTES, file);
  if (!unpacked.ok) {
    if (unpacked.reason === 'json') return fail(unpacked.issues);
    return refuse('sealed.bad-content', 'The code opened with your key but does not hold a sealed response in the form Skillscope writes: it was not made by a Skillscope invitation page.');
  }
  const value = unpacked.value;
  if (!Array.isArray(value) || value.length !== 6) {
    return refuse('sealed.bad-content', 'The code opened with your key but does not hold a sealed response in the form Skillscope writes: it was not made by a Skillscope invitation page.');
  }
  const [campaignId, token, submittedOn, print, ratings, comments] = value as unknown[];
  const framework = typeof campaignId === 'string' ? lookup(campaignId) : undefined;
  let answers: Record<string, number | string | null> = Object.create(null);
  if (framework !== undefined) {
    if (typeof ratings !== 'string' || print !== statementsFingerprint(framework) || ratings.length !== framework.statements.length) {
      return refuse('sealed.other-version', `The code was made for other statements than those of ${framework.id} here: open the campaign with the framework its manifest names.`);
    }
    answers = decodeRatings(ratings, framework);
  }
  // The same fields as a sealed file, checked by the same reader.
  const fields = { format: SEALED_FORMAT, version: SEALED_VERSION, campaign_id: campaignId, token, submitted_on: submittedOn, answers, comments };
  const read = readSealedContent(fields, file, lookup);
  return read.ok ? ok(read.value) : read;
}
