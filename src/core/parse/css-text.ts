import { type Framework, type InfoSection, type Level, LEVEL_IDS, LEVEL_LABELS, type Statement } from '../model/framework.ts';
import { statementId } from '../model/ids.ts';
import { fail, type Issue, inFile, ok, type Result } from '../model/result.ts';
import { validateFramework } from '../model/validate-framework.ts';
import { AI_AT_WORK_LEVEL_BLOCKS, AI_AT_WORK_STATEMENT_COUNT } from './css-ai-at-work-levels.ts';
import { attributePage, attributeSourceTags, NO_FOOTER, type PageFooter, parseFooter } from './css-attributions.ts';
import { isDomainHeading, parseDurableDomains } from './css-durable-skills.ts';
import { parseEvidencePack } from './css-evidence-pack.ts';
import { CHIP_END, parseSourceList, type SourceTag } from './css-source-tags.ts';
import { isListItem, readTaggedItem, type SourceLine } from './css-statement-lines.ts';
import { splitLines } from './text-lines.ts';

/**
 * Seed 001: a text copy of a SkillsCrosswalk.com occupation page holding three frameworks, one
 * after the other (DESIGN.md): the occupational statements under "Context covered", the
 * "AI-at-Work Competency Framework" and the "Pathsmith Durable Skills Framework".
 */

export type CssFrameworks = { occupational: Framework; aiAtWork: Framework; durableSkills: Framework };

const CONTEXT_PREFIX = 'Context covered';
const AI_HEADING = 'AI-at-Work Competency Framework';
const DURABLE_HEADING = 'Pathsmith Durable Skills Framework';
const EVIDENCE_HEADING = 'Evidence pack';
const ANCHORS_HEADING = /source anchors that ground each statement/i;
/** The occupational list is four levels of ten, like the 004 JSON export of the same page. */
const OCCUPATIONAL_PER_LEVEL = 10;
const UNVERSIONED = 'unversioned';

/** Cheap format detection: one of the page's three section openings on a line of its own. */
export function looksLikeCssText(text: string): boolean {
  return /^(?:Context covered|AI-at-Work Competency Framework$|Pathsmith Durable Skills Framework$)/m.test(text);
}

export function parseCssText(text: string, file: string): Result<CssFrameworks> {
  const lines: SourceLine[] = splitLines(text);
  if (lines.every((line) => line.text === '')) {
    return fail([{ code: 'css.empty', file, path: '', message: 'The document is empty.' }]);
  }

  const footerLine = lines.findLast((line) => line.text.startsWith('Sources:') && !line.text.includes(CHIP_END));
  const footer = footerLine === undefined ? NO_FOOTER : parseFooter(footerLine.text);
  const sourceFile = file.split(/[\\/]/).pop() ?? file;
  const contextWith = (issues: Issue[]): ReadContext => ({ lines, footer, sourceFile, issues });

  // Read last to first, since the occupational attribution uses the O*NET citation of the durable
  // skills; issues are listed in document order all the same.
  const durableIssues: Issue[] = [];
  const aiIssues: Issue[] = [];
  const occupationalIssues: Issue[] = [];
  const durable = readDurableSkills(contextWith(durableIssues));
  const aiAtWork = readAiAtWork(contextWith(aiIssues));
  const occupational = readOccupational(contextWith(occupationalIssues), durable?.tags ?? []);
  const issues = [...occupationalIssues, ...aiIssues, ...durableIssues];

  const frameworks = { occupational, aiAtWork, durableSkills: durable?.framework ?? null };
  for (const [key, framework] of Object.entries(frameworks)) {
    if (framework === null) continue;
    issues.push(...validateFramework(framework).map((issue) => ({ ...issue, path: `${key}.${issue.path}` })));
  }
  if (issues.length > 0 || frameworks.occupational === null || frameworks.aiAtWork === null || frameworks.durableSkills === null) {
    return fail(inFile(file, issues));
  }
  return ok({ occupational: frameworks.occupational, aiAtWork: frameworks.aiAtWork, durableSkills: frameworks.durableSkills });
}

type ReadContext = { lines: SourceLine[]; footer: PageFooter; sourceFile: string; issues: Issue[] };

function missingSection(issues: Issue[], path: string, heading: string): null {
  issues.push({ code: 'css.missing-section', path, message: `The document has no "${heading}" section.` });
  return null;
}

/** Consecutive list items from `start`. */
function listItemsFrom(lines: readonly SourceLine[], start: number): SourceLine[] {
  const items: SourceLine[] = [];
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined || !isListItem(line)) break;
    items.push(line);
  }
  return items;
}

function readOccupational({ lines, footer, sourceFile, issues }: ReadContext, pageTags: readonly SourceTag[]): Framework | null {
  const contextIndex = lines.findIndex((line) => line.text.startsWith(CONTEXT_PREFIX));
  if (contextIndex === -1) return missingSection(issues, 'occupational', CONTEXT_PREFIX);
  const contextLine = lines[contextIndex];
  const title = lines.slice(0, contextIndex).findLast((line) => line.text !== '')?.text ?? '';
  const items = listItemsFrom(lines, contextIndex + 1);
  const expected = OCCUPATIONAL_PER_LEVEL * LEVEL_IDS.length;
  if (items.length !== expected) {
    issues.push({
      code: 'css.level-count',
      ...(contextLine === undefined ? {} : { row: contextLine.row }),
      path: 'occupational.statements',
      message: `The "${CONTEXT_PREFIX}" list should hold ${expected} statements (${OCCUPATIONAL_PER_LEVEL} per level); it holds ${items.length}.`,
    });
  }
  const statements = items.map((line, index): Statement => {
    const level = LEVEL_IDS[Math.min(Math.floor(index / OCCUPATIONAL_PER_LEVEL), LEVEL_IDS.length - 1)] ?? 'advanced';
    const number = (index % OCCUPATIONAL_PER_LEVEL) + 1;
    const item = readTaggedItem(line, `occupational.statements[${index}]`, issues);
    const source = item.source === '' ? `${title}, ${LEVEL_LABELS[level]} ${number}` : item.source;
    return { id: statementId(level, number), text: item.text, level, domain: null, source };
  });
  const levels = LEVEL_IDS.map((id, index): Level => ({
    id,
    label: LEVEL_LABELS[id],
    description: `Statements ${index * OCCUPATIONAL_PER_LEVEL + 1}-${(index + 1) * OCCUPATIONAL_PER_LEVEL} of the list: the page gives no level headings, and the JSON export of the same framework lists these under ${id}.`,
  }));
  // The occupational statements carry no chips; the page grounds them in O*NET ("O*NET enrichment").
  const onetTags = pageTags.filter((tag) => tag.label.startsWith('O*NET'));
  return {
    id: 'css-occupational',
    title,
    version: UNVERSIONED,
    description: (contextLine?.text ?? '').slice(CONTEXT_PREFIX.length).trim(),
    attributions: [...attributeSourceTags(onetTags, footer, sourceFile), ...attributePage(title, footer, sourceFile)],
    levels,
    standardLevel: 'proficient',
    domains: [],
    statements,
    info: anchorsInfo(lines),
    alignments: [],
  };
}

function readAiAtWork({ lines, footer, sourceFile, issues }: ReadContext): Framework | null {
  const start = lines.findIndex((line) => line.text === AI_HEADING);
  if (start === -1) return missingSection(issues, 'aiAtWork', AI_HEADING);
  const durableStart = lines.findIndex((line, index) => index > start && line.text === DURABLE_HEADING);
  const section = lines.slice(start + 1, durableStart === -1 ? lines.length : durableStart);
  const evidenceIndex = section.findIndex((line) => line.text === EVIDENCE_HEADING);
  const body = evidenceIndex === -1 ? section : section.slice(0, evidenceIndex);

  const info: InfoSection[] = [];
  const tags: SourceTag[] = [];
  const sourcesLine = body.find((line) => line.text.startsWith('Sources:'));
  if (sourcesLine !== undefined) {
    // What follows the last chip ("Subscriber featureAuthoritative source data …") is page chrome.
    const sources = parseSourceList(sourcesLine.text);
    if (sources === null) {
      issues.push({ code: 'css.unrecognised-source-tag', row: sourcesLine.row, path: 'aiAtWork.info.sources', message: 'The "Sources:" line holds a citation whose label cannot be read.' });
    } else {
      tags.push(...sources.tags);
      info.push({ id: 'sources', title: 'Sources', items: sources.tags.map((tag) => tag.title) });
    }
  }
  const description = body.find((line) => line.text !== '' && line.text !== AI_HEADING && line !== sourcesLine && !isListItem(line));
  const items = body.filter(isListItem);
  if (items.length !== AI_AT_WORK_STATEMENT_COUNT) {
    issues.push({
      code: 'css.ai-at-work-count',
      row: start + 1,
      path: 'aiAtWork.statements',
      message: `The AI-at-Work list should hold the ${AI_AT_WORK_STATEMENT_COUNT} statements whose level boundaries are decided in css-ai-at-work-levels.ts; it holds ${items.length}.`,
    });
  }
  const levelOf = AI_AT_WORK_LEVEL_BLOCKS.flatMap((block) => Array.from({ length: block.count }, () => block.level));
  const perLevel = new Map<string, number>();
  const statements = items.map((line, index): Statement => {
    const level = levelOf[index] ?? 'advanced';
    const number = (perLevel.get(level) ?? 0) + 1;
    perLevel.set(level, number);
    const item = readTaggedItem(line, `aiAtWork.statements[${index}]`, issues);
    tags.push(...item.tags);
    return { id: statementId(level, number), text: item.text, level, domain: null, source: item.source };
  });
  if (evidenceIndex !== -1) {
    info.push(...parseEvidencePack(section.slice(evidenceIndex + 1).filter(isListItem).map((line) => line.text.slice(2).trim())));
  }
  return {
    id: 'css-ai-at-work',
    title: AI_HEADING,
    version: UNVERSIONED,
    description: description?.text ?? '',
    attributions: [...attributeSourceTags(tags, footer, sourceFile), ...attributePage(AI_HEADING, footer, sourceFile)],
    levels: AI_AT_WORK_LEVEL_BLOCKS.map((block) => ({ id: block.level, label: LEVEL_LABELS[block.level], description: block.description })),
    standardLevel: 'proficient',
    domains: [],
    statements,
    info,
    alignments: [],
  };
}

function readDurableSkills({ lines, footer, sourceFile, issues }: ReadContext): { framework: Framework; tags: SourceTag[] } | null {
  const start = lines.findIndex((line) => line.text === DURABLE_HEADING);
  if (start === -1) return missingSection(issues, 'durableSkills', DURABLE_HEADING);
  let first = start + 1;
  while (first < lines.length && lines[first]?.text === DURABLE_HEADING) first += 1;
  const descriptionLine = lines[first];
  const hasDescription = descriptionLine !== undefined && !isDomainHeading(descriptionLine) && !isListItem(descriptionLine);
  const { domains, statements, tags } = parseDurableDomains(lines, hasDescription ? first + 1 : first, issues);
  const levels = LEVEL_IDS.map((id, index): Level => ({
    id,
    label: LEVEL_LABELS[id],
    description: `Quarter ${index + 1} of each domain's statements in source order (2 of 8; 3 of Communication's 12): the page lists each domain from emerging to advanced without level headings.`,
  }));
  const framework: Framework = {
    id: 'css-durable-skills',
    title: DURABLE_HEADING,
    version: UNVERSIONED,
    description: hasDescription ? descriptionLine.text : '',
    attributions: [...attributeSourceTags(tags, footer, sourceFile), ...attributePage(DURABLE_HEADING, footer, sourceFile)],
    levels,
    standardLevel: 'proficient',
    domains,
    statements,
    info: anchorsInfo(lines),
    alignments: [],
  };
  return { framework, tags };
}

/** The O*NET tasks the page says ground its statements (it shows 8 of its "62 anchors"). */
function anchorsInfo(lines: readonly SourceLine[]): InfoSection[] {
  const heading = lines.findIndex((line) => ANCHORS_HEADING.test(line.text));
  if (heading === -1) return [];
  const items = listItemsFrom(lines, heading + 1).map((line) => line.text.slice(2).trim());
  return [{ id: 'onet-source-anchors', title: 'O*NET source anchors: tasks that ground the statements', items }];
}
