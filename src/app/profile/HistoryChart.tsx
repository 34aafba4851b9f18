import { useEffect, useRef } from 'react';
import { drawHistory } from './history-chart.ts';

type Props = { labels: string[]; percents: (number | null)[]; label: string; describedBy: string };

/** A canvas named and described for assistive technology; the table beside it has the figures. */
export function HistoryChart({ labels, percents, label, describedBy }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return undefined;
    const chart = drawHistory(canvas.current, labels, percents);
    return () => chart.destroy();
  }, [labels, percents]);
  return (
    <div className="history-canvas">
      <canvas ref={canvas} role="img" aria-label={label} aria-describedby={describedBy} />
    </div>
  );
}
