import { describe, expect, it } from 'vitest';
import { documentIdentifier } from '../../../src/core/case/case-export-ids.ts';
import { exportCasePackage, writeCasePackageJson } from '../../../src/core/case/export-case.ts';
import { exportDateTime, UNDATED } from '../../../src/core/case/export-date.ts';
import { CASE_UUID, URL_NAMESPACE, uuidV5 } from '../../../src/core/case/uuid-v5.ts';
import { BUILTIN_FRAMEWORK_IDS } from '../../../src/core/parse/builtin-frameworks.ts';
import { builtinFramework, builtinFrameworks } from '../../support/builtin-frameworks.ts';
import { testFramework, testStatement } from '../../support/test-framework.ts';
import { caseV10Validator, caseV11Validator, schemaErrors } from './case-schemas.ts';

const frameworks = builtinFrameworks();
const validate11 = caseV11Validator();
const validate10 = caseV10Validator();
/** Through JSON, as a consumer reads the file. */
const asFile = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('every built-in framework exports as a package the official CASE schemas accept', () => {
  it.each(BUILTIN_FRAMEWORK_IDS)('%s passes the CASE 1.1 package schema (Draft 2020-12, formats checked)', (id) => {
    const valid = validate11(asFile(exportCasePackage(builtinFramework(id))));
    expect(schemaErrors(validate11.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(BUILTIN_FRAMEWORK_IDS)('%s passes the CASE 1.0 CFPackage definition with --case-version 1.0', (id) => {
    const valid = validate10(asFile(exportCasePackage(builtinFramework(id), { caseVersion: '1.0' })));
    expect(schemaErrors(validate10.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('still passes with a base URL, whose URIs are the objects\' CASE REST addresses', () => {
    const pkg = exportCasePackage(builtinFramework('css-durable-skills'), { baseUrl: 'https://case.example.org/' });
    expect(pkg.CFItems[0]?.uri).toBe(`https://case.example.org/ims/case/v1p1/CFItems/${pkg.CFItems[0]?.identifier}`);
    expect(validate11(asFile(pkg))).toBe(true);
  });
});

describe('identifiers and dates make an export reproducible', () => {
  it('gives the same bytes when a framework is exported twice', () => {
    for (const framework of frameworks) {
      expect(writeCasePackageJson(framework)).toBe(writeCasePackageJson(structuredClone(framework)));
      expect(writeCasePackageJson(framework, { caseVersion: '1.0' })).toBe(writeCasePackageJson(structuredClone(framework), { caseVersion: '1.0' }));
    }
  });

  it('uses lower-case version-5 UUIDs, every one distinct, matching the CASE pattern anchored', () => {
    for (const framework of frameworks) {
      const pkg = exportCasePackage(framework);
      const ids = [
        pkg.CFDocument.identifier,
        ...pkg.CFItems.map((item) => item.identifier),
        ...pkg.CFAssociations.map((association) => association.identifier),
        ...pkg.CFDefinitions.CFItemTypes.map((type) => type.identifier),
        ...pkg.CFRubrics.flatMap((rubric) => [rubric.identifier, ...rubric.CFRubricCriteria.flatMap((criterion) => [criterion.identifier, ...criterion.CFRubricCriterionLevels.map((level) => level.identifier)])]),
      ];
      expect(ids.filter((id) => !CASE_UUID.test(id) || id[14] !== '5')).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('derives the document identifier from the framework id alone, so a new version keeps it', () => {
    const framework = builtinFramework('it-generalist');
    expect(exportCasePackage({ ...framework, version: '2030 edition' }).CFDocument.identifier).toBe(documentIdentifier('it-generalist'));
    expect(documentIdentifier('it-generalist')).not.toBe(documentIdentifier('css-occupational'));
  });

  it('computes UUIDv5 as RFC 9562 does (the same values as Python\'s uuid.uuid5)', () => {
    expect(uuidV5(URL_NAMESPACE, 'https://example.org/x')).toBe('fdb420ba-c7a0-5bc0-b348-39fd508cc82c');
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('dates every object from the framework\'s version, never the clock, in UTC with Z', () => {
    expect(exportDateTime(builtinFramework('scqf-it-support'))).toBe('2022-10-01T00:00:00Z'); // "October 2022"
    expect(exportDateTime({ ...builtinFramework('it-generalist'), version: '2026-03-24' })).toBe('2026-03-24T00:00:00Z');
    expect(exportDateTime({ ...builtinFramework('it-generalist'), version: 'edition 2019' })).toBe('2019-01-01T00:00:00Z');
    expect(exportDateTime(builtinFramework('css-occupational'))).toBe(UNDATED); // "v.26.05" names no date
    const pkg = exportCasePackage(builtinFramework('scqf-it-support'));
    expect(new Set([pkg.CFDocument.lastChangeDateTime, ...pkg.CFItems.map((item) => item.lastChangeDateTime)])).toEqual(new Set(['2022-10-01T00:00:00Z']));
  });
});

describe('the mapping (shared/case/README.md §5)', () => {
  it('writes the document as CASE 1.1 with the attributions in its notes', () => {
    const { CFDocument } = exportCasePackage(builtinFramework('css-occupational'));
    expect(CFDocument.caseVersion).toBe('1.1');
    expect(CFDocument.title).toBe('Computer User Support Specialists');
    expect(CFDocument.notes).toContain('used under the CC BY 4.0 license');
    expect(CFDocument.creator).toBe('O*NET v30.2, U.S. Department of Labor; © EBSCOed');
  });

  it('leaves out of a 1.0 package everything 1.1 added', () => {
    const text = writeCasePackageJson(builtinFramework('scqf-it-support'), { caseVersion: '1.0' });
    for (const field of ['caseVersion', 'frameworkType', 'extensions', 'targetType', 'null']) expect(text).not.toContain(`"${field}"`);
  });

  it('joins the four levels to the document in order and by precedes, and each statement to its level by hasSkillLevel', () => {
    const framework = builtinFramework('css-durable-skills');
    const pkg = exportCasePackage(framework);
    const levels = pkg.CFItems.filter((item) => item.CFItemType === 'Proficiency Level');
    expect(levels.map((item) => [item.abbreviatedStatement, item.humanCodingScheme])).toEqual([['Emerging', 'L1'], ['Developing', 'L2'], ['Proficient', 'L3'], ['Advanced', 'L4']]);
    const precedes = pkg.CFAssociations.filter((a) => a.associationType === 'precedes').map((a) => [a.originNodeURI.title, a.destinationNodeURI.title]);
    expect(precedes).toEqual([['Emerging', 'Developing'], ['Developing', 'Proficient'], ['Proficient', 'Advanced']]);
    const skill = pkg.CFAssociations.filter((a) => a.associationType === 'hasSkillLevel');
    expect(skill).toHaveLength(84);
    const communication01 = skill.find((a) => a.originNodeURI.title === 'communication-01');
    expect(communication01?.destinationNodeURI.title).toBe('Emerging');
  });

  it('puts statements under their domain with sequence numbers in framework order', () => {
    const pkg = exportCasePackage(builtinFramework('css-durable-skills'));
    const communication = pkg.CFItems.find((item) => item.humanCodingScheme === 'communication');
    const children = pkg.CFAssociations
      .filter((a) => a.associationType === 'isChildOf' && a.destinationNodeURI.identifier === communication?.identifier)
      .map((a) => [a.sequenceNumber, a.originNodeURI.title]);
    expect(children).toHaveLength(12);
    expect(children[0]).toEqual([1, 'communication-01']);
    expect(children[11]).toEqual([12, 'communication-12']);
  });

  it('writes the rating scale as a CFRubric: one criterion per statement, four scored levels each', () => {
    const framework = builtinFramework('scqf-it-support');
    const [rubric] = exportCasePackage(framework).CFRubrics;
    expect(rubric?.CFRubricCriteria).toHaveLength(framework.statements.length);
    const first = rubric?.CFRubricCriteria[0];
    expect(first?.CFItemURI.title).toBe('project-management-01');
    expect(first?.category).toBe('Applying methods and principles in project management');
    expect(first?.CFRubricCriterionLevels.map((level) => [level.score, level.quality])).toEqual([
      [1, 'Not yet'], [2, 'With support'], [3, 'Independently'], [4, 'Consistently, and can guide others'],
    ]);
  });

  it('keeps the CASE identifier of a statement imported from CASE when it is exported again', () => {
    const kept = { identifier: '0b0b3f0e-6c52-4a39-9d1b-2a1f2f4ad001', uri: 'https://case.example.org/uri/0b0b3f0e-6c52-4a39-9d1b-2a1f2f4ad001' };
    const framework = testFramework('kept', [{ ...testStatement('a-01', null, null), caseItem: kept }, { ...testStatement('a-02', null, null), caseItem: { identifier: 'NOT-A-UUID', uri: 'x' } }], false, []);
    const items = exportCasePackage(framework).CFItems;
    expect(items[0]).toMatchObject(kept);
    expect(items[1]?.identifier).toMatch(CASE_UUID);
    expect(validate11(asFile(exportCasePackage(framework)))).toBe(true);
  });
});
