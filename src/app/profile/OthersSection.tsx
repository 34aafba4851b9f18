import type { Framework } from '../../core/model/framework.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { FlaggedStatements } from './FlaggedStatements.tsx';
import { GapTable } from './GapTable.tsx';

/** Self against others (issue 6): only when core shows `others` for this subject. */
export function OthersSection({ framework, score }: { framework: Framework; score: SubjectScore }) {
  return (
    <section aria-labelledby="others-title" className="others-section">
      <h2 id="others-title">Self against others</h2>
      <GapTable framework={framework} axes={score.axes} />
      <div className="flagged-pair">
        <FlaggedStatements framework={framework} statements={score.statements} flag="blind-spot" />
        <FlaggedStatements framework={framework} statements={score.statements} flag="hidden-strength" />
      </div>
    </section>
  );
}
