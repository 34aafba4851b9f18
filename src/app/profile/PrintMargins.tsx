import { useEffect } from 'react';
import { cssStringOf, printedOn } from './print-margin-text.ts';
// Wherever a profile is shown (the learner's, a 360 report, the coach's view), it prints as a
// report; print.css after profile.css, whose rules it overrides at the same specificity.
import './profile.css';
import './print.css';

type Props = { whose: string; title: string };

/** The custom properties print.css's @page margin boxes show; print.css names the same ones. */
const WHOSE = '--print-whose';
const TITLE = '--print-title';
const DATE = '--print-date';

/**
 * Whose report, which framework and the day it is printed, in the margin of every printed page.
 * Chromium has no `string-set` or running elements, but its @page margin boxes inherit custom
 * properties from the root element: this sets them there while the profile is open, so Ctrl+P
 * prints them as well as a PDF export does. Renders nothing on screen.
 */
export function PrintMargins({ whose, title }: Props) {
  useEffect(() => {
    const style = document.documentElement.style;
    const stampDate = () => style.setProperty(DATE, cssStringOf(printedOn(new Date())));
    style.setProperty(WHOSE, cssStringOf(whose));
    style.setProperty(TITLE, cssStringOf(title));
    // The date needs a date format made (milliseconds): after the first screen is drawn, not before.
    const firstStamp = setTimeout(stampDate, 0);
    // A tab left open overnight prints today's date, not the day the profile was opened.
    window.addEventListener('beforeprint', stampDate);
    return () => {
      clearTimeout(firstStamp);
      window.removeEventListener('beforeprint', stampDate);
      for (const name of [WHOSE, TITLE, DATE]) style.removeProperty(name);
    };
  }, [whose, title]);
  return null;
}
