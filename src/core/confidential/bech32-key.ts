/**
 * Whether a text is a 32-byte age key in bech32 (BIP 173), checksum included: age's X25519
 * secret keys (`AGE-SECRET-KEY-1…`) and public keys (`age1…`). Checked here, synchronously and
 * before any key is used, so that a mistyped key is refused where it is read (a key file, a
 * manifest) rather than showing up later as "not for this coach" on every sealed response.
 */
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
/** 32 bytes are 52 five-bit characters (4 bits of padding), then 6 of checksum. */
const KEY_CHARS = 52 + 6;

export function isBech32Key(text: string, hrp: string): boolean {
  // age writes secret keys in capitals and public keys in small letters, never mixed (BIP 173).
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return false;
  const lower = text.toLowerCase();
  const prefix = `${hrp.toLowerCase()}1`;
  if (!lower.startsWith(prefix) || lower.length !== prefix.length + KEY_CHARS) return false;
  const data: number[] = [];
  for (const char of lower.slice(prefix.length)) {
    const value = CHARSET.indexOf(char);
    if (value === -1) return false;
    data.push(value);
  }
  // The padding bits after the 256 key bits must be zero, as age's decoder requires.
  if (((data[51] ?? 0) & 0b1111) !== 0) return false;
  return polymod([...expandHrp(hrp.toLowerCase()), ...data]) === 1;
}

function expandHrp(hrp: string): number[] {
  const codes = [...hrp].map((char) => char.charCodeAt(0));
  return [...codes.map((code) => code >> 5), 0, ...codes.map((code) => code & 31)];
}

function polymod(values: readonly number[]): number {
  let check = 1;
  for (const value of values) {
    const top = check >>> 25;
    check = (((check & 0x1ffffff) << 5) ^ value) >>> 0;
    GENERATOR.forEach((generator, bit) => {
      if ((top >>> bit) & 1) check = (check ^ generator) >>> 0;
    });
  }
  return check;
}
