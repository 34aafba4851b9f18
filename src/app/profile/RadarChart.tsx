import { useLayoutEffect, useRef } from 'react';
import { drawRadar, type RadarSeries } from './radar-chart.ts';
import { PRINT_CHART_PX } from './print-chart-size.ts';

type Props = { labels: string[]; series: RadarSeries[]; label: string; describedBy: string };

/** The canvas is an image for assistive technology: its name and description say what it shows. */
export function RadarChart({ labels, series, label, describedBy }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Drawn before the browser paints the page around it: with useEffect the first screen was
  // painted without its charts, which came a task later (issue 13, `npm run bench -- load`).
  useLayoutEffect(() => {
    if (canvas.current === null) return;
    const compact = window.matchMedia('(max-width: 480px)').matches;
    const chart = drawRadar(canvas.current, labels, series, compact);
    // Print resizes the page: redraw at the paper's width (print-chart-size.ts), then the screen's.
    const toPaper = () => chart.resize(PRINT_CHART_PX, PRINT_CHART_PX);
    const resize = () => chart.resize();
    window.addEventListener('beforeprint', toPaper);
    window.addEventListener('afterprint', resize);
    return () => {
      window.removeEventListener('beforeprint', toPaper);
      window.removeEventListener('afterprint', resize);
      chart.destroy();
    };
  }, [labels, series]);
  return (
    <div className="radar-canvas">
      <canvas ref={canvas} role="img" aria-label={label} aria-describedby={describedBy} />
    </div>
  );
}
