/**
 * `submitted_at` is an ISO 8601 instant: a date and time with a zone (Z or an offset). This reads
 * every form of one, so that a file from another tool is not refused for a valid date and two
 * spellings of the same instant compare equal: calendar (2024-05-01), ordinal (2024-122) and
 * week (2024-W18-3) dates; extended and basic format; hours, minutes or seconds with a decimal
 * fraction (`.` or `,`); 24:00 for the end of a day; a leap second; `T`, `t` or a space (RFC
 * 3339); years 0000 to 9999. `Date.parse` reads only some of these, and reads years 0-99 as
 * 1900-1999 through `Date.UTC`, so it is not used.
 */
const DATE = /^(\d{4})(?:-(\d{2})-(\d{2})|(\d{2})(\d{2})|-(\d{3})|(\d{3})|-W(\d{2})-([1-7])|W(\d{2})([1-7]))$/;
const TIME_EXTENDED = /^(\d{2})(?::(\d{2})(?::(\d{2}))?)?(?:[.,](\d+))?$/;
const TIME_BASIC = /^(\d{2})(?:(\d{2})(\d{2})?)?(?:[.,](\d+))?$/;
const ZONE = /(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;
const DAY_MS = 86_400_000;

/** Milliseconds since 1970 (negative before), or undefined when the text is not an instant. */
export function instantMillis(text: string): number | undefined {
  return commonInstant(text) ?? anyInstant(text);
}

/**
 * The form nearly every file writes, `2024-05-01T09:30:00Z`, read without a regular expression
 * (a million-response file reads a million of them); undefined for anything else, valid or not,
 * which anyInstant then reads.
 */
function commonInstant(text: string): number | undefined {
  if (text.length !== 20) return undefined;
  const separator = text.charCodeAt(10);
  const zone = text.charCodeAt(19);
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return undefined;
  if (separator !== UPPER_T && separator !== LOWER_T && separator !== SPACE) return undefined;
  if (zone !== UPPER_Z && zone !== LOWER_Z) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  // digits gives -1 for a field that is not all digits.
  if (year < 0 || month < 0 || day < 0 || hours < 0 || minutes < 0 || seconds < 0) return undefined;
  const dayNumber = calendarDay(year, month, day);
  if (dayNumber === undefined || !isTimeOfDay(hours, minutes, seconds, 0)) return undefined;
  return dayNumber * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1_000;
}

const [DASH, COLON, SPACE, UPPER_T, LOWER_T, UPPER_Z, LOWER_Z, ZERO] = ['-', ':', ' ', 'T', 't', 'Z', 'z', '0'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number, number];

/** The decimal number of `length` digits at `from`, or -1 when any is not a digit. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i += 1) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Any form of an instant (see above). */
function anyInstant(text: string): number | undefined {
  const split = /^(.+?)[Tt ](.+)$/.exec(text);
  if (split === null) return undefined;
  const [, datePart = '', rest = ''] = split;
  const zone = ZONE.exec(rest);
  if (zone === null) return undefined;
  const day = dayNumber(datePart);
  const time = timeMillis(rest.slice(0, zone.index), datePart.includes('-'));
  if (day === undefined || time === undefined) return undefined;
  const [, sign, zoneHours = '0', zoneMinutes = '0'] = zone;
  if (Number(zoneHours) > 23 || Number(zoneMinutes) > 59) return undefined;
  const offset = (Number(zoneHours) * 60 + Number(zoneMinutes)) * 60_000 * (sign === '-' ? -1 : 1);
  return day * DAY_MS + time - offset;
}

export function isIsoInstant(text: string): boolean {
  return instantMillis(text) !== undefined;
}

/** Orders two instants; texts that are not instants sort first, by their text. */
export function compareInstants(a: string, b: string): number {
  const x = instantMillis(a);
  const y = instantMillis(b);
  if (x === undefined || y === undefined) return x === y ? a.localeCompare(b) : x === undefined ? -1 : 1;
  return x - y;
}

/** Days since 1970-01-01 of a calendar, ordinal or week date, or undefined if it does not exist. */
function dayNumber(text: string): number | undefined {
  const match = DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = match[2] ?? match[4];
  const dayOfMonth = match[3] ?? match[5];
  const ordinal = match[6] ?? match[7];
  const week = match[8] ?? match[10];
  const weekday = match[9] ?? match[11];
  if (month !== undefined && dayOfMonth !== undefined) {
    return calendarDay(year, Number(month), Number(dayOfMonth));
  }
  if (ordinal !== undefined) {
    const d = Number(ordinal);
    return d >= 1 && d <= (isLeapYear(year) ? 366 : 365) ? daysBefore(year) + d - 1 : undefined;
  }
  const w = Number(week);
  if (w < 1 || w > weeksInYear(year)) return undefined;
  // ISO week 1 holds the year's first Thursday; its Monday is that Thursday minus three days.
  return mondayOfWeekOne(year) + (w - 1) * 7 + Number(weekday) - 1;
}

/** Milliseconds into the day, in the date's format: ISO 8601 does not mix basic and extended. */
function timeMillis(text: string, extended: boolean): number | undefined {
  const match = (extended ? TIME_EXTENDED : TIME_BASIC).exec(text);
  if (match === null) return undefined;
  const [, hh = '', mm, ss, fraction] = match;
  const hours = Number(hh);
  const minutes = mm === undefined ? 0 : Number(mm);
  const seconds = ss === undefined ? 0 : Number(ss);
  const part = fraction === undefined ? 0 : Number(`0.${fraction}`);
  if (!isTimeOfDay(hours, minutes, seconds, part)) return undefined;
  const unit = ss !== undefined ? 1_000 : mm !== undefined ? 60_000 : 3_600_000;
  return ((hours * 60 + minutes) * 60 + seconds) * 1_000 + Math.floor(part * unit);
}

/** Days since 1970-01-01 of a calendar date, or undefined if it does not exist. */
function calendarDay(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysBefore(year) + DAYS_BEFORE_MONTH[month - 1]! + (month > 2 && isLeapYear(year) ? 1 : 0) + day - 1;
}

/** A leap second (:60) and the day's end (24:00) are valid; nothing else past the usual range. */
function isTimeOfDay(hours: number, minutes: number, seconds: number, fraction: number): boolean {
  if (minutes > 59 || seconds > 60 || hours > 24) return false;
  return hours !== 24 || (minutes === 0 && seconds === 0 && fraction === 0);
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to January 1 of `year`, in the proleptic Gregorian calendar. */
function daysBefore(year: number): number {
  const y = year - 1;
  const fromYearOne = y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  return fromYearOne - 719_162; // days from 0001-01-01 to 1970-01-01
}

function mondayOfWeekOne(year: number): number {
  const januaryFourth = daysBefore(year) + 3;
  // 1970-01-01 was a Thursday: weekday 0 = Monday.
  const weekday = (((januaryFourth + 3) % 7) + 7) % 7;
  return januaryFourth - weekday;
}

function weeksInYear(year: number): number {
  return (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / 7;
}
