import { describe, expect, it } from 'vitest';
import { readCasePackage } from '../../../src/core/case/import-case.ts';
import { readSkillscopeFramework } from '../../../src/core/model/framework-file.ts';
import { association, type TestItem, testPackage } from './case-package-builder.ts';

const LEVELS = ['Emerging', 'Developing', 'Proficient', 'Advanced'];
const read = (pkg: unknown) => {
  const result = readCasePackage(pkg, 'levels.json');
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
};

describe('where a package keeps its levels', () => {
  it('reads hasSkillLevel links to level items that sit outside the tree', () => {
    const levelItems: TestItem[] = LEVELS.map((label, index) => ({ id: `lv${index}`, text: `${label} descriptor`, label, type: 'Proficiency Level' }));
    const statements: TestItem[] = LEVELS.map((_, index) => ({ id: `s${index}`, text: `Skill ${index + 1}`, code: `SK.${index + 1}` }));
    const pkg = testPackage(statements);
    pkg.CFItems = [...(pkg.CFItems as unknown[]), ...testPackage(levelItems).CFItems as unknown[]];
    pkg.CFAssociations = [...(pkg.CFAssociations as unknown[]), ...statements.map((s, index) => association('hasSkillLevel', s.id, `lv${3 - index}`, index))];
    const { framework } = read(pkg);
    expect(framework.levels.map((level) => [level.id, level.label, level.description])).toEqual(LEVELS.map((label) => [label.toLowerCase(), label, `${label} descriptor`]));
    expect(framework.statements.map((s) => [s.id, s.level])).toEqual([['sk-1', 'advanced'], ['sk-2', 'proficient'], ['sk-3', 'developing'], ['sk-4', 'emerging']]);
  });

  it('reads a rubric whose columns are the four levels: each item becomes a heading, each cell a statement', () => {
    const pkg = testPackage([{ id: 'c1', text: 'Communicates clearly', code: 'COM' }, { id: 'c2', text: 'Works with others', code: 'COL' }]);
    pkg.CFRubrics = [{
      identifier: 'r', uri: 'urn:r', title: 'Rubric', lastChangeDateTime: '2024-01-01T00:00:00Z',
      CFRubricCriteria: ['c1', 'c2'].map((item) => ({
        identifier: `${item}-crit`, uri: `urn:${item}`, lastChangeDateTime: '2024-01-01T00:00:00Z',
        CFItemURI: { title: item, identifier: item, uri: `https://case.example.org/uri/${item}` },
        CFRubricCriterionLevels: LEVELS.map((quality, index) => ({ identifier: `${item}-${index}`, uri: `urn:${item}-${index}`, quality, position: index + 1, description: `${item} at ${quality}`, lastChangeDateTime: '2024-01-01T00:00:00Z' })),
      })),
    }];
    const { framework, assumptions } = read(pkg);
    // No sequenceNumbers: ordered by humanCodingScheme, COL before COM.
    expect(framework.domains.map((domain) => [domain.id, domain.title])).toEqual([['col', 'Works with others'], ['com', 'Communicates clearly']]);
    expect(framework.statements.filter((s) => s.domain === 'com').map((s) => [s.id, s.level, s.text, s.caseItem?.identifier])).toEqual(
      LEVELS.map((quality, index) => [`com-0${index + 1}`, quality.toLowerCase(), `c1 at ${quality}`, `c1-${index}`]),
    );
    expect(assumptions.some((note) => note.startsWith("Levels come from the package's rubric"))).toBe(true);
  });

  it('reads a package with five levels as a framework without levels, and says why', () => {
    const groups: TestItem[] = [1, 2, 3, 4, 5].flatMap((n) => [{ id: `l${n}`, text: `Level ${n}`, type: 'Achievement Level' }, { id: `s${n}`, text: `Does thing ${n}`, parent: `l${n}` }]);
    const { framework, assumptions } = read(testPackage(groups));
    expect(framework.levels).toEqual([]);
    expect(framework.domains.map((domain) => domain.title)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5']);
    expect(assumptions).toContain('The package numbers its levels up to 5; only four (1 to 4) map onto emerging, developing, proficient and advanced, so the framework has no levels.');
  });
});

describe('a statement\'s CASE item survives the Skillscope framework file', () => {
  it('is kept on save and read back, and a too-long one is refused', () => {
    const { framework } = read(testPackage([{ id: 'item-1', text: 'Only statement', code: 'A.1' }]));
    const file = JSON.parse(JSON.stringify({ format: 'skillscope-framework', version: 1, framework }));
    const back = readSkillscopeFramework(file, 'saved.json');
    expect(back.ok && back.value.statements[0]?.caseItem).toEqual({ identifier: 'item-1', uri: 'https://case.example.org/uri/item-1' });
    file.framework.statements[0].caseItem.identifier = 'z'.repeat(500);
    expect(readSkillscopeFramework(file, 'saved.json')).toMatchObject({ ok: false, issues: [{ code: 'framework.too-long', path: 'framework.statements[0].caseItem.identifier' }] });
  });
});
