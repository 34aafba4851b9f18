/**
 * A radar's printed width, print.css's `.radar-canvas` (62 mm), and the size it is drawn at for
 * print, in CSS pixels (96 to the inch). Chromium lays a page out for paper only after
 * 'beforeprint', so a chart cannot measure its printed box then: RadarChart draws itself at
 * this size instead. A third larger than the box, then shrunk into it: drawn at the box's own
 * size, the axis labels and the key took most of it and left a radar 2 cm across.
 */
export const PRINT_CHART_MM = 62;
const DRAWN_LARGER = 1.35;
export const PRINT_CHART_PX = Math.round((PRINT_CHART_MM / 25.4) * 96 * DRAWN_LARGER);
