import { type ReactNode, startTransition, useEffect, useState } from 'react';

/** A tab opened in the background gets no animation frames: its content comes after this at most. */
const LATEST_MS = 250;

/**
 * Renders its children only once the page above them has been painted, as a transition that
 * yields to input. The profile's first screen (header, attained level, the radars and their
 * tables) is then drawn without waiting for the long parts below it, such as the statement
 * list of 84 entries: measured with `npm run bench -- load`, rendering and laying those out
 * first held the radars back by about 150 ms. They arrive a frame later, below what is on screen.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let done = false;
    const show = () => {
      if (done) return;
      done = true;
      startTransition(() => setReady(true));
    };
    // The animation frame runs just before the paint; a task queued from it runs just after.
    let afterPaint: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      afterPaint = setTimeout(show, 0);
    });
    const latest = setTimeout(show, LATEST_MS);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(afterPaint);
      clearTimeout(latest);
    };
  }, []);
  return ready ? <>{children}</> : null;
}
