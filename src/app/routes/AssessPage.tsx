import { useEffect, useState } from 'react';
import 'survey-core/survey-core.fontless.min.css';
import { LearnerGate } from '../components/LearnerGate.tsx';
import { type LoadedFramework, loadFramework } from '../frameworks/framework-source.ts';
import { hrefOf } from '../shell/hash-route.ts';
import type { Learner } from '../storage/settings.ts';
import { earlySelfSurvey, forgetEarlySelfSurvey } from '../survey/early-self-survey.ts';
import { SelfSurvey } from '../survey/SelfSurvey.tsx';

export default function AssessPage({ frameworkId }: { frameworkId: string }) {
  // The first page of a visit may have been read before the app's first render (early-self-survey.ts).
  const [early] = useState(() => earlySelfSurvey(frameworkId));
  const [loaded, setLoaded] = useState<LoadedFramework | null | undefined>(early?.loaded);
  useEffect(() => {
    // After the effects of the survey below, which take its model: the rest is read again on a later visit.
    forgetEarlySelfSurvey();
    if (early !== null) return;
    loadFramework(frameworkId).then((value) => setLoaded(value ?? null), () => setLoaded(null));
  }, [frameworkId, early]);

  if (loaded === undefined) return <p role="status">Loading the survey…</p>;
  if (loaded === null) {
    return (
      <section>
        <h1>Framework not found</h1>
        <p>There is no framework "{frameworkId}" in this browser. <a href={hrefOf({ name: 'home' })}>Choose one of the frameworks</a>.</p>
      </section>
    );
  }
  return <LearnerGate known={early?.learner}>{(learner: Learner) => <SelfSurvey loaded={loaded} learner={learner} />}</LearnerGate>;
}
