import type { Issue } from '../../core/model/result.ts';

/** The page a rater gets for a link that cannot be used: what is wrong, and what to do. */
export function BadLink({ issues }: { issues: readonly Issue[] }) {
  return (
    <section aria-labelledby="bad-link-title">
      <h1 id="bad-link-title">This invitation link does not work</h1>
      <p className="lead">Nothing is wrong on your side: the link is damaged, incomplete or not a Skillscope invitation. Ask the person who invited you to send it again, and copy the whole link.</p>
      {/* Not IssueList: its import wording ("nothing was imported") and field paths mean nothing to a rater. */}
      <div className="banner banner-error" role="alert">
        <p><strong>What is wrong with the link:</strong></p>
        <ul className="issue-list">{[...new Set(issues.map((issue) => issue.message))].map((message) => <li key={message}>{message}</li>)}</ul>
      </div>
    </section>
  );
}
