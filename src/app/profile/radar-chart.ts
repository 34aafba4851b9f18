import { Chart, Filler, Legend, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';
import type { SeriesStyle } from './series-styles.ts';
import { wrapLabel } from './wrap-label.ts';

// Only what a radar draws (STACK-NOTES.md): the rest of chart.js stays out of the bundle.
Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

/**
 * One dataset: a shown group's percents, or an overlay (the earlier self-assessment, the team's
 * average), which is drawn as a line without fill so that it never hides the learner's own shape.
 */
export type RadarSeries = { key: string; label: string; style: SeriesStyle; percents: (number | null)[]; overlay?: boolean };

/**
 * Draws percents (already computed by src/core) on a 0-100 radial scale, one dataset per series.
 * Not animated, so that print and tests see the chart drawn at once.
 */
export function drawRadar(canvas: HTMLCanvasElement, labels: readonly string[], series: readonly RadarSeries[], compact: boolean): Chart<'radar'> {
  return new Chart(canvas, {
    type: 'radar',
    data: {
      // Short lines: the chart also has to fit half of a printed page.
      labels: labels.map((label) => wrapLabel(label, 12)),
      datasets: series.map(({ label, style, percents, overlay }) => ({
        label,
        data: percents,
        borderColor: style.colour,
        backgroundColor: overlay ? 'rgba(0, 0, 0, 0)' : style.fill,
        borderDash: style.dash,
        borderWidth: overlay ? 2 : 2.5,
        fill: !overlay,
        pointStyle: style.point,
        pointRadius: 4,
        // An overlay's markers are hollow: a second cue besides its dash and colour.
        pointBackgroundColor: overlay ? '#ffffff' : style.colour,
        pointBorderColor: style.colour,
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: 1,
      // Crisp when printed: the canvas is drawn at twice the screen's pixels at least.
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 25, color: '#374151', backdropColor: 'rgba(255, 255, 255, 0.85)', callback: (value) => `${value}%`, font: { size: compact ? 9 : 11 } },
          grid: { color: '#9ca3af' },
          angleLines: { color: '#9ca3af' },
          pointLabels: { color: '#1b1f24', font: { size: compact ? 10 : 11 } },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 10, boxHeight: 10, padding: 16, color: '#1b1f24', font: { size: 13 } } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${item.raw === null ? 'no ratings' : `${String(item.formattedValue)}%`}` } },
      },
    },
  });
}
