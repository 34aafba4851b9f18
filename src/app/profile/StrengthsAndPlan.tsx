import type { Framework } from '../../core/model/framework.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { levelLabel } from './profile-labels.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { PlanList } from './PlanList.tsx';
import { STRENGTH_MEAN } from '../../core/score/thresholds.ts';
import { RATING_LABELS } from '../../core/model/rating-scale.ts';
import { ATTAINMENT_MEAN } from '../../core/score/thresholds.ts';

type Props = { framework: Framework; score: SubjectScore };

/** Strengths and the development plan (DESIGN.md: the next level's statements, lowest rated first). */
export function StrengthsAndPlan({ framework, score }: Props) {
  const { strengths, developmentPlan, planGroup } = score;
  const rater = `${groupLabel(planGroup)} rating`;
  const nextLevel = developmentPlan[0]?.level ?? null;
  const levelled = framework.levels.length > 0;
  return (
    <>
      <section aria-labelledby="strengths-title" className="strengths">
        <h2 id="strengths-title">Strengths</h2>
        {strengths.length === 0 ? (
          <p>No strengths yet: a strength is a statement rated "Consistently, and can guide others" (an average of {STRENGTH_MEAN} or more).</p>
        ) : (
          <>
            <p className="hint">Statements rated "Consistently, and can guide others" (an average of {STRENGTH_MEAN} or more), highest first.</p>
            <PlanList framework={framework} items={strengths} ratingLabel={rater} className="strength-list" />
          </>
        )}
      </section>
      <section aria-labelledby="plan-title" className="development-plan">
        <h2 id="plan-title">Development plan</h2>
        {developmentPlan.length === 0 ? (
          <p>{planEmptyText(levelled, score)}</p>
        ) : (
          <>
            <p className="hint">
              {levelled && nextLevel !== null
                ? `The statements of the next level up, ${levelLabel(framework, nextLevel)}, lowest rated first. Statements marked "Not part of my role" are left out.`
                : `The statements rated below "${RATING_LABELS[ATTAINMENT_MEAN]}", lowest rated first.`}
            </p>
            <PlanList framework={framework} items={developmentPlan} ratingLabel={rater} className="plan" />
          </>
        )}
      </section>
    </>
  );
}

function planEmptyText(levelled: boolean, score: SubjectScore): string {
  if (!score.visibility.shown.includes(score.planGroup)) return 'There is no self-assessment yet, so there is no plan.';
  return levelled ? 'Nothing to plan: every level is attained, or the next level\'s statements are all marked "Not part of my role".' : `Every rated statement is at "${RATING_LABELS[ATTAINMENT_MEAN]}" or above.`;
}
