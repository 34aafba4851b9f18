import { dateFormat } from '../components/date-formats.ts';

/** A day (YYYY-MM-DD) as the reader's locale writes it, read as the calendar day it names. */
export function formatDay(day: string): string {
  return dateFormat({ dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
