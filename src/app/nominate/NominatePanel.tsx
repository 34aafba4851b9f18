import { useEffect, useId, useRef, useState } from 'react';
import { MAX_EMAIL_CHARS, type NominatedRater, nominatedCounts, readNomination, writeNomination } from '../../core/confidential/nomination.ts';
import type { Framework } from '../../core/model/framework.ts';
import { slug } from '../../core/model/ids.ts';
import { MAX_NAME_CHARS } from '../../core/model/limits.ts';
import { OTHER_GROUPS, type OtherGroup } from '../../core/model/response.ts';
import type { Issue } from '../../core/model/result.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import { MIN_GROUP_RESPONSES } from '../../core/score/thresholds.ts';
import { downloadFile } from '../components/download.ts';
import { IssueList } from '../components/IssueList.tsx';
import { anonymityWarnings } from '../invite/anonymity-preview.ts';
import { loadNominatedRaters, saveNominatedRaters } from '../storage/nominations.ts';
import type { Learner } from '../storage/settings.ts';
import './nominate.css';

type Row = NominatedRater & { key: number };

/** "raters[2].email" reads "Rater 3, e-mail" to the learner, who sees rows, not JSON. */
function forRows(issue: Issue): Issue {
  const match = /^raters\[(\d+)\]\.(name|email|group)$/.exec(issue.path);
  if (match === null) return issue;
  const field = match[2] === 'email' ? 'e-mail address' : match[2] ?? '';
  const message = issue.message.replace(/^raters\[\d+\]\.(name|email|group)\s*/, 'It ');
  return { ...issue, path: `Rater ${Number(match[1]) + 1}, ${field}`, message: message.startsWith('It is blank') ? 'Fill it in.' : message };
}

/**
 * Issue 10, step 3: the learner proposes raters for a confidential 360 and hands the coach a
 * file of names, addresses and groups. The coach issues the links, so no token ever reaches the
 * learner. The rows are kept in this browser as they are typed.
 */
export function NominatePanel({ framework, learner }: { framework: Framework; learner: Learner }) {
  const id = useId();
  const nextKey = useRef(0);
  const keyed = (rater: NominatedRater): Row => ({ ...rater, key: (nextKey.current += 1) });
  const [rows, setRows] = useState<Row[] | undefined>(undefined);
  const [unreadable, setUnreadable] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    loadNominatedRaters(framework.id, learner).then(
      (stored) => {
        setUnreadable(stored.unreadable);
        setRows(stored.raters.map(keyed));
      },
      () => setRows([]),
    );
  }, [framework.id, learner]);

  if (rows === undefined) return <p role="status">Loading your nominations…</p>;

  const change = (next: Row[]) => {
    setRows(next);
    setSaved(null);
    void saveNominatedRaters(framework.id, learner, next.map(({ name, email, group }) => ({ name, email, group })));
  };
  const update = (key: number, patch: Partial<NominatedRater>) => change(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const counts = nominatedCounts(rows);
  const total = rows.length;
  const warnings = anonymityWarnings(counts);
  const filename = `nomination-${slug(learner.displayName, 32, 'learner')}.json`;

  const download = () => {
    const text = writeNomination({
      learner: { name: learner.displayName, subjectId: learner.subjectId },
      frameworkId: framework.id,
      raters: rows.map(({ name, email, group }) => ({ name: name.trim(), email: email.trim(), group })),
    });
    // The file is checked as the coach's page will read it, so what it refuses is caught here.
    const checked = readNomination(text, filename);
    setIssues(checked.ok ? [] : checked.issues.map(forRows));
    if (!checked.ok) return;
    downloadFile(filename, text, 'application/json');
    setSaved(filename);
  };

  return (
    <section className="panel nominate-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Nominate raters for a confidential 360</h2>
      <p>
        In a confidential 360 a coach runs the feedback: raters&apos; answers are sealed to the coach, and you receive a signed report with only
        what the anonymity rule lets you see. List the people you would like to rate you; download the nomination file and give it to your coach,
        who sends each of them their own link. You never hold those links, so no one can doubt that the answers are theirs.
      </p>
      {unreadable && <p className="banner banner-warn">The nominations kept in this browser no longer read back (damaged) and were left out.</p>}
      {rows.length > 0 && <ol className="nominee-list">
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <li key={row.key}>
              <fieldset className="nominee">
                <legend>Rater {n}</legend>
                <p>
                  <label htmlFor={`${id}-${row.key}-name`}>Name</label>
                  <input id={`${id}-${row.key}-name`} value={row.name} maxLength={MAX_NAME_CHARS} autoComplete="off"
                    onChange={(event) => update(row.key, { name: event.target.value })} />
                </p>
                <p>
                  <label htmlFor={`${id}-${row.key}-email`}>E-mail address</label>
                  <input id={`${id}-${row.key}-email`} type="email" value={row.email} maxLength={MAX_EMAIL_CHARS} autoComplete="off" spellCheck={false}
                    onChange={(event) => update(row.key, { email: event.target.value })} />
                </p>
                <p>
                  <label htmlFor={`${id}-${row.key}-group`}>Group</label>
                  <select id={`${id}-${row.key}-group`} value={row.group} onChange={(event) => update(row.key, { group: event.target.value as OtherGroup })}>
                    {OTHER_GROUPS.map((group) => <option key={group} value={group}>{GROUP_NAMES[group].singular}</option>)}
                  </select>
                </p>
                <p>
                  <button type="button" className="secondary" onClick={() => change(rows.filter((other) => other.key !== row.key))}>Remove rater {n}</button>
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>}
      <p>
        <button type="button" className="secondary" onClick={() => change([...rows, keyed({ name: '', email: '', group: rows.length === 0 ? 'manager' : 'peer' })])}>Add a rater</button>
      </p>
      <div aria-live="polite" className="nomination-preview">
        {total > 0 && <p>
          Nominated: {OTHER_GROUPS.filter((group) => counts[group] > 0).map((group) => `${GROUP_NAMES[group].plural} ${counts[group]}`).join(', ') || 'no one yet'}.
          {' '}With the usual thresholds (a manager may be shown alone, any other group from {MIN_GROUP_RESPONSES} responses), if everyone responds:
        </p>}
        {total === 0 ? null : warnings.length > 0 ? (
          <div className="banner banner-warn">
            <ul>{warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
          </div>
        ) : total > 0 ? <p className="banner banner-ok">every group you nominate is shown on its own.</p> : null}
        <p className="hint">Your coach may set other thresholds for the campaign, and may change whom they invite.</p>
      </div>
      <p>
        <button type="button" onClick={download} disabled={total === 0}>Download the nomination file</button>
      </p>
      {saved !== null && <p role="status">Saved {saved}. Give it to your coach; it holds names, addresses and groups, and no link.</p>}
      {issues.length > 0 && <IssueList title="The nomination file was not made." issues={issues} />}
    </section>
  );
}
