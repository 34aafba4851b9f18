import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/core/model/framework.ts';
import type { Result } from '../../../src/core/model/result.ts';
import { validateFramework } from '../../../src/core/model/validate-framework.ts';
import { looksLikeItGeneralist, parseItGeneralist } from '../../../src/core/parse/it-generalist.ts';

const FILE = '003_dc02c747e2b8d488.txt';
const seed = readFileSync(new URL(`../../../seeds/${FILE}`, import.meta.url), 'utf8');

function parsed(text = seed): Framework {
  const result = parseItGeneralist(text, FILE);
  if (!result.ok) throw new Error(`expected the seed to parse: ${JSON.stringify(result.issues)}`);
  return result.value;
}

function issueCodes(result: Result<Framework>): string[] {
  return result.ok ? [] : result.issues.map((issue) => issue.code);
}

function statement(framework: Framework, id: string) {
  return framework.statements.find((candidate) => candidate.id === id);
}

/** The seed with its line `row` (1-based) replaced by `replacement` (none: removed). */
function editLine(row: number, ...replacement: string[]): string {
  const lines = seed.split('\n');
  lines.splice(row - 1, 1, ...replacement);
  return lines.join('\n');
}

function info(framework: Framework, id: string): string[] | undefined {
  return framework.info.find((section) => section.id === id)?.items;
}

describe('parseItGeneralist on the IT Generalist apprenticeship checklist', () => {
  const framework = parsed();

  it('builds the it-generalist framework, which passes validation', () => {
    expect(framework.id).toBe('it-generalist');
    expect(framework.title).toBe('IT Generalist');
    expect(validateFramework(framework)).toEqual([]);
  });

  it('has no levels: every competency is unlevelled and signing them all off is proficient', () => {
    expect(framework.levels).toEqual([]);
    expect(framework.standardLevel).toBe('proficient');
    expect(framework.statements.every((s) => s.level === null)).toBe(true);
  });

  it('reads the 7 competency areas in source order, every one mandatory', () => {
    expect(framework.domains.map((d) => [d.id, d.title])).toEqual([
      ['workstations-and-access', 'Sets up and removes employee or client workstations or devices, including setting up access controls'],
      ['hardware-software-support', 'Installs, provides user support for, or troubleshoots hardware and commercial software'],
      ['av-and-conferencing', 'Supports internal or external clients in the use of audio/visual technology and conference technology'],
      ['networks', 'Installs, maintains and troubleshoots networks'],
      ['software-modifications', 'Makes minor software modifications to improve performance or customize to user needs'],
      ['web-content-and-access', 'Assists in maintaining or updating web content and manages user access profiles and authorities'],
      ['network-security', 'Monitors and helps maintain network security by adhering to security policies'],
    ]);
    expect(framework.domains.every((d) => d.kind === 'competency-area' && d.mandatory)).toBe(true);
  });

  it('rates the 45 lettered competencies, as many per area as the seed letters', () => {
    // Counted by hand in the seed: A-I, A-F, A-F, A-H, A-D, A-E, A-G.
    const expected: [string, number][] = [
      ['workstations-and-access', 9],
      ['hardware-software-support', 6],
      ['av-and-conferencing', 6],
      ['networks', 8],
      ['software-modifications', 4],
      ['web-content-and-access', 5],
      ['network-security', 7],
    ];
    for (const [domain, count] of expected) {
      const inArea = framework.statements.filter((s) => s.domain === domain);
      expect(inArea, domain).toHaveLength(count);
      expect(inArea.map((s) => s.source)).toEqual([...'ABCDEFGHI'].slice(0, count).map((letter) => `Competency ${letter}`));
    }
    expect(framework.statements).toHaveLength(45);
  });

  it('keeps the wording of each competency exactly, numbered through its area', () => {
    expect(statement(framework, 'workstations-and-access-01')).toEqual({
      id: 'workstations-and-access-01',
      text: 'Sets up desktop, laptop and other devices for employees',
      level: null,
      domain: 'workstations-and-access',
      source: 'Competency A',
    });
    expect(statement(framework, 'workstations-and-access-09')?.text).toBe(
      'Removes users from network, archives data and files, removes workstations and disables devices for users exiting the organization or prohibited from using IT resources',
    );
    expect(statement(framework, 'hardware-software-support-06')?.text).toBe(
      'Prioritizes "tickets" or requests for help based on business need, staff hierarchy or urgency of problems',
    );
    expect(statement(framework, 'networks-08')).toMatchObject({
      text: 'Assists in monitoring server use, efficacy of data back-up and storage systems and integrity of redundant systems or technologies',
      source: 'Competency H',
    });
    expect(statement(framework, 'network-security-07')?.text).toBe(
      'Assists in or monitors use of back-up technologies and network redundancies to minimize risk',
    );
  });

  it('does not rate the sign-off table headings', () => {
    expect(framework.statements.some((s) => ['Competencies', 'Date Completed', 'Initial'].includes(s.text))).toBe(false);
  });

  it('shows the programme facts beside the competencies', () => {
    expect(info(framework, 'job-description')).toEqual([
      'Set up technology for employees, maintain internal networks, support telework functions, and provide help desk support',
    ]);
    expect(info(framework, 'rapids-code')).toEqual(['1059CB']);
    expect(info(framework, 'onet-code')).toEqual(['15-1151.00']);
    expect(info(framework, 'program-length')).toEqual(['1 year']);
    expect(info(framework, 'apprenticeship-type')).toEqual(['Competency-Based']);
    expect(info(framework, 'sign-off-checklist')?.[0]).toMatch(/sign-off checklist/);
  });

  it('credits its source file', () => {
    expect(framework.attributions).toHaveLength(1);
    expect(framework.attributions[0]?.sourceFile).toBe(FILE);
    expect(framework.attributions[0]?.text).toContain('1059CB');
  });

  it('recognises the IT Generalist checklist and not the SCQF profile', () => {
    expect(looksLikeItGeneralist(seed)).toBe(true);
    const scqf = readFileSync(new URL('../../../seeds/002_3d0578821ae78574.txt', import.meta.url), 'utf8');
    expect(looksLikeItGeneralist(scqf)).toBe(false);
  });

  it('reads the same framework from a file saved with CRLF line ends', () => {
    expect(parsed(seed.replace(/\n/g, '\r\n'))).toEqual(framework);
  });

  it('joins a competency that the layout broke over two lines', () => {
    // Line 17 is "A. Sets up desktop, laptop and other devices for employees".
    const wrapped = editLine(17, '\tA. Sets up desktop, laptop and other', '\tdevices for employees');
    expect(statement(parsed(wrapped), 'workstations-and-access-01')?.text).toBe('Sets up desktop, laptop and other devices for employees');
  });
});

describe('parseItGeneralist on bad input', () => {
  it('refuses an empty file without throwing', () => {
    const result = parseItGeneralist('', 'empty.txt');
    expect(result.ok).toBe(false);
    expect(issueCodes(result)).toEqual(['it-generalist.empty']);
  });

  it('refuses a file cut short in the last area, naming the file', () => {
    const result = parseItGeneralist(seed.split('\n').slice(0, 230).join('\n'), 'cut.txt');
    expect(issueCodes(result)).toEqual(['it-generalist.truncated']);
    expect(result.ok ? undefined : result.issues[0]?.file).toBe('cut.txt');
  });

  it('refuses an area with a competency missing, at the row of the next letter', () => {
    // Line 25 is "C. Sets up user identifications and passwords ...", so D at line 29 is out of place.
    const result = parseItGeneralist(editLine(25, ''), FILE);
    expect(issueCodes(result)).toEqual(['it-generalist.lettering']);
    expect(result.ok ? undefined : result.issues[0]?.row).toBe(29);
  });

  it('refuses text in a sign-off table that is not a lettered competency', () => {
    // Line 62 is an empty sign-off cell under competency A of the second area.
    const result = parseItGeneralist(editLine(62, '', 'see the handbook'), FILE);
    expect(issueCodes(result)).toEqual(['it-generalist.stray-line']);
  });

  it('lists every problem at once', () => {
    // Line 5 is the RAPIDS code, line 10 the apprenticeship type, line 25 competency C.
    const lines = seed.split('\n');
    lines[4] = '\tRAPIDS Code:';
    lines[9] = '\tApprenticeship Type:\t ☐ Competency-Based\t\t☐ Time-Based\t\t☐ Hybrid';
    lines[24] = '';
    const result = parseItGeneralist(lines.join('\n'), FILE);
    expect(issueCodes(result)).toEqual(['it-generalist.missing-field', 'it-generalist.apprenticeship-type', 'it-generalist.lettering']);
  });

  it('refuses a text without any competency area', () => {
    const result = parseItGeneralist('IT Generalist\nRAPIDS Code: 1059CB\n', 'short.txt');
    expect(result.ok).toBe(false);
    expect(issueCodes(result)).toEqual(expect.arrayContaining(['it-generalist.missing-section', 'framework.no-statements']));
  });
});
