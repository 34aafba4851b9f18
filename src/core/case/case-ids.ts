import { isKebabId, slug, statementId } from '../model/ids.ts';

/** Ids made from a package's codes and titles stay this short, well under MAX_ID_CHARS. */
const MAX_DERIVED_ID = 64;

/**
 * Readable, unique kebab ids for what a package names (DESIGN.md: never a hash of the text).
 * Each entry offers a code (humanCodingScheme: `RL.5.1` gives `rl-5-1`); without a usable one,
 * or when another entry took it first, the id comes from the place: the prefix (its level or
 * domain) and its number there, `emerging-03`.
 */
export class IdMaker {
  private readonly taken = new Set<string>();
  private readonly counts = new Map<string, number>();

  /** The id for the next entry under `prefix`; `code` is tried first. */
  next(code: string, prefix: string): string {
    const place = (this.counts.get(prefix) ?? 0) + 1;
    this.counts.set(prefix, place);
    const fromCode = slug(code, MAX_DERIVED_ID, '');
    if (fromCode !== '' && isKebabId(fromCode) && !this.taken.has(fromCode)) return this.take(fromCode);
    return this.unique(statementId(prefix, place));
  }

  /** `base` if free, else `base-2`, `base-3`, ... */
  unique(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(id); n += 1) id = `${base}-${n}`;
    return this.take(id);
  }

  private take(id: string): string {
    this.taken.add(id);
    return id;
  }
}

/** A kebab id from a title, for domains without a code: `Key Ideas and Details` -> `key-ideas-and-details`. */
export function idFromTitle(title: string, fallback: string): string {
  return slug(title, 40, fallback);
}
