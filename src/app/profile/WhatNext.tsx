import type { Framework } from '../../core/model/framework.ts';
import { hrefOf } from '../shell/hash-route.ts';
import { formatDate } from './format-figures.ts';

type Props = { framework: Framework; latestSelf: string | null; raters: number };

/**
 * The learner's next step (issue 14): once the self-assessment is done, say so, and make the
 * step after it the main action: invite raters, or, once their responses are in, print or
 * export the profile. Retaking is still offered, as a secondary link. Not printed.
 */
export function WhatNext({ framework, latestSelf, raters }: Props) {
  const invite = hrefOf({ name: 'invite', frameworkId: framework.id });
  const assess = hrefOf({ name: 'assess', frameworkId: framework.id });
  const data = hrefOf({ name: 'data' });
  const print = () => window.print();
  if (latestSelf === null) {
    return (
      <section className="what-next no-print" aria-labelledby="what-next-title">
        <h2 id="what-next-title">What next</h2>
        <p>These figures are your raters' only: rate yourself on the same statements to compare.</p>
        <p className="actions profile-actions">
          <a className="button" href={assess}>Start the self-assessment</a>
          <a className="button secondary" href={data}>Export or import data</a>
        </p>
      </section>
    );
  }
  const done = <>Your self-assessment is done (<time dateTime={latestSelf}>{formatDate(latestSelf)}</time>).</>;
  return (
    <section className="what-next no-print" aria-labelledby="what-next-title">
      <h2 id="what-next-title">What next</h2>
      {raters === 0 ? (
        <p><strong className="done">{done}</strong> Next, ask your manager, peers or others to rate you on the same statements, to see yourself as they see you. Or print this profile or export it, to talk it through with a coach.</p>
      ) : (
        <p><strong className="done">{done}</strong> Your raters' responses are in this profile: print it or export it to talk it through with a coach, or invite more raters.</p>
      )}
      <p className="actions profile-actions">
        {raters === 0 ? (
          <>
            <a className="button" href={invite}>Invite raters</a>
            <button type="button" className="secondary" onClick={print}>Print this profile</button>
          </>
        ) : (
          <>
            <button type="button" onClick={print}>Print this profile</button>
            <a className="button secondary" href={invite}>Invite raters</a>
          </>
        )}
        <a className="button secondary" href={data}>Export or import data</a>
        <a className="retake" href={assess}>Retake the self-assessment</a>
      </p>
    </section>
  );
}
