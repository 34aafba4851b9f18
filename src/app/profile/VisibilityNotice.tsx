import type { Visibility } from '../../core/score/anonymity.ts';
import { hiddenGroupNotice, visibilityRule } from './profile-labels.ts';

/** DESIGN.md "Anonymity": every group folded or hidden is named, with why, in plain words. */
export function VisibilityNotice({ visibility }: { visibility: Visibility }) {
  if (visibility.hidden.length === 0) return null;
  const othersShown = visibility.shown.includes('others');
  return (
    <section className="banner banner-notice visibility-notice" aria-labelledby="visibility-title">
      <h2 id="visibility-title">Some rater groups are combined or hidden</h2>
      <p className="visibility-rule">{visibilityRule(visibility)}</p>
      <ul>
        {visibility.hidden.map((hidden) => (
          <li key={hidden.group} data-group={hidden.group} data-reason={hidden.reason}>{hiddenGroupNotice(hidden, othersShown)}</li>
        ))}
      </ul>
    </section>
  );
}
