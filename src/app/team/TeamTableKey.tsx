import type { TeamColumn } from '../../core/score/team-table.ts';

/**
 * Under the team table: what its two empty marks mean, and the full name of every column whose
 * heading is shortened (hover shows it too, but a phone has no hover).
 */
export function TeamTableKey({ columns }: { columns: readonly TeamColumn[] }) {
  const shortened = columns.filter((column) => column.shortTitle !== column.title);
  return (
    <div className="team-key">
      <h3 className="visually-hidden">Key to the table</h3>
      <dl>
        <div>
          <dt><span className="mark-no-data">–</span></dt>
          <dd>No ratings: this group sent no response for the learner, or rated none of these statements.</dd>
        </div>
        <div>
          <dt><span className="mark-hidden">hidden</span></dt>
          <dd>Hidden for anonymity: the group has responses, but too few to show on their own without revealing who said what (a manager is shown alone unless folded to protect a smaller group). They still count in All others wherever that is shown.</dd>
        </div>
      </dl>
      {shortened.length > 0 && (
        <p className="muted">
          Columns in full: {shortened.map((column, index) => (
            <span key={column.id}>{index > 0 && '; '}<span aria-hidden="true">{column.shortTitle}</span><span className="visually-hidden">column</span> {column.title}</span>
          ))}.
        </p>
      )}
    </div>
  );
}
