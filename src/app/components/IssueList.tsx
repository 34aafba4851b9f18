import { type Issue, issueParts } from '../../core/model/result.ts';

/** Every problem of a refused file, each with its file, row and field (DESIGN.md). */
export function IssueList({ title, issues }: { title: string; issues: readonly Issue[] }) {
  const shown = issues.slice(0, 200);
  return (
    <div className="banner banner-error" role="alert">
      <p><strong>{title}</strong> Fix these and try again.</p>
      <ul className="issue-list">
        {shown.map((issue, index) => {
          const { where, path, message } = issueParts(issue);
          return (
            <li key={index}>
              {[where, path].filter((part) => part !== '').join(', ')}
              {': '}{message}
            </li>
          );
        })}
      </ul>
      {issues.length > shown.length && <p>…and {issues.length - shown.length} more.</p>}
    </div>
  );
}
