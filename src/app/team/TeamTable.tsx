import { type ReactNode, useMemo, useState } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import { formatPercent } from '../profile/format-figures.ts';
import { attainedLabel } from '../profile/profile-labels.ts';
import type { ScoreGroup } from '../../core/score/score-groups.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { buildTeamRows, filterTeamRows, learnerLabel, sortTeamRows, type TeamCell, teamColumns, type TeamSort } from '../../core/score/team-table.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import { teamAxisAverages } from '../../core/score/team-average.ts';
import { hrefOf } from '../shell/hash-route.ts';
import { ScrollCue } from './ScrollCue.tsx';
import { TeamTableKey } from './TeamTableKey.tsx';

const GROUPS: ScoreGroup[] = ['self', 'others', 'manager', 'peer', 'direct-report', 'other'];

/**
 * Each click on a column heading moves to the next order: percent highest first, lowest first,
 * then (for columns with an attained level) level highest first, lowest first. Names: A-Z, Z-A.
 */
function nextSort(current: TeamSort, axisId: string, kind: string): TeamSort {
  if (axisId === 'subject') return { axisId, by: 'name', direction: current.axisId === 'subject' && current.direction === 'ascending' ? 'descending' : 'ascending' };
  const cycle: Pick<TeamSort, 'by' | 'direction'>[] = [{ by: 'percent', direction: 'descending' }, { by: 'percent', direction: 'ascending' }];
  if (kind !== 'level') cycle.push({ by: 'level', direction: 'descending' }, { by: 'level', direction: 'ascending' });
  const at = current.axisId === axisId ? cycle.findIndex((step) => step.by === current.by && step.direction === current.direction) : -1;
  return { axisId, ...(cycle[(at + 1) % cycle.length] ?? { by: 'percent', direction: 'descending' }) };
}

type Props = {
  framework: Framework;
  scores: readonly SubjectScore[];
  /** subject id -> display name (latestSubjectNames): shown instead of the id, which stays on hover. */
  names: ReadonlyMap<string, string>;
};

/** Learners by domain: percent and attained level, sortable by any column, filterable. */
export function TeamTable({ framework, scores, names }: Props) {
  const [group, setGroup] = useState<ScoreGroup>('self');
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<TeamSort>({ axisId: 'subject', by: 'name', direction: 'ascending' });
  const columns = teamColumns(framework);
  const rows = useMemo(() => buildTeamRows(framework, scores, group, names), [framework, scores, group, names]);
  const shown = useMemo(() => sortTeamRows(filterTeamRows(rows, filter), sort), [rows, filter, sort]);
  const averages = useMemo(() => teamAxisAverages(scores, framework.id, group), [scores, framework.id, group]);
  // Two learners with one name: their ids are shown too, so the rows can be told apart.
  const sharedNames = useMemo(() => {
    const seen = new Map<string, number>();
    for (const row of rows) if (row.subjectName !== null) seen.set(row.subjectName, (seen.get(row.subjectName) ?? 0) + 1);
    return new Set([...seen].filter(([, count]) => count > 1).map(([name]) => name));
  }, [rows]);
  const groupName = GROUP_NAMES[group].plural.toLowerCase();

  const sortBy = (axisId: string, kind: string) => setSort((current) => nextSort(current, axisId, kind));
  const ariaSort = (axisId: string) => (sort.axisId === axisId ? sort.direction : undefined);

  return (
    <section aria-labelledby="team-table-title">
      <h2 id="team-table-title">{framework.title}: {rows.length} learner{rows.length === 1 ? '' : 's'}</h2>
      <div className="filters">
        <p>
          <label htmlFor="team-group">Rated by</label>
          <select id="team-group" value={group} onChange={(event) => setGroup(event.target.value as ScoreGroup)}>
            {GROUPS.map((g) => <option key={g} value={g}>{GROUP_NAMES[g].plural}</option>)}
          </select>
        </p>
        <p>
          <label htmlFor="team-filter">Find a learner</label>
          <input id="team-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} aria-describedby="team-filter-hint" />
          <span id="team-filter-hint" className="hint">by name or id</span>
        </p>
      </div>
      <p aria-live="polite" className="muted">Showing {shown.length} of {rows.length}. Percent: (mean − 1) / 3 × 100. Click a heading to sort{columns.some((c) => c.kind === 'domain') ? ': by percent, highest then lowest first, then by attained level' : ''}.</p>
      <ScrollCue label={`Learners by ${framework.domains.length > 0 ? 'domain' : 'level'}`} columns={columns.length + 1}>
        <table className="team-table">
          <caption className="visually-hidden">Learners by {framework.domains.length > 0 ? 'domain' : 'level'}, rated by {groupName}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('subject')}><button type="button" className="link-button" onClick={() => sortBy('subject', 'subject')}>Learner</button></th>
              {columns.map((column) => (
                <th key={column.id} scope="col" className="num" aria-sort={ariaSort(column.id)} title={column.shortTitle === column.title ? undefined : column.title}>
                  <button type="button" className="link-button" onClick={() => sortBy(column.id, column.kind)}>
                    {column.shortTitle === column.title ? column.title : (
                      <>
                        <span aria-hidden="true">{column.shortTitle}</span>
                        <span className="visually-hidden">{column.title}</span>
                      </>
                    )}
                  </button>
                  {sort.axisId === column.id && <span className="visually-hidden"> (by {sort.by === 'level' ? 'attained level' : 'percent'}, {sort.direction === 'descending' ? 'highest' : 'lowest'} first)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.subjectId} data-subject={row.subjectId}>
                <th scope="row">
                  <a href={hrefOf({ name: 'profile', frameworkId: framework.id, subjectId: row.subjectId })} title={row.subjectName === null ? undefined : `id: ${row.subjectId}`}>
                    <bdi>{learnerLabel(row)}</bdi>
                  </a>
                  {row.subjectName !== null && sharedNames.has(row.subjectName) && <span className="learner-id muted">{row.subjectId}</span>}
                </th>
                {row.cells.map((cell) => <td key={cell.axisId} className="num" data-mark={cell.mark}>{cellText(cell, framework, groupName)}</td>)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="team-average-row" data-average={group}>
              <th scope="row">Team average <span className="muted average-of">({groupName}, every learner in the table)</span></th>
              {columns.map((column) => {
                const average = averages.find((entry) => entry.kind === column.kind && entry.id === column.id);
                return (
                  <td key={column.id} className="num" data-axis={column.id} data-learners={average?.learners ?? 0}>
                    {average === undefined || average.percent === null
                      ? <span className="mark-no-data" title={`No learner has a figure from ${groupName} here`}><span aria-hidden="true">–</span><span className="visually-hidden">no figures</span></span>
                      : <>{formatPercent(average.percent)}<br /><span className="muted">of {average.learners} {average.learners === 1 ? 'learner' : 'learners'}</span></>}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </ScrollCue>
      <p className="muted team-average-note">Team average: the mean of the learners' percents in each column, one learner one vote, counting only the figures shown above (a group hidden for anonymity adds nothing). It is over every learner, including any a search hides.</p>
      <TeamTableKey columns={columns} />
    </section>
  );
}

/**
 * A figure, or one of the two marks of TeamTableKey, with the words for screen readers and hover.
 * A plain function, not a component: 200 learners by 11 columns would be 2,200 more components
 * for React to create on the first render and compare on every sort.
 */
function cellText(cell: TeamCell, framework: Framework, groupName: string): ReactNode {
  if (cell.mark === 'no-data') {
    return <span className="mark-no-data" title={`No ratings from ${groupName} here`}><span aria-hidden="true">–</span><span className="visually-hidden">no ratings</span></span>;
  }
  if (cell.mark === 'hidden') {
    const why = cell.hiddenReason === 'folded-to-protect-remainder'
      ? `Hidden: ${groupName} are folded into the rest, so that a smaller group cannot be worked out by subtraction`
      : `Hidden: too few ${groupName} to show without revealing who said what`;
    return <span className="mark-hidden" title={why}><span aria-hidden="true">hidden</span><span className="visually-hidden">hidden for anonymity</span></span>;
  }
  return (
    <>
      {formatPercent(cell.percent)}
      {cell.attainedLevel && <><br /><span className="muted">{attainedLabel(framework, cell.attainedLevel)}</span></>}
    </>
  );
}
