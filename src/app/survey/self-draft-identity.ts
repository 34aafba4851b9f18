import { surveyVersionOf } from '../../core/generate/survey-identity.ts';
import type { Framework } from '../../core/model/framework.ts';
import { surveyIdOf } from '../../core/model/survey-id.ts';
import type { DraftIdentity } from '../storage/drafts.ts';
import type { Learner } from '../storage/settings.ts';

/** Where a learner's own answers to a framework's self-assessment are saved as they go. */
export function selfDraftIdentity(framework: Framework, learner: Learner): DraftIdentity {
  return { surveyId: surveyIdOf(framework.id, 'self'), version: surveyVersionOf(framework), subjectId: learner.subjectId, rater: 'self' };
}
