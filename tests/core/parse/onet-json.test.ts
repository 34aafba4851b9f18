import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOnetExport } from '../../../src/core/parse/onet-json.ts';
import { onetExport, onetExportText } from '../../fixtures/onet-export.ts';

const seed = readFileSync(new URL('../../../seeds/004_eed0be7385241fbd.txt', import.meta.url), 'utf8');

describe('parseOnetExport: the built-in occupation (seed 004)', () => {
  const result = parseOnetExport(seed, '004_eed0be7385241fbd.txt');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const framework = result.value;

  it('keeps its catalogue id css-occupational', () => {
    expect(framework.id).toBe('css-occupational');
    expect(framework.title).toBe('Computer User Support Specialists');
    expect(framework.version).toBe('v.26.05');
  });

  it('has 10 statements at each of the four levels, ids numbered within the level', () => {
    for (const level of ['emerging', 'developing', 'proficient', 'advanced']) {
      const ids = framework.statements.filter((s) => s.level === level).map((s) => s.id);
      expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `${level}-${String(i + 1).padStart(2, '0')}`));
    }
  });

  it('keeps statements word for word', () => {
    const byId = new Map(framework.statements.map((s) => [s.id, s.text]));
    expect(byId.get('emerging-01')).toBe('Basic hardware components and peripheral devices — identify and label under direct supervision during initial workstation setup at an office help desk.');
    expect(byId.get('proficient-07')).toBe('Judgment calls on escalation, workarounds, and service priorities — exercise independently under ambiguous conditions, balancing user needs against IT policy constraints.');
    expect(byId.get('advanced-10')).toBe('Emerging technologies relevant to end-user computing — evaluate through active learning and pilot programs, advising senior leadership on adoption readiness and workforce training requirements.');
  });

  it('carries the O*NET CC BY 4.0 attribution', () => {
    expect(framework.attributions[0]?.licence).toBe('CC BY 4.0');
    expect(framework.attributions[0]?.text).toContain('O*NET');
  });
});

describe('parseOnetExport: any occupation in the same format', () => {
  it('names a framework outside the built-in set onet-<soc> with the dot as a dash', () => {
    const result = parseOnetExport(onetExportText({ soc: '15-1244.00' }), 'admins.json');
    expect(result.ok && result.value.id).toBe('onet-15-1244-00');
    expect(result.ok && result.value.statements).toHaveLength(12);
  });

  it('keeps text that merely looks strange exactly, as text', () => {
    const strange = [
      '<script>window.__pwned = 1</script><b>bold</b> — is text',
      '=cmd|\' /C calc\'!A0 and +1 and @SUM(A1)',
      'مرحبا \u202Eright-to-left\u202C and zero\u200Bwidth\u200D joiners',
    ];
    const result = parseOnetExport(onetExportText({ statements: { emerging: strange } }), 'strange.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.statements.filter((s) => s.level === 'emerging').map((s) => s.text)).toEqual(strange);
  });
});

describe('parseOnetExport refuses broken structure, listing every problem with its path', () => {
  const issuesOf = (text: string) => {
    const result = parseOnetExport(text, 'bad.json');
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.issues;
  };

  it('refuses truncated JSON with the line of the break', () => {
    const [issue] = issuesOf(seed.slice(0, 2000));
    expect(issue).toMatchObject({ code: 'json.syntax', file: 'bad.json' });
  });

  it('refuses an empty file', () => {
    expect(issuesOf('')[0]?.message).toBe('The file is empty.');
  });

  it('refuses statements that are not a list, and a missing level, in one answer', () => {
    const bad = onetExport();
    const levels = bad.framework.levels as Record<string, unknown>;
    (levels.emerging as { statements: unknown }).statements = 'not a list';
    delete levels.advanced;
    const issues = issuesOf(JSON.stringify(bad));
    expect(issues.map((i) => i.path)).toEqual(['framework.levels.emerging.statements', 'framework.levels.advanced']);
  });

  it('refuses a __proto__ or constructor level key instead of touching the prototype', () => {
    const text = onetExportText().replace('"emerging":', '"__proto__":{"label":"x","statements":["a"]},"constructor":{"statements":[]},"emerging":');
    const issues = issuesOf(text);
    expect(issues.map((i) => i.path)).toEqual(['framework.levels.__proto__', 'framework.levels.constructor']);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });

  it('refuses a file whose SOC code is not one', () => {
    expect(issuesOf(onetExportText({ soc: '15.1244' }))[0]?.path).toBe('occupation.soc');
  });
});
