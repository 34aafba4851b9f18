import type { Issue } from '../model/result.ts';
import { describeSourceTags, type SourceTag, splitSourceTags } from './css-source-tags.ts';

/** One line of the 001 page copy and its 1-based line number, for issues that point at it. */
export type SourceLine = { text: string; row: number };

/** A list item read off the page: its words, and the chips that were at its end. */
export type TaggedItem = { text: string; source: string; tags: SourceTag[]; row: number };

export function isListItem(line: SourceLine): boolean {
  return line.text.startsWith('- ');
}

/** "- <statement><chips>" -> the statement and its sources; an unreadable chip is an issue. */
export function readTaggedItem(line: SourceLine, path: string, issues: Issue[]): TaggedItem {
  const item = line.text.replace(/^- /, '');
  const split = splitSourceTags(item);
  if (split === null) {
    issues.push({
      code: 'css.unrecognised-source-tag',
      row: line.row,
      path,
      message: 'A citation ("… Opens in new tab.") ends this statement, but its label cannot be told apart from the statement text.',
    });
    return { text: item, source: '', tags: [], row: line.row };
  }
  return { text: split.text, source: describeSourceTags(split.tags), tags: split.tags, row: line.row };
}
