import { useEffect, useMemo, useState } from 'react';
import { Survey } from 'survey-react-ui';
import type { LoadedFramework } from '../frameworks/framework-source.ts';
import { navigate } from '../shell/use-route.ts';
import type { Learner } from '../storage/settings.ts';
import { AnswerCheck } from './AnswerCheck.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { selfDraftIdentity } from './self-draft-identity.ts';
import { usePersistentSurvey } from './use-persistent-survey.ts';

const loadCompletion = () => import('./save-self-response.ts');

/** Runs `task` when the browser has nothing else to do (or after 2 s); returns a cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}

/** The learner's self-assessment: answers saved as they go; on completion a dated response. */
export function SelfSurvey({ loaded, learner }: { loaded: LoadedFramework; learner: Learner }) {
  const { framework, selfSurvey } = loaded;
  const identity = useMemo(() => selfDraftIdentity(framework, learner), [framework, learner]);
  const { model, saveState } = usePersistentSurvey(selfSurvey, identity);
  const [unloadable, setUnloadable] = useState(false);

  useEffect(() => {
    if (!model) return;
    // Asked for once the survey is on screen and the browser is idle, not before: see save-self-response.ts.
    let completion: ReturnType<typeof loadCompletion> | null = null;
    const load = () => {
      completion ??= loadCompletion();
      // A failed download (offline) is asked for again at the next Complete, not remembered.
      completion.catch(() => (completion = null));
      return completion;
    };
    const idle = whenIdle(() => void load().catch(() => undefined));
    const complete = async () => {
      // Should its download fail (offline), the learner is back on the survey with every answer kept, and told why.
      const saveSelfResponse = await load().then((module) => module.saveSelfResponse, () => null);
      setUnloadable(saveSelfResponse === null);
      if (saveSelfResponse !== null && (await saveSelfResponse(framework, model.data as Record<string, unknown>, learner, identity))) {
        navigate({ name: 'profile', frameworkId: framework.id, subjectId: null });
      } else {
        model.clear(false, false); // back to the survey, every answer kept; the banner or the alert below says why
      }
    };
    model.showCompletePage = false;
    model.showTitle = false;
    const onComplete = () => void complete();
    model.onComplete.add(onComplete);
    return () => {
      idle();
      model.onComplete.remove(onComplete);
    };
  }, [model, framework, identity, learner]);

  return (
    <section aria-labelledby="survey-title" className="survey-page">
      <h1 id="survey-title">{framework.title}: self-assessment</h1>
      <p className="lead">Rate yourself on each statement. Your answers are saved in this browser as you go: you can close the tab and come back.</p>
      {model ? <Survey model={model} /> : <p role="status">Loading your answers…</p>}
      {model && <AnswerCheck model={model} audience="self" />}
      {unloadable && (
        <p role="alert" className="banner banner-error">
          Your answers are kept, but this page could not load the part of Skillscope that saves a finished self-assessment. Check
          your connection, then press Complete again.
        </p>
      )}
      <SaveStatus state={saveState} />
    </section>
  );
}
