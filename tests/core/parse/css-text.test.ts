import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/core/model/framework.ts';
import type { Result } from '../../../src/core/model/result.ts';
import { validateFramework } from '../../../src/core/model/validate-framework.ts';
import { AI_AT_WORK_LEVEL_BLOCKS } from '../../../src/core/parse/css-ai-at-work-levels.ts';
import { splitSourceTags } from '../../../src/core/parse/css-source-tags.ts';
import { type CssFrameworks, looksLikeCssText, parseCssText } from '../../../src/core/parse/css-text.ts';

const FILE = '001_328dda3a84282345.txt';
const seed = readFileSync(new URL(`../../../seeds/${FILE}`, import.meta.url), 'utf8');
const onetExport = readFileSync(new URL('../../../seeds/004_eed0be7385241fbd.txt', import.meta.url), 'utf8');

const LEVELS = ['emerging', 'developing', 'proficient', 'advanced'] as const;
const PATHSMITH = 'Pathsmith Durable Skills Framework — America Succeeds + CompTIA';
const ONET = 'O*NET Resource Center — Occupational Information Network, v30.2 (Sept 2025)';
const AEI = 'Anthropic Economic Index — release_2026_03_24';
const SAFI = 'Skill Automation Feasibility Index — Jadhav & Danve, 2026 (arXiv:2604.06906)';
const WEF = 'WEF Skills Taxonomy 2021 — Building a Common Language for Skills at Work';

function parsed(text = seed): CssFrameworks {
  const result = parseCssText(text, FILE);
  if (!result.ok) throw new Error(`expected the seed to parse: ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issueCodes(result: Result<CssFrameworks>): string[] {
  return result.ok ? [] : result.issues.map((issue) => issue.code);
}

function statement(framework: Framework, id: string) {
  return framework.statements.find((candidate) => candidate.id === id);
}

function countBy(framework: Framework, key: 'level' | 'domain'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of framework.statements) counts[String(s[key])] = (counts[String(s[key])] ?? 0) + 1;
  return counts;
}

/** The seed with its lines from..to (1-based, inclusive) replaced by `replacement`. */
function editLines(from: number, to: number, replacement: string[] = []): string {
  const lines = seed.split('\n');
  lines.splice(from - 1, to - from + 1, ...replacement);
  return lines.join('\n');
}

describe('looksLikeCssText', () => {
  it('recognises the 001 page copy and none of the other seeds', () => {
    expect(looksLikeCssText(seed)).toBe(true);
    for (const other of ['000_555f8d7572f5c499.txt', '002_3d0578821ae78574.txt', '003_dc02c747e2b8d488.txt', '004_eed0be7385241fbd.txt']) {
      expect(looksLikeCssText(readFileSync(new URL(`../../../seeds/${other}`, import.meta.url), 'utf8'))).toBe(false);
    }
  });
});

describe('parseCssText on seed 001', () => {
  it('yields three frameworks that pass validation, with the built-in ids', () => {
    const { occupational, aiAtWork, durableSkills } = parsed();
    expect([occupational.id, aiAtWork.id, durableSkills.id]).toEqual(['css-occupational', 'css-ai-at-work', 'css-durable-skills']);
    for (const framework of [occupational, aiAtWork, durableSkills]) {
      expect(validateFramework(framework)).toEqual([]);
      expect(framework.standardLevel).toBe('proficient');
      expect(framework.version).toBe('unversioned');
      expect(framework.levels.map((level) => level.id)).toEqual([...LEVELS]);
    }
    expect(occupational.title).toBe('Computer User Support Specialists');
    expect(aiAtWork.title).toBe('AI-at-Work Competency Framework');
    expect(durableSkills.title).toBe('Pathsmith Durable Skills Framework');
  });

  it('reads the occupational list as four levels of ten, ids emerging-01 to advanced-10', () => {
    const { occupational } = parsed();
    expect(countBy(occupational, 'level')).toEqual({ emerging: 10, developing: 10, proficient: 10, advanced: 10 });
    const expectedIds = LEVELS.flatMap((level) => Array.from({ length: 10 }, (_, i) => `${level}-${String(i + 1).padStart(2, '0')}`));
    expect(occupational.statements.map((s) => s.id)).toEqual(expectedIds);
    expect(occupational.statements.every((s) => s.domain === null)).toBe(true);
    expect(occupational.description).toMatch(/^This framework covers computer user support practice/);
  });

  it('keeps the occupational statements word for word', () => {
    const { occupational } = parsed();
    expect(statement(occupational, 'emerging-01')?.text).toBe(
      'Basic hardware components and peripheral devices — identify and label under direct supervision during initial workstation setup at an office help desk.',
    );
    expect(statement(occupational, 'developing-01')?.text).toBe(
      'Routine hardware faults and software configuration errors — diagnose and resolve independently using diagnostic tools and knowledge base articles in a mid-sized business environment.',
    );
    expect(statement(occupational, 'advanced-10')?.text).toBe(
      'Emerging technologies relevant to end-user computing — evaluate through active learning and pilot programs, advising senior leadership on adoption readiness and workforce training requirements.',
    );
  });

  it('gives the same 40 occupational statements, level by level, as the JSON export 004', () => {
    const exported = JSON.parse(onetExport) as { framework: { levels: Record<string, { statements: string[] }> } };
    const { occupational } = parsed();
    for (const level of LEVELS) {
      const fromText = occupational.statements.filter((s) => s.level === level).map((s) => s.text);
      expect(fromText).toEqual(exported.framework.levels[level]?.statements);
    }
  });

  it('cuts the 13 AI-at-Work statements into the documented contiguous level blocks', () => {
    const { aiAtWork } = parsed();
    expect(aiAtWork.statements).toHaveLength(13);
    expect(countBy(aiAtWork, 'level')).toEqual({ emerging: 2, developing: 3, proficient: 4, advanced: 4 });
    expect(aiAtWork.statements.map((s) => s.id)).toEqual([
      'emerging-01', 'emerging-02',
      'developing-01', 'developing-02', 'developing-03',
      'proficient-01', 'proficient-02', 'proficient-03', 'proficient-04',
      'advanced-01', 'advanced-02', 'advanced-03', 'advanced-04',
    ]);
    expect(statement(aiAtWork, 'emerging-02')?.text).toMatch(/^Basic knowledge retrieval — queries/);
    expect(statement(aiAtWork, 'developing-01')?.text).toMatch(/^Diagnostic delegation — feeds/);
    expect(statement(aiAtWork, 'proficient-01')?.text).toMatch(/^Complex problem decomposition —/);
    expect(statement(aiAtWork, 'advanced-01')?.text).toMatch(/^AI workflow orchestration — designs/);
  });

  it('writes the reasoning for each AI-at-Work boundary into the level descriptions, from the exported constant', () => {
    const { aiAtWork } = parsed();
    expect(aiAtWork.levels.map((level) => level.description)).toEqual(AI_AT_WORK_LEVEL_BLOCKS.map((block) => block.description));
    for (const level of aiAtWork.levels) expect(level.description.length).toBeGreaterThan(80);
  });

  it('ends an AI-at-Work statement with its own sentence period, the chip and its ".." removed', () => {
    const { aiAtWork } = parsed();
    const triage = statement(aiAtWork, 'emerging-01');
    expect(triage?.text).toBe(
      'AI-assisted ticket triage — uses an AI chatbot to surface likely causes for common hardware and software complaints, then confirms the suggested fix against documented procedures before applying it.',
    );
    expect(triage?.source).toBe(AEI);
    const delegation = statement(aiAtWork, 'developing-01');
    expect(delegation?.text).toBe(
      'Diagnostic delegation — feeds error messages and system logs into an AI tool to generate ranked lists of probable root causes, then validates each hypothesis through direct testing on the affected machine.',
    );
    expect(delegation?.source).toBe(`${AEI}; ${SAFI}`);
    const mentorship = statement(aiAtWork, 'advanced-04');
    expect(mentorship?.text).toBe(
      'Cross-functional AI mentorship — coaches junior support specialists on critically evaluating AI-generated diagnostic suggestions, embedding verification habits that prevent over-reliance on automated outputs.',
    );
    expect(mentorship?.source).toBe(WEF);
  });

  it('keeps the Sources line and the Evidence pack out of the statements, as info sections', () => {
    const { aiAtWork } = parsed();
    const texts = aiAtWork.statements.map((s) => s.text).join('\n');
    expect(texts).not.toMatch(/Evidence pack|AEI usage|Task observations|Sources:|Subscriber feature/);
    const info = new Map(aiAtWork.info.map((section) => [section.id, section]));
    expect(info.get('sources')?.items).toEqual([AEI, SAFI, WEF]);
    expect(info.get('evidence-aei-usage')?.items).toEqual(['Task observations: 3240', 'Augment share: 95%', 'Time saved: 87.3%', 'AI autonomy: 3.00']);
    expect(info.get('evidence-safi-positioning')?.items).toContain('Top skill: Speaking');
    expect(info.get('evidence-safi-positioning')?.items).toContain('Score: 48.5 / 100');
    expect(info.get('evidence-wef-cluster')?.items).toEqual(['Artificial Intelligence (artificial_intelligence)']);
  });

  it('reads the ten durable-skill domains with their counts and ids', () => {
    const { durableSkills } = parsed();
    expect(durableSkills.domains.map((d) => d.id)).toEqual([
      'communication', 'leadership', 'metacognition', 'critical-thinking', 'collaboration',
      'character', 'creativity', 'growth-mindset', 'mindfulness', 'fortitude',
    ]);
    expect(durableSkills.domains.every((d) => d.kind === 'domain' && d.mandatory)).toBe(true);
    expect(durableSkills.domains.find((d) => d.id === 'critical-thinking')?.title).toBe('Critical Thinking');
    expect(durableSkills.statements).toHaveLength(84);
    expect(countBy(durableSkills, 'domain')).toEqual({
      communication: 12, leadership: 8, metacognition: 8, 'critical-thinking': 8, collaboration: 8,
      character: 8, creativity: 8, 'growth-mindset': 8, mindfulness: 8, fortitude: 8,
    });
    expect(durableSkills.statements.filter((s) => s.domain === 'communication').map((s) => s.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `communication-${String(i + 1).padStart(2, '0')}`),
    );
    expect(durableSkills.statements.filter((s) => s.domain === 'leadership').map((s) => s.id)).toEqual(
      Array.from({ length: 8 }, (_, i) => `leadership-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('levels each domain emerging to advanced in order, three per level in Communication and two elsewhere', () => {
    const { durableSkills } = parsed();
    const levelsOf = (domain: string) => durableSkills.statements.filter((s) => s.domain === domain).map((s) => s.level);
    expect(levelsOf('communication')).toEqual(LEVELS.flatMap((level) => [level, level, level]));
    for (const domain of durableSkills.domains.filter((d) => d.id !== 'communication')) {
      expect(levelsOf(domain.id)).toEqual(LEVELS.flatMap((level) => [level, level]));
    }
    expect(countBy(durableSkills, 'level')).toEqual({ emerging: 21, developing: 21, proficient: 21, advanced: 21 });
  });

  it('strips the run-together source tags into the statement source', () => {
    const { durableSkills } = parsed();
    expect(statement(durableSkills, 'communication-01')).toEqual({
      id: 'communication-01',
      text: 'Basic user intake — collects initial problem description from end users through guided questioning during helpdesk interactions',
      level: 'emerging',
      domain: 'communication',
      source: `${PATHSMITH}; ${ONET}`,
    });
    expect(statement(durableSkills, 'communication-03')?.text).toBe(
      'Written ticket documentation — records basic problem descriptions and steps taken in helpdesk ticketing systems following standard templates',
    );
    expect(statement(durableSkills, 'communication-03')?.source).toBe(ONET);
    expect(statement(durableSkills, 'fortitude-08')?.text).toBe(
      'Long-term transformation endurance — drives multi-month system modernization or migration projects through resistance, setbacks, and competing priorities without losing momentum or team cohesion',
    );
    expect(statement(durableSkills, 'fortitude-08')?.source).toBe(PATHSMITH);
  });

  it('leaves no citation text and no stray spacing in any statement', () => {
    const frameworks = parsed();
    for (const framework of Object.values(frameworks)) {
      for (const s of framework.statements) {
        expect(s.text).not.toMatch(/Opens in new tab|Pathsmith Durable Skills|O\*NET v30\.2|Anthropic Economic Index|WEF Skills Taxonomy/);
        expect(s.text).toBe(s.text.trim());
        expect(s.text).not.toMatch(/\.\.$/);
        expect(s.source).not.toMatch(/Opens in new tab/);
      }
    }
  });

  it('attributes each framework to the sources the page names, O*NET under CC BY 4.0', () => {
    const { occupational, aiAtWork, durableSkills } = parsed();
    for (const framework of [occupational, aiAtWork, durableSkills]) {
      expect(framework.attributions.every((a) => a.sourceFile === FILE)).toBe(true);
      expect(framework.attributions.map((a) => a.text)).toContain(`${framework.title}, © 2026 EBSCOed`);
    }
    expect(occupational.attributions[0]).toMatchObject({ publisher: 'O*NET Resource Center', licence: 'CC BY 4.0', text: `${ONET}, CC BY 4.0` });
    expect(durableSkills.attributions.map((a) => a.publisher)).toEqual(['Pathsmith (America Succeeds + CompTIA)', 'O*NET Resource Center', 'EBSCOed']);
    expect(aiAtWork.attributions.map((a) => a.text)).toEqual([AEI, SAFI, WEF, 'AI-at-Work Competency Framework, © 2026 EBSCOed']);
  });

  it('reads the same document with CRLF line ends and a byte-order mark', () => {
    const frameworks = parsed(`\uFEFF${seed.replace(/\n/g, '\r\n')}`);
    expect(frameworks).toEqual(parsed());
  });
});

describe('splitSourceTags', () => {
  it('recognises a chip it has never seen by its "<label><title>. Opens in new tab." shape', () => {
    expect(splitSourceTags('Logs tickets ESCO v1.2ESCO classification — European Skills, Competences, Qualifications and Occupations v1.2. Opens in new tab.')).toEqual({
      text: 'Logs tickets',
      tags: [{ label: 'ESCO v1.2', title: 'ESCO classification — European Skills, Competences, Qualifications and Occupations v1.2' }],
    });
  });

  it('does not take a lower-case word of the statement that also occurs in the title', () => {
    expect(splitSourceTags(`Knows where to look at WEF Skills Taxonomy${WEF}. Opens in new tab.`)?.text).toBe('Knows where to look at');
  });

  it('leaves text without chips exactly as it is', () => {
    expect(splitSourceTags('Answers user inquiries.')).toEqual({ text: 'Answers user inquiries.', tags: [] });
  });

  it('refuses a chip whose label cannot be told apart from the text', () => {
    expect(splitSourceTags('Resolves tickets quickly. Opens in new tab.')).toBeNull();
  });
});

describe('parseCssText on bad input', () => {
  it('refuses an empty document', () => {
    for (const text of ['', '  \n\n  ']) {
      const result = parseCssText(text, FILE);
      expect(result.ok).toBe(false);
      expect(issueCodes(result)).toEqual(['css.empty']);
    }
  });

  it('lists every missing section of a document cut inside the occupational list', () => {
    const result = parseCssText(editLines(23, 175), FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.every((issue) => issue.file === FILE)).toBe(true);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['css.level-count', 'occupational.statements'],
      ['css.missing-section', 'aiAtWork'],
      ['css.missing-section', 'durableSkills'],
      // The 20 statements left fill emerging and developing only: validation names the rest.
      ['framework.empty-level', 'occupational.levels.proficient'],
      ['framework.empty-level', 'occupational.levels.advanced'],
    ]);
  });

  it('refuses a document cut before the durable skills framework', () => {
    const result = parseCssText(editLines(67, 175), FILE);
    expect(issueCodes(result)).toEqual(['css.missing-section']);
  });

  it('names a domain that has lost a statement, with its row', () => {
    const result = parseCssText(editLines(85, 85), FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const leadership = result.issues.filter((issue) => issue.path === 'durableSkills.domains.leadership');
    expect(leadership.map((issue) => issue.code)).toEqual(['css.domain-count', 'css.domain-levels']);
    expect(leadership[0]).toMatchObject({ file: FILE, row: 83 });
    expect(leadership[0]?.message).toContain('says it has 8 statements but lists 7');
  });

  it('names a missing durable-skill domain', () => {
    const result = parseCssText(editLines(155, 163), FILE);
    expect(issueCodes(result)).toEqual(['css.missing-domain']);
    if (!result.ok) expect(result.issues[0]?.path).toBe('durableSkills.domains.fortitude');
  });

  it('refuses an AI-at-Work list whose length no longer fits the decided boundaries', () => {
    const result = parseCssText(editLines(59, 59), FILE);
    expect(issueCodes(result)).toEqual(['css.ai-at-work-count']);
  });

  it('reports a citation it cannot read, at its row, instead of guessing', () => {
    const result = parseCssText(
      editLines(71, 71, ['- Basic user intake — collects initial problem description during helpdesk interactions. Opens in new tab.']),
      FILE,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([expect.objectContaining({ code: 'css.unrecognised-source-tag', file: FILE, row: 71 })]);
  });

  it('never throws on text that is not the page at all', () => {
    expect(() => parseCssText('{"schemaVersion":"1.0"}', FILE)).not.toThrow();
    expect(parseCssText('{"schemaVersion":"1.0"}', FILE).ok).toBe(false);
  });
});
