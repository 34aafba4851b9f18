import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCasePackageText } from '../../../src/core/case/import-case.ts';
import type { CaseImport } from '../../../src/core/case/import-case.ts';
import type { Result } from '../../../src/core/model/result.ts';

/** Real packages from public repositories (tests/fixtures/case/SOURCES.md). */
const read = (name: string, subtree?: string): Result<CaseImport> =>
  importCasePackageText(readFileSync(new URL(`../../fixtures/case/${name}`, import.meta.url), 'utf8'), name, subtree === undefined ? {} : { subtree });
const imported = (name: string, subtree?: string): CaseImport => {
  const result = read(name, subtree);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
};

describe('OpenSALT\'s sample "What Standards Could Be" (CASE 1.0 as OpenSALT wrote it)', () => {
  const { framework, assumptions } = imported('opensalt-what-standards-could-be.json');

  it('becomes a framework without levels whose domains are the two clusters', () => {
    expect(framework.title).toBe('What Standards Could Be');
    expect(framework.levels).toEqual([]);
    expect(framework.domains.map((domain) => [domain.id, domain.title])).toEqual([
      ['ccss-math-content-6-rp-a', 'Understand ratio concepts and use ratio reasoning to solve problems.'],
      ['ccss-math-content-7-rp-a', 'Analyze proportional relationships and use them to solve real-world and mathematical problems.'],
    ]);
  });

  it('rates the standards and their components, with ids from humanCodingScheme and the CASE item kept', () => {
    expect(framework.statements).toHaveLength(12);
    expect(framework.statements.slice(0, 3).map((s) => s.id)).toEqual(['ccss-math-content-6-rp-a-1', 'ccss-math-content-6-rp-a-2', 'ccss-math-content-6-rp-a-3a']);
    expect(framework.statements[0]?.text).toMatch(/^Understand the concept of a ratio/);
    expect(framework.statements[0]?.caseItem?.uri).toMatch(/^http:\/\/opensalt-staging\.opened\.com\/uri\/[0-9a-f-]{36}$/);
  });

  it('says what it assumed about the parts that do not follow the schema', () => {
    expect(assumptions).toEqual(expect.arrayContaining([
      'Times without a time zone were read as UTC.',
      'The CFDocument carries CFPackageURI, which belongs only to a standalone document; it was ignored.',
      'Items carry CFDocumentURI, which belongs only to standalone items; it was ignored.',
      'Some sequenceNumbers are written as text; they were read as numbers.',
    ]));
  });
});

describe('Smarter Balanced\'s Depth of Knowledge package', () => {
  const { framework, assumptions } = imported('sbac-depth-of-knowledge.json');

  it('reads "Level 1" to "Level 4" as emerging to advanced, in Reading, Writing and Math', () => {
    expect(framework.levels.map((level) => level.id)).toEqual(['emerging', 'developing', 'proficient', 'advanced']);
    expect(framework.domains.map((domain) => domain.title)).toEqual(['Reading', 'Writing', 'Math']);
    expect(framework.statements.map((s) => [s.id, s.level, s.domain]).slice(8)).toEqual([
      ['m-dok1', 'emerging', 'math'], ['m-dok2', 'developing', 'math'], ['m-dok3', 'proficient', 'math'], ['m-dok4', 'advanced', 'math'],
    ]);
    expect(assumptions.find((note) => note.startsWith('Levels:'))).toContain('"Level 1: Recall and Reproduction" as emerging');
  });
});

describe('Smarter Balanced\'s Grade 3 Math item specification, Target H', () => {
  const { framework, assumptions } = imported('sbac-grade-3-math-target-h.json');

  it('has a Range ALD for only four of its items, so it is read without levels and says why', () => {
    expect(framework.levels).toEqual([]);
    expect(assumptions).toContain('The package gives a level to 4 of 36 statements; a survey by level needs one for every statement, so the framework has no levels.');
  });

  it('turns its headings into domains and keeps the standards\' codes as ids', () => {
    expect(framework.domains.map((domain) => domain.title)).toEqual(['Target H', 'Item Writing and Scoring Guidelines', 'Task Models', 'General']);
    expect(framework.statements.map((s) => s.id)).toContain('m-g3-c1md-th-3-md-b-3');
    expect(framework.statements.every((s) => s.domain !== null && s.text.trim() !== '')).toBe(true);
  });
});

describe('ACT Holistic Framework, Math (OpenSALT\'s ordering test)', () => {
  it('is five levels deep, too deep for one survey: the message names the part that fits', () => {
    const result = read('opensalt-act-holistic-math.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ code: 'case.too-large' });
    expect(result.issues[0]?.message).toContain('5 levels of headings (at most 4)');
    expect(result.issues[1]).toMatchObject({ code: 'case.subtree', path: '3d8cdec5-83d6-49b4-9300-91a824c59758' });
    expect(result.issues[1]?.message).toBe('Part "H.A.MATH.GM Geometry and Measurement": 28 items, 24 statements to rate.');
  });

  it('imports the part the user picks, its statements in sequenceNumber order', () => {
    const { framework } = imported('opensalt-act-holistic-math.json', '3d8cdec5-83d6-49b4-9300-91a824c59758');
    expect(framework.title).toBe('ACT Holistic Framework, Math: Geometry and Measurement');
    expect(framework.levels).toEqual([]);
    expect(framework.statements).toHaveLength(24);
    expect(framework.domains.length).toBeGreaterThan(0);
    expect(new Set(framework.statements.map((s) => s.id)).size).toBe(24);
  });
});
