import { sha1 } from '@noble/hashes/legacy.js';

/**
 * Name-based UUIDs (RFC 9562 §5.5, version 5: SHA-1). The same namespace and name always give the
 * same UUID, so a framework exported twice gets the same CASE identifiers byte for byte, and an
 * identifier never changes once published (CASE 1.1 Implementation Guide). Version 5 passes the
 * CASE identifier pattern, which allows versions 1 to 5 in lower case only.
 */
export function uuidV5(namespace: string, name: string): string {
  const space = uuidBytes(namespace);
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(space.length + text.length);
  input.set(space, 0);
  input.set(text, space.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** RFC 9562's namespace for URLs, from which Skillscope's own namespace is derived. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(uuid: string): Uint8Array {
  if (!UUID.test(uuid)) throw new Error(`Not a UUID: ${uuid}`);
  const hex = uuid.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, index) => Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16));
}

/** The CASE identifier pattern ([IM11] §7.2.3): lower case, versions 1 to 5, RFC variant. */
export const CASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
