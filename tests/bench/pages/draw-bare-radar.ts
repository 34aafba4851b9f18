import { Chart, Filler, Legend, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';

/**
 * The radars of the bare baselines: the profile's level and domain axes and figures (given at
 * build time), the same chart.js parts registered as the app, and the same options that cost
 * time (no animation, twice the screen's pixels).
 */
type RadarData = { labels: string[][]; data: (number | null)[] };
declare const BARE_RADARS: { levels: RadarData; domains: RadarData };
export type RadarKind = keyof typeof BARE_RADARS;

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

export function drawBareRadar(canvas: HTMLCanvasElement, kind: RadarKind): Chart<'radar'> {
  const radar = BARE_RADARS[kind];
  return new Chart(canvas, {
    type: 'radar',
    data: {
      labels: radar.labels,
      datasets: [{ label: 'Self', data: radar.data, borderColor: '#1d4ed8', backgroundColor: 'rgba(29, 78, 216, 0.15)', borderWidth: 2.5, fill: true, pointRadius: 4, spanGaps: true }],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: 1,
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, callback: (value) => `${value}%` } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}
