import { useMemo, useState } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import { formatPercent } from '../profile/format-figures.ts';
import { attainedLabel } from '../profile/profile-labels.ts';
import type { ScoreGroup } from '../../core/score/score-groups.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { buildTeamRows, sortTeamRows, teamColumns, type TeamSort } from '../../core/score/team-table.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import { hrefOf } from '../shell/hash-route.ts';

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

/** Learners by domain: percent and attained level, sortable by any column, filterable. */
export function TeamTable({ framework, scores }: { framework: Framework; scores: readonly SubjectScore[] }) {
  const [group, setGroup] = useState<ScoreGroup>('self');
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<TeamSort>({ axisId: 'subject', by: 'name', direction: 'ascending' });
  const columns = teamColumns(framework);
  const rows = useMemo(() => buildTeamRows(framework, scores, group), [framework, scores, group]);
  const shown = useMemo(() => sortTeamRows(rows.filter((row) => row.subjectId.toLowerCase().includes(filter.trim().toLowerCase())), sort), [rows, filter, sort]);

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
          <input id="team-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </p>
      </div>
      <p aria-live="polite" className="muted">Showing {shown.length} of {rows.length}. Percent: (mean − 1) / 3 × 100. Click a heading to sort{columns.some((c) => c.kind === 'domain') ? ': by percent, highest then lowest first, then by attained level' : ''}.</p>
      <div className="table-scroll">
        <table className="team-table">
          <caption className="visually-hidden">Learners by {framework.domains.length > 0 ? 'domain' : 'level'}, rated by {GROUP_NAMES[group].plural.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('subject')}><button type="button" className="link-button" onClick={() => sortBy('subject', 'subject')}>Learner</button></th>
              {columns.map((column) => (
                <th key={column.id} scope="col" className="num" aria-sort={ariaSort(column.id)}>
                  <button type="button" className="link-button" onClick={() => sortBy(column.id, column.kind)}>
                    {column.title}
                  </button>
                  {sort.axisId === column.id && <span className="visually-hidden"> (by {sort.by === 'level' ? 'attained level' : 'percent'}, {sort.direction === 'descending' ? 'highest' : 'lowest'} first)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.subjectId}>
                <th scope="row"><a href={hrefOf({ name: 'profile', frameworkId: framework.id, subjectId: row.subjectId })}>{row.subjectId}</a></th>
                {row.cells.map((cell) => (
                  <td key={cell.axisId} className="num">
                    {!cell.shown || cell.percent === null ? <span className="muted" title="Not shown: no ratings, or too few raters in this group">–</span> : (
                      <>
                        {formatPercent(cell.percent)}
                        {cell.attainedLevel && <><br /><span className="muted">{attainedLabel(framework, cell.attainedLevel)}</span></>}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
