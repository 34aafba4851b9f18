import type { Framework } from '../model/framework.ts';

/**
 * The `lastChangeDateTime` of every object in an export. It is derived from the framework, never
 * from the clock, so exporting twice gives the same bytes: the date the framework's version names
 * (`2026-03-24`, `October 2022` as its first day, `2022` as 1 January), else 2000-01-01, a fixed
 * stand-in meaning "not dated". Always UTC with `Z`, as CASE's `format: date-time` requires.
 */
export const UNDATED = '2000-01-01T00:00:00Z';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function exportDateTime(framework: Framework): string {
  const version = framework.version.toLowerCase();
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(version);
  if (iso !== null && isRealDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return `${iso[1]}-${iso[2]}-${iso[3]}T00:00:00Z`;
  const monthYear = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{4})\\b`).exec(version);
  if (monthYear !== null) {
    const month = MONTHS.indexOf(monthYear[1] ?? '') + 1;
    return `${monthYear[2]}-${String(month).padStart(2, '0')}-01T00:00:00Z`;
  }
  const year = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(version);
  if (year !== null) return `${year[1]}-01-01T00:00:00Z`;
  return UNDATED;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
