import type { SurveyResponse } from '../model/response.ts';
import { groupIndex, OTHERS, type ScoreGroup } from './score-groups.ts';

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
  return shown.map((group) => {
    const g = groupIndex(group);
    const comments: ShownComment[] = [];
    for (const response of responses) {
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
