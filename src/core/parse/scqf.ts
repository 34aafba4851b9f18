import type { Domain, Framework, InfoSection, Statement } from '../model/framework.ts';
import { kebab, statementId } from '../model/ids.ts';
import { fail, type Issue, inFile, ok, type Result } from '../model/result.ts';
import { validateFramework } from '../model/validate-framework.ts';
import { readMetaSkillsAlignment, readStandardsAlignment, type WorkSituationRef } from './scqf-alignment.ts';
import { findLine, readParagraphs } from './scqf-text.ts';
import { type Line, splitLines } from './text-lines.ts';
import { readWorkSituations, type WorkSituation } from './scqf-work-situations.ts';

/**
 * Seed 002: the SCQF level 8 Technical Apprenticeship occupation profile (IT Support Pathway).
 * Work situations become domains, their performance requirements the rated statements; the
 * knowledge requirements, meta-skills and standards are shown beside them, not rated.
 */

export const SCQF_FRAMEWORK_ID = 'scqf-it-support';

/**
 * Short, stable domain ids for the work situations of this profile, keyed by the contents
 * table's title (lower case). A title not listed here gets the kebab of its title.
 */
const DOMAIN_IDS = new Map<string, string>([
  ['applying methods and principles in project management', 'project-management'],
  ['supporting digital business transformation', 'digital-transformation'],
  ['developing meta-skills and personal professionalism', 'meta-skills-professionalism'],
  ['responding to digital technology service requests', 'service-requests'],
  ['maintaining service support procedures', 'service-support'],
  ['providing digital technology asset management', 'asset-management'],
  ['producing and testing automation scripts', 'automation-scripts'],
  ['producing service management reports and metrics', 'service-reports'],
]);

const MATRIX_HEADING = 'The relationship between meta-skills and work situations';
const STANDARDS_HEADING = 'The relationship between National Occupational Standards and work situations';

export function looksLikeScqf(text: string): boolean {
  return /\bSCQF Level \d+/i.test(text) && /^\s*Goal of work situations?:/im.test(text) && /^\s*Performance requirements\s*$/im.test(text);
}

export function parseScqf(text: string, file: string): Result<Framework> {
  if (text.trim() === '') {
    return fail([{ code: 'scqf.empty', file, path: '', message: 'The file is empty: an SCQF occupation profile was expected.' }]);
  }
  const lines = splitLines(text);
  const issues: Omit<Issue, 'file'>[] = [];

  const title = lines.find((line) => /\bSCQF Level \d+/i.test(line.text))?.text ?? '';
  if (title === '') issues.push({ code: 'scqf.missing-title', path: 'title', message: 'No title naming the SCQF level was found.' });
  const approvedBy = readField(lines, 'Approved by', issues);
  const approvedDate = readField(lines, 'Approved date', issues);
  const purpose = readPurpose(lines, issues);

  const matrixAt = findLine(lines, MATRIX_HEADING);
  const standardsAt = findLine(lines, STANDARDS_HEADING);
  if (matrixAt === -1) {
    issues.push({ code: 'scqf.missing-section', path: 'metaSkills', message: `No "${MATRIX_HEADING}" section was found: is the file cut short?` });
  }
  const bodyEnd = [matrixAt, standardsAt, lines.length].filter((at) => at !== -1).reduce((a, b) => Math.min(a, b));
  const { situations, optionalNotes } = readWorkSituations(lines, bodyEnd, issues);

  const domains = situations.map(toDomain);
  const refs: WorkSituationRef[] = domains.map(({ id, title: domainTitle }) => ({ id, title: domainTitle }));
  const matrixEnd = standardsAt > matrixAt ? standardsAt : lines.length;
  const metaSkills = matrixAt === -1 ? null : readMetaSkillsAlignment(lines, matrixAt, matrixEnd, refs, issues);
  const standards = standardsAt === -1 ? null : readStandardsAlignment(lines, standardsAt, refs, issues);

  const info: InfoSection[] = [
    { id: 'about', title: 'About this occupation profile', items: [...purpose, `Approved by: ${approvedBy}`, `Approved date: ${approvedDate}`] },
  ];
  if (optionalNotes.length > 0) info.push({ id: 'optional-work-situations', title: 'Optional work situations', items: optionalNotes });
  situations.forEach((situation, index) => {
    const domain = domains[index] as Domain;
    info.push({
      id: `${domain.id}-knowledge`,
      title: `${situation.title}: knowledge and understanding requirements`,
      items: situation.knowledge.map((item) => item.text),
    });
  });
  if (metaSkills !== null) {
    info.push({ id: 'meta-skills', title: 'Meta-skills', items: metaSkills.matrix.rows });
    if (metaSkills.notes.length > 0) info.push({ id: 'meta-skills-alignment-notes', title: 'About the meta-skills alignment', items: metaSkills.notes });
  }
  if (standards !== null && standards.items.length > 0) {
    info.push({ id: 'national-occupational-standards', title: 'National Occupational Standards alignment', items: [...standards.intro, ...standards.items] });
  }

  const framework: Framework = {
    id: SCQF_FRAMEWORK_ID,
    title,
    version: approvedDate,
    description: purpose.join('\n\n'),
    attributions: [
      {
        publisher: approvedBy,
        text: `${title}, occupation profile. Approved by: ${approvedBy}. Approved date: ${approvedDate}.`,
        licence: null,
        sourceFile: file,
      },
    ],
    levels: [],
    // Meeting every requirement of an apprenticeship standard is working independently (README).
    standardLevel: 'proficient',
    domains,
    statements: situations.flatMap((situation, index) => toStatements(situation, domains[index] as Domain)),
    info,
    alignments: metaSkills === null ? [] : [metaSkills.matrix],
  };
  issues.push(...validateFramework(framework));
  return issues.length > 0 ? fail(inFile(file, issues)) : ok(framework);
}

function toDomain(situation: WorkSituation): Domain {
  return {
    id: DOMAIN_IDS.get(situation.title.toLowerCase()) ?? kebab(situation.title),
    title: situation.title,
    kind: 'work-situation',
    description: `Goal: ${situation.goal}\n\nBrief outline: ${situation.outline}`,
    mandatory: situation.mandatory,
  };
}

function toStatements(situation: WorkSituation, domain: Domain): Statement[] {
  return situation.performance.map((item) => ({
    id: statementId(domain.id, item.number),
    text: item.text,
    level: null,
    domain: domain.id,
    source: `Performance requirement ${item.number}`,
  }));
}

/** `Approved by: X` -> X, with an issue where the line is missing or empty. */
function readField(lines: readonly Line[], label: string, issues: Omit<Issue, 'file'>[]): string {
  const prefix = `${label.toLowerCase()}:`;
  const line = lines.find((candidate) => candidate.text.toLowerCase().startsWith(prefix));
  const value = line?.text.slice(prefix.length).trim() ?? '';
  if (value === '') {
    issues.push({ code: 'scqf.missing-field', path: kebab(label), ...(line === undefined ? {} : { row: line.row }), message: `No "${label}:" line with a value was found.` });
  }
  return value;
}

/** The paragraphs between "Purpose:" and "Contents". */
function readPurpose(lines: readonly Line[], issues: Omit<Issue, 'file'>[]): string[] {
  const at = findLine(lines, 'Purpose:');
  const contentsAt = findLine(lines, 'Contents', at + 1);
  const purpose = at === -1 ? [] : readParagraphs(lines, at + 1, contentsAt === -1 ? at + 1 : contentsAt);
  if (purpose.length === 0) {
    issues.push({ code: 'scqf.missing-section', path: 'purpose', message: 'No "Purpose:" paragraph followed by "Contents" was found.' });
  }
  return purpose;
}
