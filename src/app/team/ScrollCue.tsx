import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

type Edges = { left: boolean; right: boolean };

/**
 * A table wider than the screen, scrolled sideways inside its own box (the first column stays,
 * by CSS), with a cue that says so while there is more to see: a line of text above, and a
 * shadow on the side that has more. The box takes keyboard focus, so arrow keys scroll it.
 */
export function ScrollCue({ label, columns, children }: { label: string; columns: number; children: ReactNode }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ left: false, right: false });

  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const measure = () => {
      // One pixel of slack: zoom levels give fractional widths.
      const left = element.scrollLeft > 1;
      const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
      setEdges((before) => (before.left === left && before.right === right ? before : { left, right }));
    };
    element.addEventListener('scroll', measure, { passive: true });
    // No measuring here: reading the widths in an effect forces a layout of the whole table (200
    // learners) in the middle of the script. A ResizeObserver reports each box once when it starts
    // observing, after the browser's own layout, so the first measure costs no extra layout.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table !== null) observer.observe(table);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, []);

  const overflowing = edges.left || edges.right;
  const cue = !overflowing ? '' : edges.right && edges.left ? `Scroll sideways for the other columns (${columns} in all) ← →` : edges.right ? `Scroll right for the other columns (${columns} in all) →` : `← Scroll left for the first columns (${columns} in all)`;

  return (
    <div className={`scroll-cue-wrap${edges.left ? ' more-left' : ''}${edges.right ? ' more-right' : ''}`}>
      <p id={`${id}-cue`} className="scroll-cue" hidden={!overflowing}>{cue}</p>
      <div className="scroll-frame">
        <div ref={box} className="table-scroll scroll-x" role="region" aria-label={label} aria-describedby={overflowing ? `${id}-cue` : undefined} tabIndex={0}>
          {children}
        </div>
      </div>
    </div>
  );
}
