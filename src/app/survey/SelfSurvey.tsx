import { useEffect, useMemo } from 'react';
import { Survey } from 'survey-react-ui';
import { responseFromSurveyData } from '../../core/generate/survey-data.ts';
import { subjectNameField } from '../../core/io/response-fields.ts';
import { surveyVersionOf } from '../../core/generate/survey-identity.ts';
import { surveyIdOf } from '../../core/model/survey-id.ts';
import type { LoadedFramework } from '../frameworks/framework-source.ts';
import { navigate } from '../shell/use-route.ts';
import { deleteDraft } from '../storage/drafts.ts';
import { saveResponses } from '../storage/responses.ts';
import type { Learner } from '../storage/settings.ts';
import { AnswerCheck } from './AnswerCheck.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { usePersistentSurvey } from './use-persistent-survey.ts';

/** The learner's self-assessment: answers saved as they go; on completion a dated response. */
export function SelfSurvey({ loaded, learner }: { loaded: LoadedFramework; learner: Learner }) {
  const { framework, selfSurvey } = loaded;
  const identity = useMemo(
    () => ({ surveyId: surveyIdOf(framework.id, 'self'), version: surveyVersionOf(framework), subjectId: learner.subjectId, rater: 'self' }),
    [framework, learner.subjectId],
  );
  const { model, saveState } = usePersistentSurvey(selfSurvey, identity);

  useEffect(() => {
    if (!model) return;
    const complete = async () => {
      const response = responseFromSurveyData(framework, model.data as Record<string, unknown>, {
        responseId: crypto.randomUUID(),
        frameworkId: framework.id,
        surveyId: identity.surveyId,
        subjectId: learner.subjectId,
        ...subjectNameField(learner.displayName),
        raterGroup: 'self',
        submittedAt: new Date().toISOString(),
      });
      // The draft goes only once the response is safely stored.
      if (await saveResponses([response])) {
        await deleteDraft(identity);
        navigate({ name: 'profile', frameworkId: framework.id, subjectId: null });
      } else {
        model.clear(false, false); // back to the survey, every answer kept; the banner says why
      }
    };
    model.showCompletePage = false;
    model.showTitle = false;
    const onComplete = () => void complete();
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [model, framework, identity, learner.subjectId]);

  return (
    <section aria-labelledby="survey-title" className="survey-page">
      <h1 id="survey-title">{framework.title}: self-assessment</h1>
      <p className="lead">Rate yourself on each statement. Your answers are saved in this browser as you go: you can close the tab and come back.</p>
      {model ? <Survey model={model} /> : <p role="status">Loading your answers…</p>}
      {model && <AnswerCheck model={model} audience="self" />}
      <SaveStatus state={saveState} />
    </section>
  );
}
