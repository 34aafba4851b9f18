/** A day (YYYY-MM-DD) as the reader's locale writes it, read as the calendar day it names. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
