import type { Framework } from '../../core/model/framework.ts';
import type { PlanItem } from '../../core/score/development-plan.ts';
import { meanRatingText } from './rating-text.ts';
import { domainLabel, levelLabel } from './profile-labels.ts';
import { statementById } from '../../core/model/statement-index.ts';

type Props = { framework: Framework; items: PlanItem[]; ratingLabel: string; className: string };

/** Statements of a plan or of the strengths, in the order core gives them. */
export function PlanList({ framework, items, ratingLabel, className }: Props) {
  return (
    <ol className={`plan-list ${className}`}>
      {items.map((item) => (
        <li key={item.statementId} data-statement={item.statementId}>
          <span className="statement-text">{statementById(framework, item.statementId)?.text ?? item.statementId}</span>
          <span className="statement-meta">
            {item.level !== null && <span>{levelLabel(framework, item.level)}</span>}
            {item.domain !== null && <span>{domainLabel(framework, item.domain)}</span>}
            <span>{ratingLabel}: {meanRatingText(item.mean)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
