import { type ReactNode, useEffect, useRef, useState } from 'react';

type Props = { labelledBy: string; children: ReactNode; className?: string };

/**
 * A table that may be wider than a phone (issue 14): when it overflows, a visible line says it
 * scrolls sideways, a shadow marks the edge that hides more, and the first column stays put
 * (profile.css, `.sticky-col`). The region is focusable, so the arrow keys scroll it too.
 */
export function TableScroll({ labelledBy, children, className }: Props) {
  const region = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState({ wider: false, moreRight: false });
  useEffect(() => {
    const element = region.current;
    if (element === null) return undefined;
    const measure = () => {
      const wider = element.scrollWidth > element.clientWidth + 1;
      const moreRight = wider && element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
      setOverflow((before) => (before.wider === wider && before.moreRight === moreRight ? before : { wider, moreRight }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild !== null) observer.observe(element.firstElementChild);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, []);
  const classes = ['table-scroll', overflow.wider ? 'is-wider' : '', overflow.moreRight ? 'more-right' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className="table-frame">
      {overflow.wider && <p className="scroll-cue no-print">Scroll sideways to see every column <span aria-hidden="true">→</span></p>}
      <div ref={region} className={classes} role="region" aria-labelledby={labelledBy} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
