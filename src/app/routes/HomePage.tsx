import { useEffect, useState } from 'react';
import { builtinSummaries, type FrameworkSummary, listFrameworks, minutesFor } from '../frameworks/framework-source.ts';
import { hrefOf } from '../shell/hash-route.ts';
import { listDrafts } from '../storage/drafts.ts';
import { frameworksWithResponses } from '../storage/response-index.ts';
import { countAnswered } from '../../core/generate/survey-data.ts';
import { OpenFrameworkFile } from '../components/OpenFrameworkFile.tsx';
import { TEMPLATE_DOWNLOADS } from '../frameworks/framework-file-types.ts';
import { RemoveFrameworkButton } from '../frameworks/RemoveFrameworkButton.tsx';

const GROUP_NOUNS: Record<string, [string, string]> = {
  level: ['level', 'levels'],
  domain: ['domain', 'domains'],
  'competency-area': ['competency area', 'competency areas'],
  'work-situation': ['work situation', 'work situations'],
  'competency-group': ['competency group', 'competency groups'],
};

/** Per framework: statements answered in a self-assessment in progress; frameworks with a response. */
type Progress = { inProgress: Map<string, number>; done: Set<string> };

async function loadProgress(): Promise<Progress> {
  const [drafts, done] = await Promise.all([listDrafts(), frameworksWithResponses()]);
  return {
    inProgress: new Map(drafts.filter((d) => d.rater === 'self').map((d) => [d.surveyId.replace(/\.self$/, ''), countAnswered(d.data)])),
    done,
  };
}

export function HomePage() {
  const [frameworks, setFrameworks] = useState<FrameworkSummary[] | null>(null);
  const [progress, setProgress] = useState<Progress>({ inProgress: new Map(), done: new Set() });
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  const refresh = () => {
    listFrameworks().then(setFrameworks, (e: unknown) => {
      setFrameworks(builtinSummaries());
      setError(`Your browser's storage could not be read (${String(e)}). The built-in frameworks still work, but nothing can be saved.`);
    });
    loadProgress().then(setProgress, () => undefined);
  };
  useEffect(refresh, []);

  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Rate yourself against a competency framework</h1>
      <p className="lead">
        Pick a framework, rate yourself on each statement, and see where you stand: your level, your strengths and what to work on next.
        Invite a manager and peers for 360 feedback when you are ready.
      </p>
      {error && <p className="banner banner-error" role="alert">{error}</p>}
      <div aria-live="polite">{removed && <p className="banner banner-ok">{removed}</p>}</div>
      <h2>Frameworks</h2>
      {frameworks === null ? <p role="status">Loading frameworks…</p> : (
        <ul className="card-list">
          {frameworks.map((f) => {
            const [one, many] = GROUP_NOUNS[f.groupKind] ?? ['group', 'groups'];
            return (
              <li key={f.id} className="card">
                <h3>{f.title}</h3>
                <p className="muted">{f.publisher}{f.builtin ? '' : ' · opened from a file'}</p>
                {progress.inProgress.has(f.id) && <p className="in-progress">In progress: {progress.inProgress.get(f.id)} of {f.statementCount} answered</p>}
                <p>{f.statementCount} statements in {f.groupCount} {f.groupCount === 1 ? one : many} · about {minutesFor(f.statementCount)} minutes</p>
                <p className="actions">
                  <a className="button" href={hrefOf({ name: 'assess', frameworkId: f.id })}>
                    {progress.inProgress.has(f.id) ? 'Continue' : progress.done.has(f.id) ? 'Retake' : 'Start'}<span className="visually-hidden"> self-assessment: {f.title}</span>
                  </a>
                  {progress.done.has(f.id) && <a className="button secondary" href={hrefOf({ name: 'profile', frameworkId: f.id, subjectId: null })}>Profile<span className="visually-hidden">: {f.title}</span></a>}
                  <a href={hrefOf({ name: 'about', frameworkId: f.id })}>About<span className="visually-hidden"> {f.title}</span></a>
                  {!f.builtin && <RemoveFrameworkButton frameworkId={f.id} title={f.title} onRemoved={(message) => { setRemoved(message); refresh(); }} />}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <OpenFrameworkFile onOpened={refresh}>
        <p>
          To bring your own framework, download the template, replace its example rows with your statements (one row per statement;
          leave level or domain empty if your framework has none), save it as .xlsx or CSV and open it here:{' '}
          {TEMPLATE_DOWNLOADS.map((template, index) => (
            <span key={template.href}>{index > 0 && ' or '}<a href={template.href} download>{template.label}</a></span>
          ))}.
        </p>
      </OpenFrameworkFile>
    </section>
  );
}
