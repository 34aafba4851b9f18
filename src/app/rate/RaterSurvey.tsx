import { useEffect, useMemo, useState } from 'react';
import { Survey } from 'survey-react-ui';
import { responseFromSurveyData } from '../../core/generate/survey-data.ts';
import { LEARNER_VARIABLE, RATER_GROUP_QUESTION, surveyVersionOf } from '../../core/generate/survey-identity.ts';
import { surveyIdOf } from '../../core/model/survey-id.ts';
import type { Invitation } from '../../core/share/invitation.ts';
import type { LoadedFramework } from '../frameworks/framework-source.ts';
import { SaveStatus } from '../survey/SaveStatus.tsx';
import { usePersistentSurvey } from '../survey/use-persistent-survey.ts';
import { AnonymityNote } from './AnonymityNote.tsx';
import { SubmittedResponse } from './SubmittedResponse.tsx';
import { deleteDraft } from '../storage/drafts.ts';
import { loadSubmission, saveSubmission, type Submission } from '../storage/submissions.ts';

/** The rater's survey, autosaved like the self survey, keyed by the invitation so two never mix. */
export function RaterSurvey({ loaded, invitation }: { loaded: LoadedFramework; invitation: Invitation }) {
  const { framework, raterSurvey } = loaded;
  const identity = useMemo(
    () => ({ surveyId: surveyIdOf(framework.id, '360'), version: surveyVersionOf(framework), subjectId: invitation.subjectId, rater: invitation.invitationId }),
    [framework, invitation],
  );
  const variables = useMemo(() => ({ [LEARNER_VARIABLE]: invitation.learnerName }), [invitation.learnerName]);
  const { model, saveState } = usePersistentSurvey(raterSurvey, identity, variables);
  const [submission, setSubmission] = useState<Submission | null | undefined>(undefined);
  const [unreadable, setUnreadable] = useState(false);

  useEffect(() => {
    loadSubmission(invitation.invitationId, framework).then((read) => {
      setUnreadable(read.state === 'unreadable');
      setSubmission(read.state === 'readable' ? read.submission : null);
    }, () => setSubmission(null));
  }, [invitation.invitationId, framework]);

  useEffect(() => {
    if (!model) return;
    if (model.getValue(RATER_GROUP_QUESTION) === undefined) model.setValue(RATER_GROUP_QUESTION, invitation.group);
    model.showCompletePage = false;
    model.showTitle = false;
    const onComplete = () => {
      const response = responseFromSurveyData(framework, model.data as Record<string, unknown>, {
        // One invitation, one response: a second submission of the same link is the same
        // response_id, so it counts once or is refused as a conflict, never as a second rater.
        responseId: invitation.invitationId,
        frameworkId: framework.id,
        surveyId: identity.surveyId,
        subjectId: invitation.subjectId,
        raterGroup: invitation.group,
        submittedAt: new Date().toISOString(),
      });
      const made: Submission = { invitationId: invitation.invitationId, response };
      setSubmission(made);
      void saveSubmission(made).then((saved) => saved && deleteDraft(identity));
    };
    model.onComplete.add(onComplete);
    return () => model.onComplete.remove(onComplete);
  }, [model, framework, identity, invitation]);

  if (submission === undefined) return <p role="status">Loading…</p>;
  if (submission !== null) return <SubmittedResponse submission={submission} framework={framework} invitation={invitation} />;

  return (
    <section aria-labelledby="rate-title" className="survey-page">
      <h1 id="rate-title">Feedback for {invitation.learnerName}</h1>
      <p className="lead">
        {invitation.learnerName} asked you to rate them on the statements of {framework.title}. Choose "Not observed" for anything you have not seen. Your answers are saved in this browser as you go.
      </p>
      {invitation.note.trim() !== '' && (
        <figure className="panel">
          <blockquote>{invitation.note}</blockquote>
          <figcaption>— a note from {invitation.learnerName}</figcaption>
        </figure>
      )}
      {unreadable && (
        <p className="banner banner-warn">
          Your earlier answers to this link are stored in this browser but no longer read back. If you already sent {invitation.learnerName} the response file or code, there is nothing more to do; otherwise answer again.
        </p>
      )}
      <AnonymityNote group={invitation.group} learnerName={invitation.learnerName} endpoint={invitation.endpoint} />
      {model ? <Survey model={model} /> : <p role="status">Loading your answers…</p>}
      <SaveStatus state={saveState} />
    </section>
  );
}
