import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { Survey } from 'survey-react-ui';
import { responseFromSurveyData, type SurveyData } from '../../core/generate/survey-data.ts';
import { subjectNameField } from '../../core/io/response-fields.ts';
import type { SurveyJson } from '../../core/generate/survey-json.ts';
import { LEARNER_VARIABLE, RATER_GROUP_QUESTION, surveyVersionOf } from '../../core/generate/survey-identity.ts';
import { surveyIdOf } from '../../core/model/survey-id.ts';
import type { Invitation } from '../../core/share/invitation.ts';
import type { LoadedFramework } from '../frameworks/framework-source.ts';
import { AnswerCheck } from '../survey/AnswerCheck.tsx';
import { SaveStatus } from '../survey/SaveStatus.tsx';
import { usePersistentSurvey } from '../survey/use-persistent-survey.ts';
import { AnonymityNote } from './AnonymityNote.tsx';
import { SubmittedResponse } from './SubmittedResponse.tsx';
import { deleteDraft, type DraftIdentity } from '../storage/drafts.ts';
import { loadSubmission, saveSubmission, type Submission } from '../storage/submissions.ts';

/** The rater's survey, autosaved like the self survey, keyed by the invitation so two never mix. */
export function RaterSurvey({ loaded, invitation }: { loaded: LoadedFramework; invitation: Invitation }) {
  const { framework, raterSurvey } = loaded;
  const identity = useMemo(
    () => ({ surveyId: surveyIdOf(framework.id, '360'), version: surveyVersionOf(framework), subjectId: invitation.subjectId, rater: invitation.invitationId }),
    [framework, invitation],
  );
  const defaults = useMemo(() => ({ [RATER_GROUP_QUESTION]: invitation.group }), [invitation.group]);
  const [submission, setSubmission] = useState<Submission | null | undefined>(undefined);
  const [unreadable, setUnreadable] = useState(false);

  useEffect(() => {
    loadSubmission(invitation.invitationId, framework).then((read) => {
      setUnreadable(read.state === 'unreadable');
      setSubmission(read.state === 'readable' ? read.submission : null);
    }, () => setSubmission(null));
  }, [invitation.invitationId, framework]);

  const onComplete = (data: SurveyData) => {
    const response = responseFromSurveyData(framework, data, {
      // One invitation, one response: a second submission of the same link is the same
      // response_id, so it counts once or is refused as a conflict, never as a second rater.
      responseId: invitation.invitationId,
      frameworkId: framework.id,
      surveyId: identity.surveyId,
      subjectId: invitation.subjectId,
      ...subjectNameField(invitation.learnerName),
      raterGroup: invitation.group,
      submittedAt: new Date().toISOString(),
    });
    const made: Submission = { invitationId: invitation.invitationId, response };
    setSubmission(made);
    void saveSubmission(made).then((saved) => saved && deleteDraft(identity));
  };

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
      <RaterSurveyForm json={raterSurvey} identity={identity} learnerName={invitation.learnerName} defaults={defaults} onComplete={onComplete} />
    </section>
  );
}

type RaterSurveyFormProps = {
  json: SurveyJson;
  /** Whose draft this is: answers are saved under it on every change. */
  identity: DraftIdentity;
  learnerName: string;
  /** Answers given for the rater when their draft has none (the group a link suggests). */
  defaults?: Readonly<Record<string, unknown>>;
  /** What Complete does with the survey's data; the caller shows what comes next. */
  onComplete: (data: SurveyData) => void;
};

/** A rater survey, autosaved on every change and resumed where it was left, for any kind of invitation. */
export function RaterSurveyForm({ json, identity, learnerName, defaults, onComplete }: RaterSurveyFormProps) {
  const variables = useMemo(() => ({ [LEARNER_VARIABLE]: learnerName }), [learnerName]);
  const { model, saveState } = usePersistentSurvey(json, identity, variables);
  const complete = useEffectEvent((data: SurveyData) => onComplete(data));

  useEffect(() => {
    if (!model) return;
    for (const [name, value] of Object.entries(defaults ?? {})) {
      if (model.getValue(name) === undefined) model.setValue(name, value);
    }
    model.showCompletePage = false;
    model.showTitle = false;
    const handler = () => complete(model.data as SurveyData);
    model.onComplete.add(handler);
    return () => model.onComplete.remove(handler);
  }, [model, defaults]);

  return (
    <>
      {model ? <Survey model={model} /> : <p role="status">Loading your answers…</p>}
      {model && <AnswerCheck model={model} audience="rater" />}
      <SaveStatus state={saveState} />
    </>
  );
}
