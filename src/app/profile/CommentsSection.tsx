import type { Framework } from '../../core/model/framework.ts';
import type { OtherGroup } from '../../core/model/response.ts';
import { type CommentSection, type GroupComments, placeComments } from '../../core/score/comments.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import type { GroupCounts } from '../../core/score/score-groups.ts';
import { topicLabel } from './profile-labels.ts';

/** Rater groups as a sentence names them: "manager and peers", "peers, direct reports and other raters". */
const NAMES: Readonly<Record<OtherGroup, [string, string]>> = {
  manager: ['manager', 'managers'],
  peer: ['peer', 'peers'],
  'direct-report': ['direct report', 'direct reports'],
  other: ['other rater', 'other raters'],
};

function listGroups(groups: readonly OtherGroup[], counts: GroupCounts): string {
  const names = groups.map((group) => NAMES[group][counts[group] === 1 ? 0 : 1]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function headingOf(section: CommentSection, counts: GroupCounts): string {
  if (section.kind === 'group') return groupLabel(section.group);
  const combined = section.combines.length > 0 ? ` (${listGroups(section.combines, counts)} combined)` : '';
  // With no rater group shown on its own, these are all the raters' comments: the tables call them "All others".
  return `${section.allOthers ? groupLabel('others') : 'Other raters'}${combined}`;
}

/**
 * Comments as core places them (comments.ts, placeComments): each once, under the most specific
 * group shown, and those of groups too small to show together under one heading that names them.
 * No names, sorted by topic and text, so that submission order gives nobody away (DESIGN.md
 * "Anonymity"). The combined section is marked `data-group="others"`: its comments are a part of
 * that shown group's, never a group of their own.
 */
export function CommentsSection({ framework, comments, counts }: { framework: Framework; comments: GroupComments[]; counts: GroupCounts }) {
  const sections = placeComments(comments, counts).filter((section) => section.comments.length > 0);
  return (
    <section aria-labelledby="comments-title" className="comments">
      <h2 id="comments-title">Comments</h2>
      {sections.length === 0 ? <p>No comments yet.</p> : sections.map((section) => {
        const key = section.kind === 'group' ? section.group : 'combined';
        return (
          <section
            key={key}
            aria-labelledby={`comments-${key}`}
            data-group={section.kind === 'group' ? section.group : 'others'}
            {...(section.kind === 'combined' ? { 'data-combines': section.combines.join(' ') } : {})}
          >
            <h3 id={`comments-${key}`}>{headingOf(section, counts)}</h3>
            {section.kind === 'combined' && !section.allOthers && (
              <p className="hint">Comments from raters whose group is too small to be shown on its own, listed together so that no one can be singled out.</p>
            )}
            <ul className="comment-list">
              {section.comments.map((comment, index) => (
                <li key={`${comment.topic}-${index}`}>
                  <span className="comment-topic">{topicLabel(framework, comment.topic)}:</span> <q>{comment.text}</q>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
