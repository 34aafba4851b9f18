import { type SealedResponseContent, submissionDay } from '../../core/confidential/sealed-content.ts';
import { sealedCode, sealResponse } from '../../core/confidential/sealed-response.ts';
import { responseFromSurveyData, type SurveyData } from '../../core/generate/survey-data.ts';
import { surveyIdOf } from '../../core/model/survey-id.ts';
import type { SealedSubmission } from '../storage/sealed-submissions.ts';
import type { ReadyLink } from './open-confidential-link.ts';

/**
 * Seals a finished survey to the coach's key, in this browser: the sealed file and the sealed
 * code hold the same answers and comments, the token and the day (issue 10), and nothing else.
 */
export async function sealAnswers(data: SurveyData, { invitation, group, loaded }: ReadyLink, at: Date): Promise<SealedSubmission> {
  const { framework } = loaded;
  const { manifest, invitationId, token } = invitation;
  const submittedOn = submissionDay(at);
  // The same reading of survey data as an open response; only answers and comments are sealed.
  const { answers, comments } = responseFromSurveyData(framework, data, {
    responseId: invitationId,
    frameworkId: framework.id,
    surveyId: surveyIdOf(framework.id, '360'),
    subjectId: manifest.learner.subject_id,
    raterGroup: group,
    submittedAt: `${submittedOn}T00:00:00Z`,
  });
  const content: SealedResponseContent = { campaignId: manifest.campaign_id, token, submittedOn, answers, comments };
  const { recipient } = manifest.coach;
  const [sealed, code] = await Promise.all([sealResponse(content, recipient), sealedCode(content, framework, recipient)]);
  performance.mark('skillscope:sealed');
  return { invitationId, campaignId: manifest.campaign_id, sealed, code, submittedOn };
}
