import { OTHER_GROUPS, type OtherGroup, type SurveyResponse } from '../model/response.ts';
import { type GroupCounts, groupIndex, OTHERS, type ScoreGroup } from './score-groups.ts';

export type ShownComment = {
  /** Where it was asked: a page id or `general`. */
  topic: string;
  text: string;
};

export type GroupComments = { group: ScoreGroup; comments: ShownComment[] };

/**
 * DESIGN.md "Anonymity": a comment is shown only under a shown group, never with a rater's name
 * or in submission order. `shown` are the groups whose comments may be shown, as
 * decideCommentGroups (anonymity.ts) decides them with the comment threshold; this only gathers
 * them. Responses carry no names; the order is taken away by sorting on topic then text
 * (code-unit order, the same on every machine). Blank comments are left out.
 */
export function collectComments(responses: readonly SurveyResponse[], shown: readonly ScoreGroup[]): GroupComments[] {
  // Most responses carry no comment (a CSV cannot): only those that do are looked at per group.
  const commented = responses.filter((response) => response.comments.size > 0);
  return shown.map((group) => {
    const g = groupIndex(group);
    const comments: ShownComment[] = [];
    for (const response of commented) {
      const r = groupIndex(response.raterGroup);
      const inGroup = g === OTHERS ? r !== 0 : r === g;
      if (!inGroup) continue;
      for (const [topic, text] of response.comments) {
        if (text.trim() !== '') comments.push({ topic, text });
      }
    }
    comments.sort((a, b) => compareText(a.topic, b.topic) || compareText(a.text, b.text));
    return { group, comments };
  });
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A section of comments on a profile: a shown group's own, or those of the raters in no group
 * shown on its own, with the groups they combine (`allOthers` when that is every rater group).
 */
export type CommentSection =
  | { kind: 'group'; group: ScoreGroup; comments: ShownComment[] }
  | { kind: 'combined'; combines: OtherGroup[]; allOthers: boolean; comments: ShownComment[] };

/**
 * Where a comment is shown on a profile (issue 14): once, under the most specific group shown
 * with comments. `placeComments` turns the per-group lists of collectComments (in which `others`
 * repeats every rater group's comments) into sections:
 * - self and each rater group shown with its comments, as collected;
 * - the comments of `others` that belong to no rater group in that list (its remainder), in a
 *   section that names the groups it combines: the rater groups with responses that are not
 *   shown on their own. When no rater group is, that is all of `others`.
 * The remainder is `others`' comments minus those of the groups shown, as a multiset of (topic,
 * text) pairs, so it needs no rater identity: it is exactly what anyone could work out by
 * subtracting the sections already shown from `others`, which the anonymity rule makes safe
 * (DESIGN.md: the remainder is 0 or at least its bar). Order stays topic then text.
 */
export function placeComments(comments: readonly GroupComments[], counts: GroupCounts): CommentSection[] {
  const sections: CommentSection[] = [];
  const ownGroups = new Set<OtherGroup>();
  const left = new Map<string, number>();
  const key = (comment: ShownComment) => JSON.stringify([comment.topic, comment.text]);
  for (const entry of comments) {
    if (entry.group === 'others') continue;
    sections.push({ kind: 'group', group: entry.group, comments: entry.comments });
    if (entry.group === 'self') continue;
    ownGroups.add(entry.group);
    for (const comment of entry.comments) left.set(key(comment), (left.get(key(comment)) ?? 0) + 1);
  }
  const others = comments.find((entry) => entry.group === 'others');
  if (others === undefined) return sections;
  const remainder = others.comments.filter((comment) => {
    const owed = left.get(key(comment)) ?? 0;
    if (owed === 0) return true;
    left.set(key(comment), owed - 1);
    return false;
  });
  const combines = OTHER_GROUPS.filter((group) => counts[group] > 0 && !ownGroups.has(group));
  sections.push({ kind: 'combined', combines, allOthers: ownGroups.size === 0, comments: remainder });
  return sections;
}
