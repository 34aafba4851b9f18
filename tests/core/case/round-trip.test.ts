import { describe, expect, it } from 'vitest';
import { exportCasePackage, writeCasePackageJson } from '../../../src/core/case/export-case.ts';
import { readCasePackage } from '../../../src/core/case/import-case.ts';
import type { Framework, Statement } from '../../../src/core/model/framework.ts';
import { BUILTIN_FRAMEWORK_IDS } from '../../../src/core/parse/builtin-frameworks.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';

/** Export, write as a file would be, read back. */
function roundTrip(framework: Framework, caseVersion: '1.1' | '1.0'): Framework {
  const read = readCasePackage(JSON.parse(writeCasePackageJson(framework, { caseVersion })), `${framework.id}.case.json`);
  if (!read.ok) throw new Error(JSON.stringify(read.issues, null, 2));
  return read.value.framework;
}
const withoutCaseItem = (statements: readonly Statement[]) => statements.map(({ caseItem: _caseItem, ...rest }) => rest);

describe('export then import gives back the framework (CASE 1.1)', () => {
  it.each(BUILTIN_FRAMEWORK_IDS)('%s: the same id, statements, levels, domains and attributions', (id) => {
    const original = builtinFramework(id);
    const back = roundTrip(original, '1.1');
    expect(back.id).toBe(original.id);
    expect(back.title).toBe(original.title);
    expect(back.version).toBe(original.version);
    expect(withoutCaseItem(back.statements)).toEqual(original.statements);
    expect(back.levels).toEqual(original.levels);
    expect(back.domains).toEqual(original.domains);
    expect(back.attributions).toEqual(original.attributions);
    expect(back.standardLevel).toBe(original.standardLevel);
  });

  it.each(BUILTIN_FRAMEWORK_IDS)('%s: every statement keeps the CASE item it came from, and a second export is the same file', (id) => {
    const original = builtinFramework(id);
    const items = new Map(exportCasePackage(original).CFItems.map((item) => [item.humanCodingScheme, item]));
    const back = roundTrip(original, '1.1');
    for (const statement of back.statements) expect(statement.caseItem).toEqual({ identifier: items.get(statement.id)?.identifier, uri: items.get(statement.id)?.uri });
    expect(writeCasePackageJson(back)).toBe(writeCasePackageJson(original));
  });
});

describe('export then import with CASE 1.0, which has no extensions', () => {
  it.each(BUILTIN_FRAMEWORK_IDS)('%s: the same statements (ids, texts, levels, domains, sources) and levels', (id) => {
    const original = builtinFramework(id);
    const back = roundTrip(original, '1.0');
    expect(withoutCaseItem(back.statements)).toEqual(original.statements);
    expect(back.levels).toEqual(original.levels);
    expect(back.domains.map(({ id: domainId, title, kind, description }) => ({ id: domainId, title, kind, description })))
      .toEqual(original.domains.map(({ id: domainId, title, kind, description }) => ({ id: domainId, title, kind, description })));
  });

  it('loses only what 1.0 cannot carry: the framework id (taken from the title) and optional work situations', () => {
    const original = builtinFramework('scqf-it-support');
    const back = roundTrip(original, '1.0');
    expect(back.id).toBe('case-technical-apprenticeship-in-digital-technology-it-support-pa');
    expect(original.domains.filter((domain) => !domain.mandatory)).toHaveLength(2);
    expect(back.domains.filter((domain) => !domain.mandatory)).toHaveLength(0);
  });
});
