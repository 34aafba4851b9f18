import { responseFromSurveyData } from '../../core/generate/survey-data.ts';
import type { Framework } from '../../core/model/framework.ts';
import { subjectNameField } from '../../core/io/response-fields.ts';
import { deleteDraft, type DraftIdentity } from '../storage/drafts.ts';
import { saveResponses } from '../storage/responses.ts';
import type { Learner } from '../storage/settings.ts';

/**
 * What completing a self-assessment does: turn the survey's data into a dated response, store
 * it, then drop the draft. Its own module, loaded once the survey is on screen (SelfSurvey), so
 * that the code for responses and their files (seven files) does not stand between a learner
 * and the first question (`npm run bench -- load`).
 */
export async function saveSelfResponse(framework: Framework, data: Record<string, unknown>, learner: Learner, identity: DraftIdentity): Promise<boolean> {
  const response = responseFromSurveyData(framework, data, {
    responseId: crypto.randomUUID(),
    frameworkId: framework.id,
    surveyId: identity.surveyId,
    subjectId: learner.subjectId,
    ...subjectNameField(learner.displayName),
    raterGroup: 'self',
    submittedAt: new Date().toISOString(),
  });
  // The draft goes only once the response is safely stored.
  if (!(await saveResponses([response]))) return false;
  await deleteDraft(identity);
  return true;
}
