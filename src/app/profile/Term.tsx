import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ColumnTerm } from './column-terms.ts';

type Place = { top: number; left: number };

/**
 * A column name that explains itself: a button named by the term, whose meaning is its
 * description (read by screen readers on focus) and a tooltip shown on hover, on focus and on a
 * tap. The tooltip can be hovered, and Escape closes it (WCAG 1.4.13). It is placed with fixed
 * coordinates so that a table that scrolls sideways does not clip it.
 */
export function Term({ term }: { term: ColumnTerm }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [place, setPlace] = useState<Place | null>(null);
  const open = useCallback(() => {
    const box = button.current?.getBoundingClientRect();
    if (box === undefined) return;
    // 18rem wide at most; kept inside the window on a phone.
    const width = Math.min(288, window.innerWidth - 16);
    const next = { top: box.bottom, left: Math.max(8, Math.min(box.left, window.innerWidth - width - 8)) };
    setPlace((before) => (before !== null && before.top === next.top && before.left === next.left ? before : next));
  }, []);
  const close = useCallback(() => setPlace(null), []);
  useEffect(() => {
    if (place === null) return undefined;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    // Fixed coordinates go stale when the page or the table scrolls (focusing the button may
    // scroll it into view): follow the button.
    window.addEventListener('keydown', onKey);
    window.addEventListener('scroll', open, true);
    window.addEventListener('resize', open);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('scroll', open, true);
      window.removeEventListener('resize', open);
    };
  }, [place, open, close]);
  return (
    <span className="term" onMouseEnter={open} onMouseLeave={close}>
      <button
        ref={button}
        type="button"
        className="term-button"
        aria-describedby={`${id}-tip`}
        onFocus={open}
        onBlur={close}
        // A tap focuses and clicks at once: the click only opens, so it never undoes the focus.
        onClick={open}
      >
        {term.label}
      </button>
      <span role="tooltip" id={`${id}-tip`} className="term-tip" hidden={place === null} style={place === null ? undefined : { top: place.top, left: place.left }}>
        {term.help}
      </span>
    </span>
  );
}
