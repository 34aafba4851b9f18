import type { Framework } from '../../core/model/framework.ts';
import type { GapFlag } from '../../core/score/gaps.ts';
import type { StatementScore } from '../../core/score/subject-score.ts';
import { formatFigure, formatGap } from './format-figures.ts';
import { statementById } from '../../core/model/statement-index.ts';
import { describeAgreement } from '../../core/score/agreement.ts';
import { othersDisagreed } from './agreement-words.ts';

const HEADINGS: Record<GapFlag, { title: string; hint: string; none: string }> = {
  'blind-spot': { title: 'Blind spots', hint: 'You rate yourself a whole point or more above the others.', none: 'No blind spots.' },
  'hidden-strength': { title: 'Hidden strengths', hint: 'The others rate you a whole point or more above your own rating.', none: 'No hidden strengths.' },
};

/** The statements core flagged as blind spots or hidden strengths (DESIGN.md "Gap"). */
export function FlaggedStatements({ framework, statements, flag }: { framework: Framework; statements: StatementScore[]; flag: GapFlag }) {
  const flagged = statements.filter((statement) => statement.flag === flag);
  const { title, hint, none } = HEADINGS[flag];
  return (
    <section aria-labelledby={`${flag}-title`} className={`flagged ${flag}`}>
      <h3 id={`${flag}-title`}>{title}</h3>
      <p className="hint">{hint}</p>
      {flagged.length === 0 ? <p>{none}</p> : (
        <ul>
          {flagged.map((statement) => (
            <li key={statement.statementId} data-statement={statement.statementId}>
              <span className="statement-text">{statementById(framework, statement.statementId)?.text ?? statement.statementId}</span>
              <span className="statement-meta">
                <span>Self: {formatFigure(statement.self)}</span>
                <span>Others: {formatFigure(statement.others)}</span>
                <span>Gap: {formatGap(statement.gap)}</span>
                {statement.othersRwg !== null && <span data-figure="rwg">{describeAgreement(statement.othersRwg)}</span>}
              </span>
              {othersDisagreed(statement.othersRwg) && (
                <span className="disagreed" data-disagreed="true">The others did not agree on this one ({describeAgreement(statement.othersRwg ?? 0)}): their average hides a split, so read it as a question to ask them, not a verdict.</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
