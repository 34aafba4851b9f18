import { useEffect, useState } from 'react';
import type { AlignmentMatrix, Framework } from '../../core/model/framework.ts';
import { loadFrameworkOnly } from '../frameworks/framework-source.ts';
import { ExportCaseSection } from '../frameworks/ExportCaseSection.tsx';
import { RemoveFrameworkButton } from '../frameworks/RemoveFrameworkButton.tsx';
import { hrefOf } from '../shell/hash-route.ts';
import { RATING_LABELS } from '../../core/model/rating-scale.ts';
import { ATTAINMENT_COVERAGE, ATTAINMENT_MEAN } from '../../core/score/thresholds.ts';

/** What a learner wants to know before rating: the statements, the source, its notes. */
export default function AboutPage({ frameworkId }: { frameworkId: string }) {
  const [framework, setFramework] = useState<Framework | null | undefined>(undefined);
  const [fromFile, setFromFile] = useState(false);
  useEffect(() => {
    loadFrameworkOnly(frameworkId).then((loaded) => {
      setFramework(loaded?.framework ?? null);
      setFromFile(loaded !== undefined && !loaded.builtin);
    }, () => setFramework(null));
  }, [frameworkId]);

  if (framework === undefined) return <p role="status">Loading…</p>;
  if (framework === null) return <section><h1>Framework not found</h1><p><a href={hrefOf({ name: 'home' })}>Choose a framework</a>.</p></section>;

  const groups = framework.domains.length > 0
    ? framework.domains.map((d) => ({ id: d.id, title: d.mandatory ? d.title : `${d.title} (optional)`, description: d.description, statements: framework.statements.filter((s) => s.domain === d.id) }))
    : framework.levels.map((l) => ({ id: l.id, title: l.label, description: l.description, statements: framework.statements.filter((s) => s.level === l.id) }));
  const domainTitle = new Map(framework.domains.map((d) => [d.id, d.title]));

  return (
    <article aria-labelledby="about-title">
      <h1 id="about-title">{framework.title}</h1>
      <p className="muted">{framework.version === 'unversioned' ? '' : `Version ${framework.version} · `}{framework.statements.length} statements</p>
      {framework.description && <p className="lead">{framework.description}</p>}
      <p className="actions"><a className="button" href={hrefOf({ name: 'assess', frameworkId: framework.id })}>Rate yourself</a></p>
      <h2>Source</h2>
      <ul>
        {framework.attributions.map((a, i) => (
          <li key={i}><strong>{a.publisher}</strong>. {a.text}{a.licence && !a.text.includes(a.licence) ? ` Licence: ${a.licence}.` : ''} <span className="muted">({a.sourceFile})</span></li>
        ))}
      </ul>
      {framework.levels.length === 0 && (
        <p>This source has no emerging-to-advanced levels. You rate each statement on the same four-point scale; meeting every requirement (rated {RATING_LABELS[ATTAINMENT_MEAN]} or better on average, with at least {ATTAINMENT_COVERAGE * 100}% of them rated) counts as {framework.standardLevel}.</p>
      )}
      <ExportCaseSection key={framework.id} framework={framework} />
      <h2>Statements</h2>
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`group-${group.id}`}>
          <h3 id={`group-${group.id}`}>{group.title}</h3>
          {group.description && <p className="muted">{group.description}</p>}
          <ol>
            {group.statements.map((s) => (
              <li key={s.id}>
                {s.text} <span className="muted">({[s.id, s.level, s.domain && framework.levels.length > 0 && framework.domains.length > 0 ? domainTitle.get(s.domain) : null].filter(Boolean).join(' · ')})</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {framework.info.map((section) => (
        <section key={section.id} aria-labelledby={`info-${section.id}`}>
          <h2 id={`info-${section.id}`}>{section.title}</h2>
          <ul>{section.items.map((item, i) => <li key={i}>{item}</li>)}</ul>
        </section>
      ))}
      {framework.alignments.map((matrix) => <Alignment key={matrix.id} matrix={matrix} titles={domainTitle} />)}
      {fromFile && (
        <section aria-labelledby="remove-framework-title">
          <h2 id="remove-framework-title">Opened from a file</h2>
          <p>This framework was opened from a file and is kept in this browser. Removing it also removes its self-assessments, responses, surveys in progress and invitations.</p>
          <p className="actions"><RemoveFrameworkButton frameworkId={framework.id} title={framework.title} onRemoved={() => { window.location.hash = hrefOf({ name: 'home' }); }} /></p>
        </section>
      )}
    </article>
  );
}

function Alignment({ matrix, titles }: { matrix: AlignmentMatrix; titles: ReadonlyMap<string, string> }) {
  return (
    <section aria-labelledby={`matrix-${matrix.id}`}>
      <h2 id={`matrix-${matrix.id}`}>{matrix.title}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr><th scope="col">Meta-skill</th>{matrix.columns.map((c) => <th key={c} scope="col">{titles.get(c) ?? c}</th>)}</tr>
          </thead>
          <tbody>
            {matrix.rows.map((row, r) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {matrix.columns.map((c, col) => <td key={c}>{matrix.cells[r]?.[col] ? <><span aria-hidden="true">✓</span><span className="visually-hidden">aligned</span></> : <span className="visually-hidden">not aligned</span>}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
