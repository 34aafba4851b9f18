import { Chart, Filler, Legend, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';

/**
 * The radar of the bare baselines: the profile's domain axes and figures (given at build time),
 * the same chart.js parts registered as the app, and the same options that cost time (no
 * animation, twice the screen's pixels).
 */
declare const BARE_RADAR: { labels: string[][]; data: (number | null)[] };

Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

export function drawBareRadar(canvas: HTMLCanvasElement): Chart<'radar'> {
  return new Chart(canvas, {
    type: 'radar',
    data: {
      labels: BARE_RADAR.labels,
      datasets: [{ label: 'Self', data: BARE_RADAR.data, borderColor: '#1d4ed8', backgroundColor: 'rgba(29, 78, 216, 0.15)', borderWidth: 2.5, fill: true, pointRadius: 4, spanGaps: true }],
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
