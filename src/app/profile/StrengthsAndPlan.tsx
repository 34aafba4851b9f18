import type { Framework } from '../../core/model/framework.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { levelLabel } from './profile-labels.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { PlanList } from './PlanList.tsx';
import { ATTAINMENT_MEAN, STRENGTH_MEAN } from '../../core/score/thresholds.ts';
import { NOT_APPLICABLE_LABEL, RATING_LABELS } from '../../core/model/rating-scale.ts';
import { type PlanSelection, planSelectionOf } from '../../core/score/development-plan.ts';

type Props = { framework: Framework; score: SubjectScore };

const INDEPENDENTLY = `"${RATING_LABELS[ATTAINMENT_MEAN]}"`;
const statements = (n: number) => `${n} ${n === 1 ? 'statement' : 'statements'}`;

/**
 * Strengths and the development plan (DESIGN.md: the next level's statements, lowest rated
 * first; issue 14: without those already rated "Independently" or above, which the plan says it
 * left out). Which statements are in it is core's rule (development-plan.ts); this only words it.
 */
export function StrengthsAndPlan({ framework, score }: Props) {
  const { strengths, developmentPlan, planGroup } = score;
  const rater = `${groupLabel(planGroup)} rating`;
  const selection = planSelectionOf(framework, score);
  const leftOut = selection?.alreadyIndependent.length ?? 0;
  const levelled = framework.levels.length > 0;
  return (
    <>
      <section aria-labelledby="strengths-title" className="strengths">
        <h2 id="strengths-title">Strengths</h2>
        {strengths.length === 0 ? (
          <p>No strengths yet: a strength is a statement rated "{RATING_LABELS[4]}" (an average of {STRENGTH_MEAN} or more).</p>
        ) : (
          <>
            <p className="hint">Statements rated "{RATING_LABELS[4]}" (an average of {STRENGTH_MEAN} or more), highest first.</p>
            <PlanList framework={framework} items={strengths} ratingLabel={rater} className="strength-list" />
          </>
        )}
      </section>
      <section aria-labelledby="plan-title" className="development-plan">
        <h2 id="plan-title">Development plan</h2>
        {developmentPlan.length === 0 ? (
          <p className="plan-empty">{planEmptyText(framework, score, selection)}</p>
        ) : (
          <>
            <p className="hint">
              {levelled && selection?.level
                ? `The statements of the next level up, ${levelLabel(framework, selection.level)}, that you do not yet do ${INDEPENDENTLY}, lowest rated first. Statements marked "${NOT_APPLICABLE_LABEL.self}" are left out.`
                : `The statements rated below ${INDEPENDENTLY}, lowest rated first.`}
            </p>
            <PlanList framework={framework} items={developmentPlan} ratingLabel={rater} className="plan" />
            {leftOut > 0 && (
              <p className="plan-left-out" data-left-out={leftOut}>
                Left out: {statements(leftOut)}{levelled ? ' of this level' : ''} already rated {INDEPENDENTLY} or above. They are in the statement list below.
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}

function planEmptyText(framework: Framework, score: SubjectScore, selection: PlanSelection | null): string {
  if (!score.visibility.shown.includes(score.planGroup)) return 'There is no self-assessment yet, so there is no plan.';
  if (framework.levels.length === 0) return `Nothing left to develop: every rated statement is at ${INDEPENDENTLY} or above.`;
  if (selection === null || selection.level === null) return 'Nothing left to develop: every level is attained.';
  const level = levelLabel(framework, selection.level);
  const leftOut = selection.alreadyIndependent.length;
  return leftOut > 0
    ? `Nothing left to develop at the next level up, ${level}: you already rate ${leftOut === 1 ? 'its one rated statement' : `all ${leftOut} of its rated statements`} ${INDEPENDENTLY} or above, and the rest are marked "${NOT_APPLICABLE_LABEL.self}".`
    : `Nothing to develop at the next level up, ${level}: every statement of it is marked "${NOT_APPLICABLE_LABEL.self}".`;
}
