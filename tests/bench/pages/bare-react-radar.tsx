import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { drawBareRadar } from './draw-bare-radar.ts';

/**
 * The second baseline for the profile route, the one the issue quotes (React with a chart.js
 * radar): the same radar as bare-radar.ts, drawn from a React component's effect.
 */
function Radar() {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return;
    const chart = drawBareRadar(canvas.current);
    return () => chart.destroy();
  }, []);
  return <div style={{ maxWidth: 480 }}><canvas ref={canvas} /></div>;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Radar />);
