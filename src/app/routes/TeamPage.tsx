import { useMemo, useState } from 'react';
import { scoreCohortWithReliability } from '../../core/score/score-cohort.ts';
import { latestSubjectNames } from '../../core/score/subject-names.ts';
import { UnreadableNotice } from '../components/UnreadableNotice.tsx';
import { useStoredData } from '../data/use-stored-data.ts';
import { TeamReliability } from '../team/TeamReliability.tsx';
import { TeamTable } from '../team/TeamTable.tsx';
import { TeamDataPanels } from '../team/TeamDataPanels.tsx';
import '../team/team.css';

/** A manager or coach: import a team's responses, compare learners, open each profile, export. */
export default function TeamPage() {
  const { data: team, readError, refresh } = useStoredData();
  const [frameworkId, setFrameworkId] = useState<string>('');

  // One pass gives the table's scores and alpha per axis (issue 12), from the same responses.
  const { scores, reliability } = useMemo(() => (team ? scoreCohortWithReliability(team.frameworks, team.responses) : { scores: [], reliability: [] }), [team]);
  const names = useMemo(() => latestSubjectNames(team?.responses ?? []), [team]);
  const present = useMemo(() => [...new Set(scores.map((s) => s.frameworkId))], [scores]);
  const chosen = present.includes(frameworkId) ? frameworkId : (present[0] ?? '');
  const framework = team?.frameworks.get(chosen);

  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">Team</h1>
      <p className="lead">Import the responses of the people you coach or manage, then compare them by domain, open each profile, and export the team's CSVs. Anonymity holds here too: a group too small to show says “hidden” in every cell.</p>
      {readError && <p className="banner banner-error" role="alert">Your browser's storage could not be read ({readError}), so no team data can be shown or imported.</p>}
      {team === null ? (readError ? null : <p role="status">Reading…</p>) : (
        <>
          <UnreadableNotice count={team.unreadable} kind="response" leftOutOf="the team's figures and exports" />
          {present.length > 1 && (
            <p>
              <label htmlFor="team-framework">Framework</label>
              <select id="team-framework" value={chosen} onChange={(event) => setFrameworkId(event.target.value)}>
                {present.map((id) => <option key={id} value={id}>{team.frameworks.get(id)?.title ?? id}</option>)}
              </select>
            </p>
          )}
          {framework ? (
            <>
              <TeamTable framework={framework} scores={scores} names={names} />
              <TeamReliability framework={framework} reliability={reliability} />
            </>
          ) : <p>No responses yet: import some below.</p>}
          <TeamDataPanels responses={team.responses} frameworks={team.frameworks} onImported={refresh} />
        </>
      )}
    </section>
  );
}
