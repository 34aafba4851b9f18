import { deflateSync, Inflate, strToU8 } from 'fflate';
import { decodeUtf8 } from '../input/decode-text.ts';
import { readJson } from '../input/read-json.ts';
import type { Issue } from '../model/result.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { crc32 } from './crc32.ts';

/**
 * JSON, deflated, with a CRC-32 of the JSON in front, as base64url behind a short prefix that
 * names the kind and version. Used by invitation links and response codes.
 */
export function packPayload(prefix: string, value: unknown): string {
  const json = strToU8(JSON.stringify(value));
  const body = deflateSync(json, { level: 9 });
  const packed = new Uint8Array(4 + body.length);
  new DataView(packed.buffer).setUint32(0, crc32(json));
  packed.set(body, 4);
  return `${prefix}${encodeBase64Url(packed)}`;
}

export type Unpacked =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'prefix' | 'characters' | 'damaged' | 'checksum' | 'too-large' }
  | { ok: false; reason: 'json'; issues: Issue[] };

/**
 * Reverses packPayload; says why it cannot, never throws. The JSON inside is read by the one
 * JSON reader, so a crafted payload that passes the checksum still cannot nest deep or repeat
 * a key.
 */
export function unpackPayload(prefix: string, text: string, maxBytes: number, where: string): Unpacked {
  const trimmed = text.trim();
  if (!trimmed.startsWith(prefix)) return { ok: false, reason: 'prefix' };
  const bytes = decodeBase64Url(trimmed.slice(prefix.length));
  if (bytes === null || bytes.length < 5) return { ok: false, reason: 'characters' };
  const inflated = inflateAtMost(bytes.subarray(4), maxBytes);
  if (inflated === 'damaged' || inflated === 'too-large') return { ok: false, reason: inflated };
  const json = inflated;
  if (crc32(json) !== new DataView(bytes.buffer, bytes.byteOffset).getUint32(0)) return { ok: false, reason: 'checksum' };
  const decoded = decodeUtf8(json, where);
  const read = decoded.ok ? readJson(decoded.value, { file: where }) : decoded;
  return read.ok ? { ok: true, value: read.value } : { ok: false, reason: 'json', issues: read.issues };
}

/** Inflates chunk by chunk and stops past maxBytes, so a crafted link cannot exhaust memory. */
function inflateAtMost(body: Uint8Array, maxBytes: number): Uint8Array | 'damaged' | 'too-large' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) tooLarge = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < body.length && !tooLarge; i += 1024) inflate.push(body.subarray(i, i + 1024), i + 1024 >= body.length);
  } catch {
    return 'damaged';
  }
  if (tooLarge) return 'too-large';
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
