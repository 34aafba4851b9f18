/**
 * One model for every framework Skillscope knows, levelled (emerging to advanced) or not
 * (work situations, competency areas). Ids, not positions, join statements to survey questions,
 * CSV columns and chart labels (STYLE.md), so every id here is stable and readable.
 */

export const LEVEL_IDS = ['emerging', 'developing', 'proficient', 'advanced'] as const;
export type LevelId = (typeof LEVEL_IDS)[number];

export const LEVEL_LABELS: Readonly<Record<LevelId, string>> = {
  emerging: 'Emerging',
  developing: 'Developing',
  proficient: 'Proficient',
  advanced: 'Advanced',
};

export function isLevelId(value: unknown): value is LevelId {
  return typeof value === 'string' && (LEVEL_IDS as readonly string[]).includes(value);
}

export type Level = {
  id: LevelId;
  label: string;
  /** Why these statements sit at this level, where the source does not say (e.g. css-ai-at-work). */
  description: string;
};

/** What a framework's groups of statements are called in its source. */
export type DomainKind = 'domain' | 'competency-area' | 'work-situation' | 'competency-group';

export type Domain = {
  id: string;
  title: string;
  kind: DomainKind;
  description: string;
  /** False for optional work situations (scqf-it-support); true everywhere else. */
  mandatory: boolean;
};

export type Statement = {
  /** Lower-case kebab, unique in the framework, from its place in the source: `emerging-01`. */
  id: string;
  /** The statement as the source words it, source tags removed, kept otherwise exactly. */
  text: string;
  /** Null in frameworks whose source has no levels. */
  level: LevelId | null;
  /** Null in frameworks that have no domains (css-occupational, css-ai-at-work). */
  domain: string | null;
  /** Where the statement comes from: the citations stripped from its text, a letter, a number. */
  source: string;
  /**
   * The 1EdTech CASE item this statement was imported from, kept so that a response can name the
   * CASE item it rated and a re-export keeps the item's identity. Absent for other sources.
   */
  caseItem?: CaseItemRef;
};

/** A CASE item's identifier (usually a UUID) and URI, exactly as its package gave them. */
export type CaseItemRef = { identifier: string; uri: string };

/** Information a learner would want beside the statements: not rated, shown in the app. */
export type InfoSection = {
  id: string;
  title: string;
  items: string[];
};

/** A yes/no grid from the source, such as SCQF's meta-skills by work situation. */
export type AlignmentMatrix = {
  id: string;
  title: string;
  /** Row labels (e.g. meta-skills). */
  rows: string[];
  /** Column ids, domain ids where the columns are the framework's domains. */
  columns: string[];
  /** cells[row][column] */
  cells: boolean[][];
};

export type Attribution = {
  publisher: string;
  /** The text to show wherever the framework's content is shown or exported. */
  text: string;
  /** Null where the source gives no licence. */
  licence: string | null;
  /** The seed or file it was read from. */
  sourceFile: string;
};

export type Framework = {
  id: string;
  title: string;
  version: string;
  description: string;
  attributions: Attribution[];
  /**
   * Levelled frameworks list all four levels in order; the others list none, and their attained
   * level is `standardLevel` when the whole framework or a domain meets the bar (README).
   */
  levels: Level[];
  /** For frameworks without levels: the level a learner who meets every requirement has. */
  standardLevel: LevelId;
  domains: Domain[];
  statements: Statement[];
  info: InfoSection[];
  alignments: AlignmentMatrix[];
};

export function isLevelled(framework: Framework): boolean {
  return framework.levels.length > 0;
}
