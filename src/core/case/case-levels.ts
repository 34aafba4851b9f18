import { LEVEL_IDS, type LevelId } from '../model/framework.ts';
import type { CaseNodeInput } from './read-case-package.ts';

/**
 * Recognising proficiency levels in a package (shared/case/README.md §3): items whose type says
 * level ("Proficiency Level", "Range ALD", "Achievement Level"), whose label is a level
 * ("Level 2: Skills and Concepts", "Proficient"), or whose code says one (`M-DOK3`), mapped
 * onto Skillscope's four levels by name, else by number (Level 1 is emerging ... Level 4
 * advanced). A package with levels numbered past 4 cannot be mapped and is read without levels.
 */
const LEVEL_TYPE = /\b(proficiency|performance|achievement|mastery|skill|competency|cognitive|dok)\s+levels?\b|^levels?$|\bALDs?\b|achievement level descriptors?|depth of knowledge/i;
const LEVEL_WORD = /^(emerging|developing|proficient|advanced)\b/i;
const LEVEL_NUMBER = /^level\s*([0-9]+)\b/i;
const CODE_NUMBER = /\bDOK\s*-?\s*([0-9]+)$/i;

/** The short label a level goes by: its abbreviated statement, or a short full statement. */
export function levelLabel(node: CaseNodeInput): string {
  if (node.abbreviatedStatement !== '') return node.abbreviatedStatement;
  return node.fullStatement.length <= 80 ? node.fullStatement : '';
}

export type LevelSign = { word: LevelId | null; number: number | null };

/** What marks an item as a level, or null when nothing does. */
export function levelSign(node: CaseNodeInput): LevelSign | null {
  const label = levelLabel(node);
  const word = LEVEL_WORD.exec(label)?.[1]?.toLowerCase() as LevelId | undefined;
  const numberText = LEVEL_NUMBER.exec(label)?.[1] ?? CODE_NUMBER.exec(node.humanCodingScheme)?.[1];
  const number = numberText === undefined ? null : Number(numberText);
  const typed = LEVEL_TYPE.test(node.itemType) && !/grade/i.test(node.itemType);
  // A label that merely starts with a level word ("Advanced Topics") is a level only with a level type.
  const wordIsLevel = word !== undefined && (typed || label.toLowerCase() === word);
  if (!typed && !wordIsLevel && number === null) return null;
  return { word: wordIsLevel ? (word ?? null) : null, number };
}

/** A sign mapped onto a level: by word, else by number when the package's numbers run within 1 to 4. */
export function mapLevel(sign: LevelSign, numbersFit: boolean): LevelId | null {
  if (sign.word !== null) return sign.word;
  if (sign.number !== null && numbersFit) return LEVEL_IDS[sign.number - 1] ?? null;
  return null;
}

/** A rubric column's quality ("Proficient", "Level 3") as a level, by name or number only. */
export function levelOfQuality(quality: string): LevelId | null {
  const word = LEVEL_WORD.exec(quality.trim())?.[1]?.toLowerCase();
  if (word !== undefined && quality.trim().toLowerCase() === word) return word as LevelId;
  const number = LEVEL_NUMBER.exec(quality.trim())?.[1];
  return number === undefined ? null : (LEVEL_IDS[Number(number) - 1] ?? null);
}
