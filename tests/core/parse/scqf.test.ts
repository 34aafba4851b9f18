import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/core/model/framework.ts';
import type { Result } from '../../../src/core/model/result.ts';
import { validateFramework } from '../../../src/core/model/validate-framework.ts';
import { looksLikeScqf, parseScqf } from '../../../src/core/parse/scqf.ts';

const FILE = '002_3d0578821ae78574.txt';
const seed = readFileSync(new URL(`../../../seeds/${FILE}`, import.meta.url), 'utf8');

function parsed(text = seed): Framework {
  const result = parseScqf(text, FILE);
  if (!result.ok) throw new Error(`expected the seed to parse: ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issueCodes(result: Result<Framework>): string[] {
  return result.ok ? [] : result.issues.map((issue) => issue.code);
}

function statement(framework: Framework, id: string) {
  return framework.statements.find((candidate) => candidate.id === id);
}

/** The seed with its lines from..to (1-based, inclusive) replaced by `replacement`. */
function editLines(from: number, to: number, replacement: string[] = []): string {
  const lines = seed.split('\n');
  lines.splice(from - 1, to - from + 1, ...replacement);
  return lines.join('\n');
}

describe('parseScqf on the SCQF level 8 IT support occupation profile', () => {
  const framework = parsed();

  it('builds the scqf-it-support framework, which passes validation', () => {
    expect(framework.id).toBe('scqf-it-support');
    expect(framework.title).toBe('Technical Apprenticeship in Digital Technology - IT Support Pathway at SCQF Level 8');
    expect(validateFramework(framework)).toEqual([]);
  });

  it('has no levels: every statement is unlevelled and meeting them all is proficient', () => {
    expect(framework.levels).toEqual([]);
    expect(framework.standardLevel).toBe('proficient');
    expect(framework.statements.every((s) => s.level === null)).toBe(true);
  });

  it('lists the 8 work situations in source order, the 6 mandatory ones first, titles from the contents', () => {
    expect(framework.domains.map((d) => [d.id, d.title, d.mandatory])).toEqual([
      ['project-management', 'Applying methods and principles in project management', true],
      ['digital-transformation', 'Supporting digital business transformation', true],
      ['meta-skills-professionalism', 'Developing meta-skills and personal professionalism', true],
      ['service-requests', 'Responding to digital technology service requests', true],
      ['service-support', 'Maintaining service support procedures', true],
      ['asset-management', 'Providing digital technology asset management', true],
      ['automation-scripts', 'Producing and testing automation scripts', false],
      ['service-reports', 'Producing service management reports and metrics', false],
    ]);
    expect(framework.domains.every((d) => d.kind === 'work-situation')).toBe(true);
  });

  it('describes each work situation by its goal and brief outline', () => {
    const assets = framework.domains.find((d) => d.id === 'asset-management');
    expect(assets?.description).toContain(
      'To provide asset management activities for managing the full life cycle of assets in line with organisational processes',
    );
    expect(assets?.description).toContain('It also includes identifying and reporting unauthorised assets.');
  });

  it('rates the performance requirements: as many per work situation as the seed numbers', () => {
    // Counted by hand in the seed.
    const expected: Record<string, number> = {
      'project-management': 10,
      'digital-transformation': 7,
      'meta-skills-professionalism': 9,
      'service-requests': 6,
      'service-support': 6,
      'asset-management': 6,
      'automation-scripts': 7,
      'service-reports': 8,
    };
    for (const [domain, count] of Object.entries(expected)) {
      expect(framework.statements.filter((s) => s.domain === domain), domain).toHaveLength(count);
    }
    expect(framework.statements).toHaveLength(59);
  });

  it('keeps the wording of the performance requirements exactly, numbered through the work situation', () => {
    expect(statement(framework, 'project-management-01')).toEqual({
      id: 'project-management-01',
      text: 'Providing support to prepare business cases for approval of activities',
      level: null,
      domain: 'project-management',
      source: 'Performance requirement 1',
    });
    expect(statement(framework, 'service-requests-03')?.text).toBe(
      'Providing unassisted first fix technical advice to resolve user issues, retaining ownership of the requests until they are fulfilled',
    );
    expect(statement(framework, 'service-support-05')?.text).toBe(
      'Checking that first-line support assets linked to procedures are up to date including FAQs, knowledge base, playbooks, lessons learned and guidance materials',
    );
    expect(statement(framework, 'automation-scripts-05')?.text).toBe('Gaining approval from authorised staff to deploy scripts in live environments');
    expect(statement(framework, 'service-reports-08')).toMatchObject({
      text: 'Presenting report and metric outputs to key stakeholders in line with organisational reporting procedures',
      source: 'Performance requirement 8',
    });
  });

  it('shows the knowledge and understanding requirements as information, not as rated statements', () => {
    // Counted by hand in the seed.
    const expected: Record<string, number> = {
      'project-management-knowledge': 14,
      'digital-transformation-knowledge': 13,
      'meta-skills-professionalism-knowledge': 12,
      'service-requests-knowledge': 17,
      'service-support-knowledge': 10,
      'asset-management-knowledge': 11,
      'automation-scripts-knowledge': 11,
      'service-reports-knowledge': 13,
    };
    for (const [id, count] of Object.entries(expected)) {
      expect(framework.info.find((section) => section.id === id)?.items, id).toHaveLength(count);
    }
    const serviceRequests = framework.info.find((section) => section.id === 'service-requests-knowledge');
    expect(serviceRequests?.items.at(-1)).toBe(
      'Legal requirements related to the provision of support services including the Malicious Communications Act, the Copyright, Designs and Patents Act, the Computer Misuse Act, the Copyright (Computer Programs) regulations and the Privacy and Electronic Communications regulations',
    );
    expect(framework.statements.some((s) => s.text === 'How to model business processes')).toBe(false);
  });

  it('aligns the 12 meta-skills with the 8 work situations as the ticks in the seed say', () => {
    expect(framework.alignments).toHaveLength(1);
    const matrix = framework.alignments[0];
    expect(matrix?.rows).toEqual([
      'Adapting', 'Collaborating', 'Communicating', 'Creativity', 'Critical thinking', 'Curiosity',
      'Feeling', 'Focussing', 'Initiative', 'Integrity', 'Leading', 'Sense making',
    ]);
    expect(matrix?.columns).toEqual(framework.domains.map((d) => d.id));
    expect(matrix?.cells).toHaveLength(12);
    expect(matrix?.cells.every((row) => row.length === 8)).toBe(true);
    const ticked = (skill: string) =>
      matrix?.columns.filter((_, column) => matrix.cells[matrix.rows.indexOf(skill)]?.[column] === true);
    expect(ticked('Leading')).toEqual(['meta-skills-professionalism']);
    expect(ticked('Feeling')).toEqual(['meta-skills-professionalism', 'service-requests']);
    expect(ticked('Adapting')).toHaveLength(8);
    expect(ticked('Collaborating')).not.toContain('digital-transformation');
    // The seed's row "Producing and testing batch scripts" is the automation scripts work situation.
    expect(ticked('Creativity')).toContain('automation-scripts');
    expect(ticked('Integrity')).toEqual(framework.domains.map((d) => d.id).filter((id) => id !== 'digital-transformation'));
  });

  it('lists the meta-skills, the optional rule and the National Occupational Standards for the app', () => {
    expect(framework.info.find((s) => s.id === 'meta-skills')?.items).toHaveLength(12);
    expect(framework.info.find((s) => s.id === 'optional-work-situations')?.items).toEqual([
      'A minimum of one optional work situation must be achieved',
    ]);
    const standards = framework.info.find((s) => s.id === 'national-occupational-standards')?.items ?? [];
    expect(standards).toContain(
      'Responding to digital technology service requests: ESKITP7054 IT/Technology Management and Support Level 4 Role',
    );
    expect(standards).toContain(
      'Producing and testing automation scripts: ESKITP7014 IT/Technology Service Operations and Event Management Level 4 Role',
    );
  });

  it('credits the approving group and date of the source', () => {
    expect(framework.attributions).toHaveLength(1);
    expect(framework.attributions[0]).toMatchObject({
      publisher: 'Digital Technology Technical Expert Group',
      sourceFile: FILE,
    });
    expect(framework.attributions[0]?.text).toContain('October 2022');
  });

  it('recognises the SCQF profile and nothing else among the seeds', () => {
    expect(looksLikeScqf(seed)).toBe(true);
    const itGeneralist = readFileSync(new URL('../../../seeds/003_dc02c747e2b8d488.txt', import.meta.url), 'utf8');
    expect(looksLikeScqf(itGeneralist)).toBe(false);
  });

  it('reads the same framework from a file saved with CRLF line ends', () => {
    expect(parsed(seed.replace(/\n/g, '\r\n'))).toEqual(framework);
  });

  it('joins a requirement that the layout broke over two lines', () => {
    // Line 53 is "1. Providing support to prepare business cases for approval of activities".
    const wrapped = editLines(53, 53, ['1. Providing support to prepare business cases', '   for approval of activities']);
    expect(statement(parsed(wrapped), 'project-management-01')?.text).toBe(
      'Providing support to prepare business cases for approval of activities',
    );
  });
});

describe('parseScqf on bad input', () => {
  it('refuses an empty file without throwing', () => {
    const result = parseScqf('  \n', 'empty.txt');
    expect(result.ok).toBe(false);
    expect(issueCodes(result)).toEqual(['scqf.empty']);
  });

  it('refuses a file cut short before the meta-skills table, naming the file', () => {
    const result = parseScqf(seed.split('\n').slice(0, 300).join('\n'), 'cut.txt');
    expect(result.ok).toBe(false);
    expect(issueCodes(result)).toContain('scqf.missing-section');
    expect(result.ok ? [] : result.issues.every((issue) => issue.file === 'cut.txt')).toBe(true);
  });

  it('refuses a work situation whose performance requirements heading is missing, with its row', () => {
    // Line 90 is the "Performance requirements" heading of the second work situation.
    const result = parseScqf(editLines(90, 90, ['']), FILE);
    expect(result.ok).toBe(false);
    const issue = result.ok ? undefined : result.issues.find((i) => i.code === 'scqf.missing-section');
    expect(issue?.row).toBe(82);
  });

  it('refuses a numbered list with a requirement missing', () => {
    // Line 55 is "3. Planning and scheduling projects ...".
    const result = parseScqf(editLines(55, 55), FILE);
    expect(issueCodes(result)).toContain('scqf.numbering');
  });

  it('refuses a work situation missing from the text but listed in the contents', () => {
    // Lines 266-297 are the "Producing and testing automation scripts" work situation.
    const result = parseScqf(editLines(266, 297), FILE);
    expect(issueCodes(result)).toContain('scqf.work-situation-count');
  });

  it('lists every problem at once', () => {
    // Line 7 is "Approved by: ...", line 55 a performance requirement, line 339 the meta-skill names.
    const lines = seed.split('\n');
    lines[6] = 'Approved by:';
    lines[54] = '';
    lines[338] = '| | | | | | | | | | | | | |';
    const result = parseScqf(lines.join('\n'), FILE);
    expect(issueCodes(result)).toEqual(expect.arrayContaining(['scqf.missing-field', 'scqf.numbering', 'scqf.matrix-header']));
  });

  it('refuses a tick cell that is neither a tick nor empty', () => {
    const lines = seed.split('\n');
    lines[339] = lines[339]?.replace('| ✓ |', '| maybe |') ?? '';
    const result = parseScqf(lines.join('\n'), FILE);
    expect(issueCodes(result)).toEqual(['scqf.matrix-cell']);
    expect(result.ok ? undefined : result.issues[0]?.row).toBe(340);
  });
});
