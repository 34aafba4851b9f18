import { useEffect, useId, useRef, useState } from 'react';
import type { CaseParts } from '../../core/case/import-case.ts';
import type { CaseSubtree } from '../../core/case/case-subtrees.ts';
import { cut } from '../../core/model/echo.ts';
import './case-open.css';

/** How many parts are listed at once; the search box narrows a longer list. */
const SHOWN = 40;

const counted = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * A CASE package too large for one survey: why, and the parts of it that fit one, each with its
 * title, size and CASE identifier, to open one. Focus moves here when it appears, so a keyboard
 * or screen-reader user lands on the choice.
 */
export function CasePartPicker({ file, reason, parts, busy, onPick }: { file: string; reason: string; parts: CaseParts; busy: boolean; onPick: (part: CaseSubtree) => void }) {
  const titleId = useId();
  const searchId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [query, setQuery] = useState('');
  useEffect(() => heading.current?.focus(), [parts]);

  const words = query.trim().toLowerCase().split(/\s+/).filter((word) => word !== '');
  const matching = words.length === 0 ? parts.subtrees : parts.subtrees.filter((part) => {
    const text = `${part.title} ${part.identifier}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const shown = matching.slice(0, SHOWN);
  const unlisted = matching.length - shown.length;

  return (
    <section aria-labelledby={titleId} className="case-parts">
      <h3 id={titleId} ref={heading} tabIndex={-1}>Pick a part of {file}</h3>
      <p>{reason}</p>
      {parts.subtrees.length > 8 && (
        <p className="case-part-search">
          <label htmlFor={searchId}>Find a part by its title, code or identifier</label>
          <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
        </p>
      )}
      <p className="muted" aria-live="polite">
        {words.length === 0 ? `${counted(parts.subtrees.length, 'part fits', 'parts fit')} one survey.` : `${counted(matching.length, 'part matches', 'parts match')}.`}
        {unlisted > 0 && ` The first ${SHOWN} are listed; type more of a title to find the others.`}
      </p>
      <ul className="case-part-list">
        {shown.map((part) => {
          const title = cut(part.title || part.identifier, 160);
          return (
            <li key={part.identifier}>
              <div>
                <strong>{title}</strong>
                <span className="muted">
                  {counted(part.statements, 'statement', 'statements')} to rate, {counted(part.items, 'item', 'items')} · identifier <code>{part.identifier}</code>
                </span>
              </div>
              <button type="button" disabled={busy} onClick={() => onPick(part)} aria-label={`Open this part: ${title}`}>Open this part</button>
            </li>
          );
        })}
      </ul>
      {parts.more > 0 && <p className="muted">{counted(parts.more, 'more part', 'more parts')} of this size could not be listed: export a smaller part of the framework from your CASE tool.</p>}
    </section>
  );
}
