/**
 * Making an Intl.DateTimeFormat costs milliseconds (the first one of a page loads the locale's
 * data, 15-25 ms here): each style is made once per page, not once per date shown. The entry
 * (main.tsx) makes the profile's first one while the page's files download, so that the
 * profile's first render only uses it.
 */
export type DateStyle = {
  dateStyle: 'full' | 'long' | 'medium';
  timeStyle?: 'medium' | 'short';
  /** 'UTC' for a calendar day (YYYY-MM-DD) shown as the day it names wherever the reader is. */
  timeZone?: 'UTC';
};

/** A submitted_at to the minute: the profile's header and "What next" show it. */
export const DATE_AND_TIME: DateStyle = { dateStyle: 'long', timeStyle: 'short' };

const formats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(style: DateStyle): Intl.DateTimeFormat {
  const key = `${style.dateStyle}|${style.timeStyle ?? ''}|${style.timeZone ?? ''}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(undefined, style);
    formats.set(key, format);
  }
  return format;
}
