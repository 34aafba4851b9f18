import { excerpt } from '../model/echo.ts';
import { instantMillis } from '../model/instant.ts';
import { isRecord, own, pathKey } from '../model/json-value.ts';
import { MAX_ID_CHARS, MAX_NAME_CHARS } from '../model/limits.ts';
import type { Issue } from '../model/result.ts';
import { isCoachRecipient } from './coach-identity.ts';
import { isBase64UrlOfBytes } from './coach-signing-key.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Reads the fields of a signed payload, recording every problem with its path and carrying on.
 * Nothing travels in a signed file unchecked, so a key the format does not have is refused,
 * not skipped: a report must hold only what the learner may see.
 */
export class SignedFieldReader {
  readonly issues: Issue[] = [];
  constructor(private readonly file: string, private readonly prefix: string, private readonly noun: string) {}

  problem(code: string, path: string, message: string): void {
    this.issues.push({ code: `${this.prefix}.${code}`, file: this.file, path, message });
  }

  /** Issues from a shared check (thresholds), kept with their own codes, placed in this file. */
  adopt(issues: readonly Issue[]): void {
    this.issues.push(...issues.map((issue) => ({ ...issue, file: this.file })));
  }

  /** The top object: its format tag (nothing else is read when it is wrong) and version. */
  root(value: unknown, format: string, version: number, keys: readonly string[]): Record<string, unknown> | undefined {
    if (!isRecord(value) || own(value, 'format') !== format) {
      this.problem('unknown-format', 'format', `The signed content is not ${this.noun}: its format must be "${format}".`);
      return undefined;
    }
    if (own(value, 'version') !== version) {
      this.problem('unsupported-version', 'version', `This Skillscope reads version ${version} of ${this.noun}; update Skillscope to read this one.`);
      return undefined;
    }
    return this.object(value, '', keys);
  }

  object(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> | undefined {
    if (value === undefined) {
      this.problem('missing-field', path, `${path} is missing.`);
      return undefined;
    }
    if (!isRecord(value)) {
      this.problem('bad-type', path, `${path === '' ? 'The signed content' : path} must be an object.`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.problem('unknown-field', pathKey(path, key), `${excerpt(key, 40)} is not a field of ${this.noun}; a signed file carries only its own fields.`);
    }
    return value;
  }

  private present(record: Record<string, unknown>, key: string, path: string): { value: unknown; at: string } | undefined {
    const at = pathKey(path, key);
    const value = own(record, key);
    if (value === undefined) this.problem('missing-field', at, `${at} is missing.`);
    return value === undefined ? undefined : { value, at };
  }

  text(record: Record<string, unknown>, key: string, path: string, max: number, blankAllowed = false): string {
    const field = this.present(record, key, path);
    if (field === undefined) return '';
    const { value, at } = field;
    if (typeof value !== 'string') {
      this.problem('bad-type', at, `${at} must be text.`);
      return '';
    }
    if (value.length > max) {
      this.problem('too-long', at, `${at} has ${value.length.toLocaleString('en')} characters, starting ${excerpt(value, 20)}; at most ${max.toLocaleString('en')} are allowed.`);
      return '';
    }
    if (!blankAllowed && value.trim() === '') this.problem('blank', at, `${at} is blank.`);
    return value;
  }

  /** Ids: not blank, within MAX_ID_CHARS, no control characters (they end up in files and links). */
  id(record: Record<string, unknown>, key: string, path: string): string {
    const value = this.text(record, key, path, MAX_ID_CHARS);
    if (CONTROL.test(value)) this.problem('bad-id', pathKey(path, key), `${pathKey(path, key)} ${excerpt(value)} holds a control character or line break.`);
    return value;
  }

  name(record: Record<string, unknown>, key: string, path: string): string {
    return this.text(record, key, path, MAX_NAME_CHARS);
  }

  /** A calendar day, YYYY-MM-DD: signed files never hold a time finer than the day. */
  day(record: Record<string, unknown>, key: string, path: string): string {
    const field = this.present(record, key, path);
    if (field === undefined) return '';
    const { value, at } = field;
    if (typeof value === 'string' && DAY.test(value) && instantMillis(`${value}T00:00Z`) !== undefined) return value;
    this.problem('bad-date', at, `${at} must be a day written YYYY-MM-DD, such as 2026-05-01, not ${showShort(value)}.`);
    return '';
  }

  integer(record: Record<string, unknown>, key: string, path: string, min: number, max: number): number {
    const field = this.present(record, key, path);
    if (field === undefined) return min;
    if (typeof field.value !== 'number' || !Number.isInteger(field.value) || field.value < min || field.value > max) {
      this.problem('out-of-range', field.at, `${field.at} must be a whole number from ${min} to ${max.toLocaleString('en')}, not ${showShort(field.value)}.`);
      return min;
    }
    return field.value;
  }

  /** A figure that may be null (no rating to compute it from). */
  figure(record: Record<string, unknown>, key: string, path: string, min: number, max: number): number | null {
    const field = this.present(record, key, path);
    if (field === undefined || field.value === null) return null;
    if (typeof field.value !== 'number' || field.value < min || field.value > max) {
      this.problem('out-of-range', field.at, `${field.at} must be null or a number from ${min} to ${max}, not ${showShort(field.value)}.`);
      return null;
    }
    return field.value;
  }

  choice<T extends string>(record: Record<string, unknown>, key: string, path: string, values: readonly T[]): T | undefined {
    const field = this.present(record, key, path);
    if (field === undefined) return undefined;
    if ((values as readonly unknown[]).includes(field.value)) return field.value as T;
    this.problem('bad-value', field.at, `${field.at} must be one of ${values.join(', ')}, not ${showShort(field.value)}.`);
    return undefined;
  }

  list(record: Record<string, unknown>, key: string, path: string, max: number): unknown[] {
    const field = this.present(record, key, path);
    if (field === undefined) return [];
    if (!Array.isArray(field.value)) {
      this.problem('bad-type', field.at, `${field.at} must be a list.`);
      return [];
    }
    if (field.value.length > max) {
      this.problem('too-many', field.at, `${field.at} has ${field.value.length.toLocaleString('en')} entries; at most ${max.toLocaleString('en')} are allowed.`);
      return [];
    }
    return field.value;
  }

  /** An age X25519 recipient, checksum and all. */
  recipient(record: Record<string, unknown>, key: string, path: string): string {
    const value = this.text(record, key, path, 100);
    if (value !== '' && !isCoachRecipient(value)) {
      this.problem('bad-recipient', pathKey(path, key), `${pathKey(path, key)} ${excerpt(value, 20)} is not an age public key (age1 and 58 more letters and digits).`);
    }
    return value;
  }

  /** A SHA-256 in base64url (43 characters). */
  digest(record: Record<string, unknown>, key: string, path: string): string {
    const value = this.text(record, key, path, 43);
    if (value !== '' && !isBase64UrlOfBytes(value, 32)) {
      this.problem('bad-digest', pathKey(path, key), `${pathKey(path, key)} must be a SHA-256 in base64url (43 characters).`);
    }
    return value;
  }
}

function showShort(value: unknown): string {
  return typeof value === 'string' ? excerpt(value, 20) : (JSON.stringify(value) ?? 'nothing').slice(0, 30);
}
