/**
 * Citation chips in the 001 page copy. Each chip's link text is its short label run together with
 * its long title, then the screen-reader hint: "Pathsmith Durable SkillsPathsmith Durable Skills
 * Framework — America Succeeds + CompTIA. Opens in new tab." Statements end with one or more of
 * them; the AI-at-Work "Sources:" line is nothing else.
 */

/** The end of every chip's link text. */
export const CHIP_END = '. Opens in new tab.';

export type SourceTag = {
  /** What the chip shows: `O*NET v30.2`. */
  label: string;
  /** What it stands for, readable on its own: `O*NET Resource Center — … v30.2 (Sept 2025)`. */
  title: string;
};

export type TaggedText = { text: string; tags: SourceTag[] };

/**
 * Splits the chips off the end of a statement. The sentence's own final period, which the page
 * puts after the chips ("…before applying it <chip>."), goes back onto the text. Null when a
 * chip ending is there but its label cannot be told apart from the statement.
 */
export function splitSourceTags(line: string): TaggedText | null {
  let rest = line.trimEnd();
  let sentencePeriod = '';
  if (rest.endsWith(`${CHIP_END}.`)) {
    sentencePeriod = '.';
    rest = rest.slice(0, -1);
  }
  const tags: SourceTag[] = [];
  while (rest.endsWith(CHIP_END)) {
    const body = rest.slice(0, -CHIP_END.length);
    const chip = findChip(body);
    if (chip === null) return null;
    tags.unshift(chip.tag);
    rest = body.slice(0, chip.start).trimEnd();
  }
  return { text: rest + sentencePeriod, tags };
}

/** "Sources:<chip><chip>…<page chrome>": the chips, and whatever follows the last one. */
export function parseSourceList(line: string): { tags: SourceTag[]; remainder: string } | null {
  const pieces = line.replace(/^Sources:\s*/, '').split(CHIP_END);
  const remainder = (pieces.pop() ?? '').trim();
  const tags: SourceTag[] = [];
  for (const piece of pieces) {
    const chip = findChip(piece);
    if (chip === null || piece.slice(0, chip.start).trim() !== '') return null;
    tags.push(chip.tag);
  }
  return { tags, remainder };
}

/** The readable `source` of a statement: its chips' titles. */
export function describeSourceTags(tags: readonly SourceTag[]): string {
  return tags.map((tag) => tag.title).join('; ');
}

/**
 * Finds the last chip in `body` (which ends where its title ends). The label and the title are
 * run together with no space, so the join is a lower-case letter, digit or `)` followed by a
 * capital ("Skills|Pathsmith", "2026|Skill", "v30.2|O*NET"). Titles can hold such pairs too
 * ("Comp|TIA"), so a join only counts when the words before it are words of the title after it:
 * a chip's label is always an abbreviation of its title. Tried from the right, the first join
 * that passes gives the chip.
 */
function findChip(body: string): { start: number; tag: SourceTag } | null {
  const previousChip = body.lastIndexOf(CHIP_END);
  const regionStart = previousChip === -1 ? 0 : previousChip + CHIP_END.length;
  for (let join = body.length - 1; join > regionStart; join -= 1) {
    if (!/[a-z0-9)]/.test(body.charAt(join - 1)) || !/[A-Z]/.test(body.charAt(join))) continue;
    const title = body.slice(join).trim();
    const start = labelStart(body, regionStart, join, titleWords(title));
    if (start !== null) return { start, tag: { label: body.slice(start, join).trim(), title } };
  }
  return null;
}

/** Where the label ending at `join` starts, or null if the word glued to the title is no label word. */
function labelStart(body: string, regionStart: number, join: number, words: ReadonlySet<string>): number | null {
  const fragmentStart = Math.max(regionStart, body.lastIndexOf(' ', join - 1) + 1);
  if (!isLabelWord(body.slice(fragmentStart, join), words)) return null;
  let start = fragmentStart;
  const before = [...body.slice(regionStart, fragmentStart).matchAll(/\S+/g)];
  for (let index = before.length - 1; index >= 0; index -= 1) {
    const token = before[index];
    if (token === undefined || !isLabelWord(token[0], words)) break;
    start = regionStart + token.index;
  }
  return start;
}

/**
 * A label word is a word of the title that is not a lower-case word of the statement's prose
 * ("at", "for" also occur in titles); lower-case words with a digit ("v30.2") are versions.
 */
function isLabelWord(word: string, titleWordSet: ReadonlySet<string>): boolean {
  const bare = stripPunctuation(word);
  if (bare === '' || !titleWordSet.has(bare)) return false;
  return !/^[a-z]/.test(bare) || /\d/.test(bare);
}

function titleWords(title: string): Set<string> {
  return new Set(title.split(/\s+/).map(stripPunctuation).filter((word) => word !== ''));
}

function stripPunctuation(word: string): string {
  return word.replace(/^[([{"']+|[)\]}"',;:.]+$/g, '');
}
