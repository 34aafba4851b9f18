import { drawBareRadar } from './draw-bare-radar.ts';

/** The bench's baseline for the profile route: the same radar drawn with chart.js and nothing else. */
const canvas = document.getElementById('radar');
if (canvas instanceof HTMLCanvasElement) drawBareRadar(canvas, 'domains');
