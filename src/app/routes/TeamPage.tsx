import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { scoreCohort } from '../../core/score/score-cohort.ts';
import { ExportPanel } from '../data/ExportPanel.tsx';
import { ImportPanel } from '../data/ImportPanel.tsx';
import { loadAllFrameworks } from '../frameworks/framework-source.ts';
import { loadResponses } from '../storage/responses.ts';
import { TeamTable } from '../team/TeamTable.tsx';

type Team = { responses: SurveyResponse[]; frameworks: Map<string, Framework> };

/** A manager or coach: import a team's responses, compare learners, open each profile, export. */
export default function TeamPage() {
  const [team, setTeam] = useState<Team | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [frameworkId, setFrameworkId] = useState<string>('');

  const refresh = useCallback(async () => {
    try {
      const loaded = await loadAllFrameworks();
      const frameworks = new Map([...loaded].map(([id, entry]) => [id, entry.framework]));
      setTeam({ responses: await loadResponses((id) => frameworks.get(id)), frameworks });
    } catch (e) {
      setError(`Your browser's storage could not be read (${String(e)}), so no team data can be shown or imported.`);
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const scores = useMemo(() => (team ? scoreCohort(team.frameworks, team.responses) : []), [team]);
  const present = useMemo(() => [...new Set(scores.map((s) => s.frameworkId))], [scores]);
  const chosen = present.includes(frameworkId) ? frameworkId : (present[0] ?? '');
  const framework = team?.frameworks.get(chosen);

  return (
    <section aria-labelledby="team-title">
      <h1 id="team-title">Team</h1>
      <p className="lead">Import the responses of the people you coach or manage, then compare them by domain, open each profile, and export the team's CSVs. Anonymity holds here too: a group too small to show is empty in every cell.</p>
      {error && <p className="banner banner-error" role="alert">{error}</p>}
      {team === null ? (error ? null : <p role="status">Reading…</p>) : (
        <>
          {present.length > 1 && (
            <p>
              <label htmlFor="team-framework">Framework</label>
              <select id="team-framework" value={chosen} onChange={(event) => setFrameworkId(event.target.value)}>
                {present.map((id) => <option key={id} value={id}>{team.frameworks.get(id)?.title ?? id}</option>)}
              </select>
            </p>
          )}
          {framework ? <TeamTable framework={framework} scores={scores} /> : <p>No responses yet: import some below.</p>}
          <ImportPanel title="Import the team's responses" onImported={() => void refresh()} />
          <ExportPanel title="Export for the whole team" responses={team.responses} frameworks={team.frameworks} />
        </>
      )}
    </section>
  );
}
