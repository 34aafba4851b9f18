import type { ScoreGroup } from '../../core/score/score-groups.ts';

export type SeriesStyle = {
  colour: string;
  /** Fill under the line: the same hue, faint, so overlapping areas stay readable. */
  fill: string;
  /** Canvas line dash; groups differ by dash and marker shape too, never by colour alone (WCAG 1.4.1). */
  dash: number[];
  point: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'star' | 'crossRot' | 'rectRounded';
};

/** Every colour has at least 4.5:1 contrast on white (graphics need 3:1, WCAG 1.4.11). */
export const SERIES_STYLES: Readonly<Record<ScoreGroup, SeriesStyle>> = {
  self: { colour: '#1d4ed8', fill: 'rgba(29, 78, 216, 0.12)', dash: [], point: 'circle' },
  manager: { colour: '#b45309', fill: 'rgba(180, 83, 9, 0.08)', dash: [10, 5], point: 'rect' },
  peer: { colour: '#047857', fill: 'rgba(4, 120, 87, 0.08)', dash: [3, 4], point: 'triangle' },
  'direct-report': { colour: '#7e22ce', fill: 'rgba(126, 34, 206, 0.08)', dash: [12, 4, 3, 4], point: 'rectRot' },
  other: { colour: '#be185d', fill: 'rgba(190, 24, 93, 0.08)', dash: [2, 2], point: 'star' },
  others: { colour: '#b91c1c', fill: 'rgba(185, 28, 28, 0.08)', dash: [16, 6], point: 'crossRot' },
};

/** How the dash reads in the table key, for those who cannot tell the colours apart. */
export const DASH_NAMES: Readonly<Record<ScoreGroup, string>> = {
  self: 'solid line, circles',
  manager: 'dashed line, squares',
  peer: 'dotted line, triangles',
  'direct-report': 'dash-dot line, diamonds',
  other: 'fine dotted line, stars',
  others: 'long dashes, crosses',
};

/**
 * Issue 12's overlays on the radars: the earlier self-assessment and the team's average. Drawn
 * without fill and with hollow markers (radar-chart.ts), each with a dash no group uses.
 */
export type OverlayKey = 'earlier-self' | 'team-average';

export const OVERLAY_STYLES: Readonly<Record<OverlayKey, SeriesStyle>> = {
  'earlier-self': { colour: '#4b5563', fill: 'rgba(0, 0, 0, 0)', dash: [2, 3], point: 'circle' },
  'team-average': { colour: '#0e7490', fill: 'rgba(0, 0, 0, 0)', dash: [8, 4], point: 'rectRounded' },
};

export const OVERLAY_DASH_NAMES: Readonly<Record<OverlayKey, string>> = {
  'earlier-self': 'grey dotted line, hollow circles',
  'team-average': 'dashed line, hollow rounded squares',
};
