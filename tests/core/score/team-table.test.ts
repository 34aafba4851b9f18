import { describe, expect, it } from 'vitest';
import { scoreCohort } from '../../../src/core/score/score-cohort.ts';
import { latestSubjectNames } from '../../../src/core/score/subject-names.ts';
import { buildTeamRows, filterTeamRows, learnerLabel, shortColumnTitle, sortTeamRows, teamColumns } from '../../../src/core/score/team-table.ts';
import { levelledWithDomains, response } from './fixtures.ts';

const framework = levelledWithDomains();
const all = { 'alpha-01': 3, 'alpha-02': 3, 'beta-01': 2, 'beta-02': 2 } as const;
const named = (subjectName: string, spec: Parameters<typeof response>[0]) => ({ ...response(spec), subjectName });

describe('the learner column', () => {
  it('shows the name of the latest response that carries one, never merging learners by name', () => {
    const responses = [
      named('Ana Ruiz', { group: 'self', subject: 'ana-1', framework, at: '2026-03-01T10:00:00Z', answers: all }),
      named('Ana Ruiz-Lopez', { group: 'peer', subject: 'ana-1', framework, at: '2026-03-05T10:00:00+02:00', answers: all }),
      // Later than both, but without a name: it changes nothing.
      response({ group: 'peer', subject: 'ana-1', framework, at: '2026-04-01T10:00:00Z', answers: all }),
      // Another learner with the same name is another row.
      named('Ana Ruiz', { group: 'self', subject: 'ana-2', framework, answers: all }),
      response({ group: 'self', subject: 'ben-3', framework, answers: all }),
    ];
    const names = latestSubjectNames(responses);
    expect([...names].sort()).toEqual([['ana-1', 'Ana Ruiz-Lopez'], ['ana-2', 'Ana Ruiz']]);
    const rows = buildTeamRows(framework, scoreCohort(new Map([[framework.id, framework]]), responses), 'self', names);
    expect(rows.map((row) => [row.subjectId, row.subjectName]).sort()).toEqual([['ana-1', 'Ana Ruiz-Lopez'], ['ana-2', 'Ana Ruiz'], ['ben-3', null]]);
    expect(rows.map(learnerLabel).sort()).toEqual(['Ana Ruiz', 'Ana Ruiz-Lopez', 'ben-3']);
  });

  it('picks the same name whatever order the files came in (ties: the greater response_id)', () => {
    const a = named('First', { group: 'self', subject: 's', framework, id: 'r-a', at: '2026-03-01T10:00:00Z' });
    const b = named('Second', { group: 'peer', subject: 's', framework, id: 'r-b', at: '2026-03-01T11:00:00+01:00' });
    expect(latestSubjectNames([a, b]).get('s')).toBe('Second');
    expect(latestSubjectNames([b, a]).get('s')).toBe('Second');
  });

  it('finds a learner by name or by id, and sorts by name with ids as the tie-break', () => {
    const responses = [
      named('Zoë Adams', { group: 'self', subject: 'a-1', framework, answers: all }),
      named('chen Li', { group: 'self', subject: 'z-2', framework, answers: all }),
      response({ group: 'self', subject: 'm-3', framework, answers: all }),
    ];
    const rows = buildTeamRows(framework, scoreCohort(new Map([[framework.id, framework]]), responses), 'self', latestSubjectNames(responses));
    expect(filterTeamRows(rows, ' ZOË ').map((row) => row.subjectId)).toEqual(['a-1']);
    expect(filterTeamRows(rows, 'z-2').map((row) => row.subjectId)).toEqual(['z-2']);
    expect(sortTeamRows(rows, { axisId: 'subject', by: 'name', direction: 'ascending' }).map(learnerLabel)).toEqual(['chen Li', 'm-3', 'Zoë Adams']);
  });
});

describe('empty cells', () => {
  it('tell "no ratings" from "hidden for anonymity"', () => {
    const responses = [
      response({ group: 'self', subject: 'ana', framework, answers: { 'alpha-01': 3 } }),
      response({ group: 'peer', subject: 'ana', framework, answers: all }),
      response({ group: 'peer', subject: 'ana', framework, answers: all }),
      response({ group: 'self', subject: 'ben', framework, answers: all }),
    ];
    const scores = scoreCohort(new Map([[framework.id, framework]]), responses);
    const self = buildTeamRows(framework, scores, 'self');
    const ana = self.find((row) => row.subjectId === 'ana');
    // Ana rated nothing in beta: no ratings, not hidden.
    expect(ana?.cells.find((cell) => cell.axisId === 'beta')).toMatchObject({ mark: 'no-data', percent: null });
    expect(ana?.cells.find((cell) => cell.axisId === 'alpha')).toMatchObject({ mark: 'figure' });
    const peers = buildTeamRows(framework, scores, 'peer');
    // Two peers: below the threshold of 3, so every cell is hidden; Ben has no peer at all.
    expect(peers.find((row) => row.subjectId === 'ana')?.cells.every((cell) => cell.mark === 'hidden' && cell.hiddenReason === 'hidden-below-3' && cell.percent === null)).toBe(true);
    expect(peers.find((row) => row.subjectId === 'ben')?.cells.every((cell) => cell.mark === 'no-data')).toBe(true);
  });
});

describe('column headings', () => {
  it('shorten long words and long titles, and keep the full title beside', () => {
    expect(shortColumnTitle('Leadership')).toBe('Leadership');
    expect(shortColumnTitle('Critical Thinking')).toBe('Critical Thinking');
    expect(shortColumnTitle('Communication')).toBe('Commun.');
    expect(shortColumnTitle('Metacognition')).toBe('Metacog.');
    expect(shortColumnTitle('Collaboration')).toBe('Collab.');
    expect(shortColumnTitle('Applying methods and principles in project management')).toBe('Applying methods…');
    expect(shortColumnTitle('Installs, provides user support for, or troubleshoots hardware')).toBe('Installs, provides…');
    expect(shortColumnTitle('Supercalifragilisticexpialidocious is long')).toBe('Superc…');
    const columns = teamColumns(framework);
    expect(columns.map((column) => column.title)).toEqual(['Overall', ...framework.domains.map((d) => d.title)]);
    expect(columns.every((column) => column.shortTitle.length <= 20)).toBe(true);
  });
});
