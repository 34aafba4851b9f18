import type { Framework } from '../../core/model/framework.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { AxisChartSection } from './AxisChartSection.tsx';
import { domainNoun } from './profile-labels.ts';

/** A radar needs 3 axes to be a shape: fewer are left to the tables elsewhere on the page. */
const MIN_RADAR_AXES = 3;

export function ChartsSection({ framework, score }: { framework: Framework; score: SubjectScore }) {
  const levels = score.axes.filter((axis) => axis.kind === 'level');
  const domains = score.axes.filter((axis) => axis.kind === 'domain');
  const groups = score.visibility.shown;
  const noun = domainNoun(framework, false);
  const drawLevels = levels.length >= MIN_RADAR_AXES;
  const drawDomains = domains.length >= MIN_RADAR_AXES;
  if (!drawLevels && !drawDomains) return null;
  return (
    <section aria-labelledby="charts-title" className="charts">
      <h2 id="charts-title">Where you stand</h2>
      <p className="hint">Each axis shows the average rating as a percent: 0% is "Not yet" on every statement, 100% is "Consistently, and can guide others" on every one.</p>
      {drawLevels && <AxisChartSection framework={framework} axes={levels} groups={groups} title="By level" axisHeading="Level" slug="levels" />}
      {drawDomains && <AxisChartSection framework={framework} axes={domains} groups={groups} title={`By ${noun}`} axisHeading={noun.charAt(0).toUpperCase() + noun.slice(1)} slug="domains" />}
    </section>
  );
}
