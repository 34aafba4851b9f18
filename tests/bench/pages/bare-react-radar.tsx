import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { drawBareRadar, type RadarKind } from './draw-bare-radar.ts';

/**
 * The second baseline for the profile route, the one issue 13 names ("React plus the same two
 * radars"): the profile's two radars, by level and by domain, each drawn from a React component's
 * effect, and nothing else.
 */
function Radar({ kind }: { kind: RadarKind }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current === null) return;
    const chart = drawBareRadar(canvas.current, kind);
    return () => chart.destroy();
  }, [kind]);
  return <div style={{ maxWidth: 480 }}><canvas ref={canvas} /></div>;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<><Radar kind="levels" /><Radar kind="domains" /></>);
