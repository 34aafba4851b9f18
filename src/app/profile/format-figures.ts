import { roundFigure, roundPercent } from '../../core/score/rounding.ts';
import { instantMillis } from '../../core/model/instant.ts';
import { DATE_AND_TIME, dateFormat } from '../components/date-formats.ts';

/** Display text of a mean, sd or gap: rounded by core (DESIGN.md, 2 decimals), then printed. */
export function formatFigure(value: number | null): string {
  const rounded = roundFigure(value);
  return rounded === null ? '—' : rounded.toFixed(2);
}

/** Percent to 1 decimal, as in summary.csv. */
export function formatPercent(value: number | null): string {
  const rounded = roundPercent(value);
  return rounded === null ? '—' : `${rounded.toFixed(1)}%`;
}

/** A gap with its sign, so "+1.00" reads as "self above others". */
export function formatGap(value: number | null): string {
  const text = formatFigure(value);
  return value !== null && roundFigure(value) !== 0 && value > 0 ? `+${text}` : text;
}

/** A submitted_at for people; with seconds where two of one day must be told apart. */
export function formatDate(iso: string, precision: 'minutes' | 'seconds' = 'minutes'): string {
  const time = instantMillis(iso);
  if (time === undefined) return iso;
  return dateFormat(precision === 'seconds' ? { dateStyle: 'long', timeStyle: 'medium' } : DATE_AND_TIME).format(time);
}

/**
 * A change in percentage points (issue 12) to 1 decimal, as in change.csv, with its sign:
 * "+8.3", "−4.2", "0.0". The minus is U+2212 so that it reads as one to a screen reader too.
 */
export function formatPoints(value: number | null): string {
  const rounded = roundPercent(value);
  if (rounded === null) return '—';
  if (rounded === 0) return '0.0';
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`;
}

/** A submitted_at as a short day ("12 Mar 2026"), for a chart's axis: the table beside it has the time. */
export function formatShortDate(iso: string): string {
  const time = instantMillis(iso);
  return time === undefined ? iso : dateFormat({ dateStyle: 'medium' }).format(time);
}
