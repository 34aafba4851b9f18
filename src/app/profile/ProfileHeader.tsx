import type { Framework } from '../../core/model/framework.ts';
import { SCORE_GROUPS } from '../../core/score/score-groups.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { hrefOf } from '../shell/hash-route.ts';
import { formatDate } from './format-figures.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { WhatNext } from './WhatNext.tsx';

type Props = { framework: Framework; score: SubjectScore; whose: string; own: boolean; latestSelf: string | null; earlierSelf: readonly string[] };

/** Title, whose profile, what counts in it and where the framework comes from. */
export function ProfileHeader({ framework, score, whose, own, latestSelf, earlierSelf }: Props) {
  // Only shown groups: a hidden group appears in no summary (DESIGN.md); the notice says why.
  const counted = SCORE_GROUPS.filter((group) => score.visibility.shown.includes(group) && score.responseCounts[group] > 0);
  return (
    <header className="profile-header">
      <p className="eyebrow">{own ? 'Your profile' : 'Profile'}</p>
      <h1 id="profile-title">{framework.title}</h1>
      <dl className="profile-facts">
        <div><dt>Whose</dt><dd>{whose}</dd></div>
        <div><dt>Latest self-assessment</dt><dd>{latestSelf === null ? 'none yet' : <time dateTime={latestSelf}>{formatDate(latestSelf)}</time>}</dd></div>
        {earlierSelf.length > 0 && (
          <div>
            <dt>Earlier self-assessments (history; the latest counts)</dt>
            <dd>
              <ul className="inline-list" aria-label="Earlier self-assessments">
                {earlierSelf.map((date) => <li key={date}><time dateTime={date}>{formatDate(date)}</time></li>)}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>Responses counted</dt>
          <dd>
            <ul className="inline-list" aria-label="Responses counted per group">
              {counted.map((group) => (
                <li key={group} data-group={group}>{groupLabel(group)}: {score.responseCounts[group]}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {own
        ? <WhatNext framework={framework} latestSelf={latestSelf} raters={score.responseCounts.others} />
        : <p className="actions profile-actions"><a className="button secondary" href={hrefOf({ name: 'data' })}>Export or import data</a></p>}
      <Attribution framework={framework} />
    </header>
  );
}

export function Attribution({ framework }: { framework: Framework }) {
  if (framework.attributions.length === 0) return null;
  return (
    <div className="attribution">
      <h2 className="attribution-title">Source of the framework</h2>
      <ul>
        {framework.attributions.map((attribution) => (
          <li key={`${attribution.publisher}|${attribution.sourceFile}`}>
            <strong>{attribution.publisher}</strong>. {attribution.text}
            {attribution.licence !== null && !attribution.text.includes(attribution.licence) && <> Licence: {attribution.licence}.</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
