import type { SurveyJson } from '../../core/generate/survey-json.ts';
import { RATER_GROUP_QUESTION, surveyVersionOf } from '../../core/generate/survey-identity.ts';
import { surveyIdOf } from '../../core/model/survey-id.ts';
import type { DraftIdentity } from '../storage/drafts.ts';
import type { ReadyLink } from './open-confidential-link.ts';

/**
 * The 360 rater survey without the question "How do you work with…?": in a confidential 360 the
 * group is the invitation's, from the signed manifest, and a sealed response carries none.
 */
export function withoutGroupQuestion(survey: SurveyJson): SurveyJson {
  return { ...survey, pages: survey.pages.filter((page) => !(page.elements ?? []).some((element) => element.name === RATER_GROUP_QUESTION)) };
}

/**
 * Where the answers wait until they are sealed: the 360 survey of the campaign's framework, its
 * learner, and this invitation of this campaign, so no two links share a draft.
 */
export function confidentialDraftIdentity({ invitation, loaded }: ReadyLink): DraftIdentity {
  const { framework } = loaded;
  return {
    surveyId: surveyIdOf(framework.id, '360'),
    version: surveyVersionOf(framework),
    subjectId: invitation.manifest.learner.subject_id,
    rater: `${invitation.manifest.campaign_id}/${invitation.invitationId}`,
  };
}
