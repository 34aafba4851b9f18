import { describe, expect, it } from 'vitest';
import { importCasePackageText, isCasePackage, readCasePackage } from '../../../src/core/case/import-case.ts';
import type { Issue } from '../../../src/core/model/result.ts';
import { type TestItem, testPackage } from './case-package-builder.ts';

const issuesOf = (value: unknown, subtree?: string): Issue[] => {
  const result = readCasePackage(value, 'hostile.json', subtree === undefined ? {} : { subtree });
  return result.ok ? [] : result.issues;
};
const timed = <T>(run: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
};

describe('a package crafted to hurt gets a clear message, never a crash or a hang', () => {
  it('names the items of an isChildOf cycle', () => {
    const pkg = testPackage([{ id: 'ok', text: 'Fine' }, { id: 'a', text: 'Alpha', parent: 'b' }, { id: 'b', text: 'Beta', parent: 'c' }, { id: 'c', text: 'Gamma', parent: 'a' }, { id: 'below', text: 'Under the cycle', parent: 'a' }]);
    const issues = issuesOf(pkg);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'case.cycle', file: 'hostile.json' });
    expect(issues[0]?.message).toMatch(/"Alpha" \("a"\), "Beta" \("b"\), "Gamma" \("c"\) are each other's parents/);
  });

  it('names an item that is its own parent', () => {
    expect(issuesOf(testPackage([{ id: 'self', text: 'Me', parent: 'self' }]))[0]?.message).toContain('"Me" ("self") is its own parent');
  });

  it('refuses 100,000 items at once, by count, in well under a second', () => {
    const items = Array.from({ length: 100_000 }, (_, index) => ({ identifier: `i${index}`, fullStatement: 'x' }));
    const { value: issues, ms } = timed(() => issuesOf({ CFDocument: { title: 'Huge' }, CFItems: items }));
    expect(issues.map((issue) => issue.code)).toEqual(['case.too-many-items']);
    expect(issues[0]?.message).toContain('100,000 items; Skillscope reads at most 50,000');
    expect(ms).toBeLessThan(1000);
  });

  it('walks a chain 20,000 items deep without overflowing the stack, and says it is too deep', () => {
    const chain: TestItem[] = Array.from({ length: 20_000 }, (_, index) => ({ id: `n${index}`, text: `Level ${index}`, ...(index === 0 ? {} : { parent: `n${index - 1}` }) }));
    const { value: issues, ms } = timed(() => issuesOf(testPackage(chain)));
    expect(issues[0]?.code).toBe('case.too-large');
    expect(issues[0]?.message).toContain('20,000 levels of headings');
    expect(ms).toBeLessThan(5000);
  });

  it('refuses two items with one identifier, naming both places', () => {
    const issues = issuesOf(testPackage([{ id: 'same', text: 'One' }, { id: 'SAME', text: 'Two' }]));
    expect(issues).toEqual([expect.objectContaining({ code: 'case.duplicate-identifier', path: 'CFItems[1].identifier' })]);
    expect(issues[0]?.message).toContain('same identifier as CFItems[0]');
  });

  it('removes control characters from titles and texts, and says so', () => {
    const pkg = testPackage([{ id: 'c1', text: 'Rings\u0007 the bell\u001b[2J and clears\u0000 the screen', code: 'C.1' }]);
    (pkg.CFDocument as Record<string, unknown>).title = 'Evil\u0008 title';
    const result = readCasePackage(pkg, 'hostile.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.framework.title).toBe('Evil title');
    expect(result.value.framework.statements[0]?.text).toBe('Rings the bell[2J and clears the screen');
    expect(result.value.assumptions).toContain('Control characters were removed from 2 texts (e.g. CFDocument.title).');
  });

  it('refuses an identifier with control characters or thousands of characters', () => {
    const issues = issuesOf(testPackage([{ id: 'line\nbreak', text: 'A' }, { id: 'x'.repeat(5000), text: 'B' }]));
    expect(issues.map((issue) => issue.code)).toEqual(['case.bad-identifier', 'case.bad-identifier']);
    expect(issues[0]?.message).toContain('control characters');
    expect(issues[1]?.message).toContain('5,000 characters');
    expect(issues[1]?.message.length).toBeLessThan(300);
  });

  it('refuses a statement of a million characters, and cuts a million-character title', () => {
    const huge = testPackage([{ id: 'big', text: 'y'.repeat(1_000_000) }]);
    const issues = issuesOf(huge);
    expect(issues).toEqual([expect.objectContaining({ code: 'case.too-long', path: 'CFItems[0].fullStatement' })]);
    expect(issues[0]?.message.length).toBeLessThan(300);
    const longTitle = testPackage([{ id: 'fine', text: 'Fine' }]);
    (longTitle.CFDocument as Record<string, unknown>).title = 'T '.repeat(500_000);
    const read = readCasePackage(longTitle, 'hostile.json');
    expect(read.ok && read.value.framework.title.length).toBeLessThanOrEqual(200);
  });

  it('keeps identifiers like __proto__ harmless', () => {
    const result = readCasePackage(testPackage([{ id: '__proto__', text: 'Proto' }, { id: 'constructor', text: 'Ctor', parent: '__proto__' }]), 'hostile.json');
    expect(result.ok && result.value.framework.statements.map((s) => s.text)).toEqual(['Ctor']);
  });

  it('goes through the one JSON reader: duplicate keys, deep nesting and bad syntax are its issues', () => {
    expect(importCasePackageText('{"CFDocument":{},"CFDocument":{}}', 'dup.json')).toMatchObject({ ok: false, issues: [{ code: 'json.duplicate-key' }] });
    expect(importCasePackageText(`${'['.repeat(100)}${']'.repeat(100)}`, 'deep.json')).toMatchObject({ ok: false, issues: [{ code: 'json.too-deep' }] });
    expect(importCasePackageText('{"CFItems": []}', 'other.json')).toMatchObject({ ok: false, issues: [{ code: 'case.not-a-package' }] });
  });

  it('says when nothing is left to rate, and when the picked part does not exist', () => {
    expect(issuesOf({ CFDocument: { title: 'Empty' }, CFItems: [] })[0]?.code).toBe('case.no-statements');
    expect(issuesOf(testPackage([{ id: 'a', text: 'A' }]), 'no-such-item')[0]).toMatchObject({ code: 'case.unknown-subtree', path: 'subtree' });
  });
});

describe('a package too wide for one survey', () => {
  // Four grades of 120 standards each: 480 statements, more than one survey takes.
  const items: TestItem[] = [1, 2, 3, 4].flatMap((grade) => [
    { id: `g${grade}`, text: `Grade ${grade}`, code: `G${grade}`, sequence: grade },
    ...Array.from({ length: 120 }, (_, index) => ({ id: `g${grade}-s${index}`, text: `Standard ${grade}.${index + 1}`, code: `${grade}.${index + 1}`, parent: `g${grade}` })),
  ]);

  it('lists the parts that fit, with identifier, title and size', () => {
    const issues = issuesOf(testPackage(items));
    expect(issues[0]).toMatchObject({ code: 'case.too-large' });
    expect(issues[0]?.message).toContain('480 statements (a survey takes at most 300)');
    expect(issues.slice(1).map((issue) => [issue.code, issue.path, issue.message])).toEqual([1, 2, 3, 4].map((grade) => ['case.subtree', `g${grade}`, `Part "G${grade} Grade ${grade}": 121 items, 120 statements to rate.`]));
  });

  it('imports the part picked by its identifier, in humanCodingScheme order where there is no sequenceNumber', () => {
    const result = readCasePackage(testPackage([...items].reverse()), 'wide.json', { subtree: 'G3' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.framework.title).toBe('Test Framework: Grade 3');
    expect(result.value.framework.id).toBe('case-test-framework-grade-3');
    expect(result.value.framework.statements.slice(0, 3).map((s) => [s.id, s.text])).toEqual([['3-1', 'Standard 3.1'], ['3-2', 'Standard 3.2'], ['3-3', 'Standard 3.3']]);
    expect(result.value.framework.statements[9]?.id).toBe('3-10');
  });
});

describe('isCasePackage', () => {
  it('recognises a CFPackage by its CFDocument object, and nothing else', () => {
    expect(isCasePackage(testPackage([]))).toBe(true);
    expect(isCasePackage({ CFDocument: { title: 'x' } })).toBe(true);
    expect(isCasePackage({ format: 'skillscope-framework' })).toBe(false);
    expect(isCasePackage({ CFDocument: 'x' })).toBe(false);
    expect(isCasePackage({ CFDocument: {}, CFItems: 'x' })).toBe(false);
    expect(isCasePackage([])).toBe(false);
  });
});
