import { Chart, Filler, Legend, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip } from 'chart.js';
import type { ScoreGroup } from '../../core/score/score-groups.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { SERIES_STYLES } from './series-styles.ts';
import { wrapLabel } from './wrap-label.ts';

// Only what a radar draws (STACK-NOTES.md): the rest of chart.js stays out of the bundle.
Chart.register(RadarController, RadialLinearScale, PointElement, LineElement, Filler, Legend, Tooltip);

export type RadarSeries = { group: ScoreGroup; percents: (number | null)[] };

/**
 * Draws percents (already computed by src/core) on a 0-100 radial scale, one dataset per shown
 * group. Not animated, so that print and tests see the chart drawn at once.
 */
export function drawRadar(canvas: HTMLCanvasElement, labels: readonly string[], series: readonly RadarSeries[], compact: boolean): Chart<'radar'> {
  return new Chart(canvas, {
    type: 'radar',
    data: {
      // Short lines: the chart also has to fit half of a printed page.
      labels: labels.map((label) => wrapLabel(label, 12)),
      datasets: series.map(({ group, percents }) => {
        const style = SERIES_STYLES[group];
        return {
          label: groupLabel(group),
          data: percents,
          borderColor: style.colour,
          backgroundColor: style.fill,
          borderDash: style.dash,
          borderWidth: 2.5,
          fill: true,
          pointStyle: style.point,
          pointRadius: 4,
          pointBackgroundColor: style.colour,
          pointBorderColor: style.colour,
          spanGaps: true,
        };
      }),
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
