import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only what a line chart draws (STACK-NOTES.md); loaded with the profile route, like the radar.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

/** The whole-framework percent of every self-assessment, oldest first (issue 12), on 0-100. */
export function drawHistory(canvas: HTMLCanvasElement, labels: readonly string[], percents: readonly (number | null)[]): Chart<'line'> {
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: [...labels],
      datasets: [{ label: 'Whole framework, self', data: [...percents], borderColor: '#1d4ed8', backgroundColor: '#1d4ed8', borderWidth: 2.5, pointRadius: 4, pointStyle: 'circle', spanGaps: true }],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: 2,
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2),
      scales: {
        y: { min: 0, max: 100, ticks: { stepSize: 25, color: '#374151', callback: (value) => `${value}%` }, grid: { color: '#d1d5db' } },
        x: { ticks: { color: '#374151', maxRotation: 0, autoSkip: true }, grid: { display: false } },
      },
      plugins: {
        // One line, named by the heading above the chart: no legend (the radar registers Legend for all charts).
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => (item.raw === null ? 'no ratings' : `${String(item.formattedValue)}%`) } },
      },
    },
  });
}
