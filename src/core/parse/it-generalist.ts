import type { Domain, Framework, InfoSection, Statement } from '../model/framework.ts';
import { kebab, statementId } from '../model/ids.ts';
import { fail, type Issue, inFile, ok, type Result } from '../model/result.ts';
import { validateFramework } from '../model/validate-framework.ts';
import { type CompetencyArea, readCompetencyAreas } from './it-generalist-checklist.ts';
import { type Line, splitLines } from './text-lines.ts';

/**
 * Seed 003: the IT Generalist apprenticeship (RAPIDS 1059CB), a competency-based sign-off
 * checklist. Competency areas become domains, their lettered competencies the rated statements.
 */

export const IT_GENERALIST_FRAMEWORK_ID = 'it-generalist';

/**
 * Short, stable ids for the competency areas, keyed by the source's area heading (lower case):
 * the headings are whole sentences. An area not listed here gets the kebab of its heading.
 */
const AREA_IDS = new Map<string, string>([
  ['sets up and removes employee or client workstations or devices, including setting up access controls', 'workstations-and-access'],
  ['installs, provides user support for, or troubleshoots hardware and commercial software', 'hardware-software-support'],
  ['supports internal or external clients in the use of audio/visual technology and conference technology', 'av-and-conferencing'],
  ['installs, maintains and troubleshoots networks', 'networks'],
  ['makes minor software modifications to improve performance or customize to user needs', 'software-modifications'],
  ['assists in maintaining or updating web content and manages user access profiles and authorities', 'web-content-and-access'],
  ['monitors and helps maintain network security by adhering to security policies', 'network-security'],
]);

const END_MARKER = 'Suggested Related Instruction Outline';

type Issues = Omit<Issue, 'file'>[];

export function looksLikeItGeneralist(text: string): boolean {
  return /^\s*IT Generalist\s*$/im.test(text) && /^\s*RAPIDS Code:/im.test(text) && /^\s*Competencies\s*$/im.test(text);
}

export function parseItGeneralist(text: string, file: string): Result<Framework> {
  if (text.trim() === '') {
    return fail([{ code: 'it-generalist.empty', file, path: '', message: 'The file is empty: the IT Generalist checklist was expected.' }]);
  }
  const lines = splitLines(text);
  const issues: Issues = [];

  const title = lines.find((line) => line.text !== '')?.text ?? '';
  const jobDescription = readField(lines, 'Job Description', issues);
  const rapidsCode = readField(lines, 'RAPIDS Code', issues);
  const onetCode = readField(lines, 'O*NET Code', issues);
  const programLength = readField(lines, 'Estimated Program Length', issues);
  const apprenticeshipType = readCheckedType(lines, issues);

  // The checklist ends where the related instruction outline begins; without it, the file is cut.
  const endAt = lines.findIndex((line) => line.text.toLowerCase() === END_MARKER.toLowerCase());
  if (endAt === -1) {
    issues.push({
      code: 'it-generalist.truncated',
      path: 'areas',
      message: `No "${END_MARKER}" after the competencies: the file looks cut short, so the last area may be incomplete.`,
    });
  }
  const areas = readCompetencyAreas(lines, endAt === -1 ? lines.length : endAt, issues);
  const instructionHours = endAt === -1 ? '' : readOptionalField(lines.slice(endAt), 'Suggested Related Instruction Hours');

  const domains = areas.map(toDomain);
  const info: InfoSection[] = [
    { id: 'job-description', title: 'Job description', items: [jobDescription] },
    { id: 'rapids-code', title: 'RAPIDS code', items: [rapidsCode] },
    { id: 'onet-code', title: 'O*NET code', items: [onetCode] },
    { id: 'program-length', title: 'Estimated program length', items: [programLength] },
    { id: 'apprenticeship-type', title: 'Apprenticeship type', items: [apprenticeshipType] },
    {
      id: 'sign-off-checklist',
      title: 'Sign-off checklist',
      items: [
        'The source is a sign-off checklist: beside each competency, the date it was completed and the initials of the person who signed it off.',
      ],
    },
  ];
  if (instructionHours !== '') {
    info.push({ id: 'related-instruction', title: 'Suggested related instruction', items: [`${instructionHours} hours`] });
  }

  const framework: Framework = {
    id: IT_GENERALIST_FRAMEWORK_ID,
    title,
    version: rapidsCode,
    description: jobDescription,
    attributions: [
      {
        publisher: 'U.S. Registered Apprenticeship (RAPIDS)',
        text: `${title} apprenticeship work process schedule, RAPIDS code ${rapidsCode}, O*NET code ${onetCode}.`,
        licence: null,
        sourceFile: file,
      },
    ],
    levels: [],
    // Signed off on every competency = working independently (README).
    standardLevel: 'proficient',
    domains,
    statements: areas.flatMap((area, index) => toStatements(area, domains[index] as Domain)),
    info,
    alignments: [],
  };
  issues.push(...validateFramework(framework));
  return issues.length > 0 ? fail(inFile(file, issues)) : ok(framework);
}

function toDomain(area: CompetencyArea): Domain {
  return {
    id: AREA_IDS.get(area.title.toLowerCase()) ?? kebab(area.title),
    title: area.title,
    kind: 'competency-area',
    description: '',
    mandatory: true,
  };
}

function toStatements(area: CompetencyArea, domain: Domain): Statement[] {
  return area.competencies.map((competency, index) => ({
    id: statementId(domain.id, index + 1),
    text: competency.text,
    level: null,
    domain: domain.id,
    source: `Competency ${competency.letter}`,
  }));
}

function findField(lines: readonly Line[], label: string): Line | undefined {
  const prefix = `${label.toLowerCase()}:`;
  return lines.find((line) => line.text.toLowerCase().startsWith(prefix));
}

function readOptionalField(lines: readonly Line[], label: string): string {
  return findField(lines, label)?.text.slice(label.length + 1).trim() ?? '';
}

/** `Label: value` -> value, with an issue where the line is missing or empty. */
function readField(lines: readonly Line[], label: string, issues: Issues): string {
  const value = readOptionalField(lines, label);
  if (value === '') {
    const line = findField(lines, label);
    issues.push({ code: 'it-generalist.missing-field', path: kebab(label), ...(line === undefined ? {} : { row: line.row }), message: `No "${label}:" line with a value was found.` });
  }
  return value;
}

/** "Apprenticeship Type: ☒ Competency-Based ☐ Time-Based ☐ Hybrid" -> the one ticked. */
function readCheckedType(lines: readonly Line[], issues: Issues): string {
  const line = findField(lines, 'Apprenticeship Type');
  const checked = [...(line?.text.matchAll(/[☒☑]\s*([^☐☒☑\t]+)/g) ?? [])].map((match) => (match[1] ?? '').trim());
  if (checked.length !== 1) {
    issues.push({
      code: 'it-generalist.apprenticeship-type',
      path: 'apprenticeship-type',
      ...(line === undefined ? {} : { row: line.row }),
      message: line === undefined ? 'No "Apprenticeship Type:" line was found.' : 'The "Apprenticeship Type:" line should have exactly one option ticked (☒).',
    });
  }
  return checked[0] ?? '';
}
