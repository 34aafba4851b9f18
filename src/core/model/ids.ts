/** Statement, domain and framework ids: lower-case kebab (DESIGN.md). */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isKebabId(value: string): boolean {
  return KEBAB.test(value);
}

/** `communication`, 3 -> `communication-03`. */
export function statementId(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(2, '0')}`;
}

/** A readable kebab id from a title: `Critical Thinking` -> `critical-thinking`. */
export function kebab(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The one slug: a kebab id cut to `max` characters, for file names and subject ids. */
export function slug(text: string, max: number, fallback: string): string {
  return kebab(text).slice(0, max).replace(/-+$/, '') || fallback;
}

/** DESIGN.md: a 004-format file outside the built-in set is `onet-` + SOC code, dot as dash. */
export function onetFrameworkId(soc: string): string {
  return `onet-${soc.trim().replace(/\./g, '-').toLowerCase()}`;
}
