import { dateFormat } from '../components/date-formats.ts';

/** A report's day (YYYY-MM-DD) for people, as that calendar day wherever the reader is. */
export function formatDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(time) ? day : dateFormat({ dateStyle: 'long', timeZone: 'UTC' }).format(time);
}
