import { useId, useMemo, useState } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { AxisChartSection } from './AxisChartSection.tsx';
import type { Overlay } from './overlays.ts';
import { domainNoun } from './profile-labels.ts';
import type { OverlayKey } from './series-styles.ts';

/** A radar needs 3 axes to be a shape: fewer are left to the tables elsewhere on the page. */
const MIN_RADAR_AXES = 3;

/** Issue 12: the earlier self-assessment is drawn unless hidden; the team's average only when asked for. */
const SHOWN_AT_FIRST: Readonly<Record<OverlayKey, boolean>> = { 'earlier-self': true, 'team-average': false };

type Props = { framework: Framework; score: SubjectScore; overlays?: Overlay[] };

export function ChartsSection({ framework, score, overlays = [] }: Props) {
  const id = useId();
  const [shown, setShown] = useState<ReadonlySet<OverlayKey>>(() => new Set(overlays.filter((overlay) => SHOWN_AT_FIRST[overlay.key]).map((overlay) => overlay.key)));
  const drawn = useMemo(() => overlays.filter((overlay) => shown.has(overlay.key)), [overlays, shown]);
  const levels = score.axes.filter((axis) => axis.kind === 'level');
  const domains = score.axes.filter((axis) => axis.kind === 'domain');
  const groups = score.visibility.shown;
  const noun = domainNoun(framework, false);
  const drawLevels = levels.length >= MIN_RADAR_AXES;
  const drawDomains = domains.length >= MIN_RADAR_AXES;
  if (!drawLevels && !drawDomains) return null;
  const toggle = (key: OverlayKey, on: boolean) => setShown((before) => {
    const next = new Set(before);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  });
  return (
    <section aria-labelledby="charts-title" className="charts">
      <h2 id="charts-title">Where you stand</h2>
      <p className="hint">Each axis shows the average rating as a percent: 0% is "Not yet" on every statement, 100% is "Consistently, and can guide others" on every one.</p>
      {overlays.length > 0 && (
        <fieldset className="overlay-toggles no-print">
          <legend>Also draw on the charts</legend>
          {overlays.map((overlay) => (
            <p key={overlay.key} className="checkbox-line">
              <input id={`${id}-${overlay.key}`} type="checkbox" checked={shown.has(overlay.key)} onChange={(event) => toggle(overlay.key, event.target.checked)} data-overlay={overlay.key} />
              <label htmlFor={`${id}-${overlay.key}`}>{overlay.toggle}</label>
            </p>
          ))}
        </fieldset>
      )}
      {drawLevels && <AxisChartSection framework={framework} axes={levels} groups={groups} title="By level" axisHeading="Level" slug="levels" overlays={drawn} />}
      {drawDomains && <AxisChartSection framework={framework} axes={domains} groups={groups} title={`By ${noun}`} axisHeading={noun.charAt(0).toUpperCase() + noun.slice(1)} slug="domains" overlays={drawn} />}
    </section>
  );
}
