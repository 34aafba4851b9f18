import type { Framework } from '../../core/model/framework.ts';
import type { GroupComments } from '../../core/score/comments.ts';
import { topicLabel } from './profile-labels.ts';
import { groupLabel } from '../../core/score/group-names.ts';

/**
 * Comments under shown groups only, as core gives them: no names, sorted by topic and text so
 * that submission order gives nobody away (DESIGN.md "Anonymity").
 */
export function CommentsSection({ framework, comments }: { framework: Framework; comments: GroupComments[] }) {
  const withText = comments.filter((entry) => entry.comments.length > 0);
  return (
    <section aria-labelledby="comments-title" className="comments">
      <h2 id="comments-title">Comments</h2>
      {withText.length === 0 ? <p>No comments yet.</p> : withText.map((entry) => (
        <section key={entry.group} aria-labelledby={`comments-${entry.group}`} data-group={entry.group}>
          <h3 id={`comments-${entry.group}`}>{groupLabel(entry.group)}</h3>
          <ul className="comment-list">
            {entry.comments.map((comment, index) => (
              <li key={`${comment.topic}-${index}`}>
                <span className="comment-topic">{topicLabel(framework, comment.topic)}:</span> <q>{comment.text}</q>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
