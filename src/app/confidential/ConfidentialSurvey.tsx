import { useMemo, useState } from 'react';
import { coachFingerprint } from '../../core/confidential/coach-signing-key.ts';
import { submissionDay } from '../../core/confidential/sealed-content.ts';
import type { SurveyData } from '../../core/generate/survey-data.ts';
import { RaterSurveyForm } from '../rate/RaterSurvey.tsx';
import { deleteDraft } from '../storage/drafts.ts';
import { saveSealedSubmission, type SealedSubmission } from '../storage/sealed-submissions.ts';
import { confidentialDraftIdentity, withoutGroupQuestion } from './confidential-survey.ts';
import { FingerprintCheck } from './FingerprintCheck.tsx';
import { formatDay } from './format-day.ts';
import type { ReadyLink } from './open-confidential-link.ts';
import { sealAnswers } from './seal-answers.ts';
import { WhoCanRead } from './WhoCanRead.tsx';

type Props = {
  link: ReadyLink;
  /** A sealed response to this link is stored but no longer reads back. */
  unreadable: boolean;
  /** `stored` is false when the browser refused to keep it: the page must then say so. */
  onSealed: (submission: SealedSubmission, stored: boolean) => void;
};

/** The confidential rater's page: who can read what, the coach's fingerprint, then the survey, sealed on Complete. */
export function ConfidentialSurvey({ link, unreadable, onSealed }: Props) {
  const { manifest } = link.invitation;
  const { framework, raterSurvey } = link.loaded;
  const coach = manifest.coach.name;
  const learner = manifest.learner.name;
  const json = useMemo(() => withoutGroupQuestion(raterSurvey), [raterSurvey]);
  const identity = useMemo(() => confidentialDraftIdentity(link), [link]);
  const fingerprint = useMemo(() => coachFingerprint(manifest.coach.signing_key, manifest.coach.recipient), [manifest]);
  const [sealing, setSealing] = useState<'idle' | 'sealing' | 'failed'>('idle');
  const closed = manifest.closes_on < submissionDay(new Date());

  const onComplete = (data: SurveyData) => {
    setSealing('sealing');
    sealAnswers(data, link, new Date()).then(
      async (sealed) => {
        const stored = await saveSealedSubmission(sealed);
        // Issue 10: once sealed, the plain answers are not kept, whatever became of the sealed copy.
        await deleteDraft(identity);
        onSealed(sealed, stored);
      },
      () => setSealing('failed'),
    );
  };

  return (
    <section aria-labelledby="rate-title" className="survey-page">
      <h1 id="rate-title">Confidential feedback for {learner}</h1>
      <p className="lead">
        {coach} asked you to rate {learner} on the statements of {framework.title}. Choose "Not observed" for anything you have not seen.
      </p>
      {closed
        ? <p className="banner banner-warn">This 360 closed on {formatDay(manifest.closes_on)}. {coach} may no longer take responses: ask {coach} before you answer.</p>
        : <p>Send your response by <strong>{formatDay(manifest.closes_on)}</strong>, when this 360 closes.</p>}
      {unreadable && (
        <p className="banner banner-warn">
          Your sealed response to this link is stored in this browser but no longer reads back. If you already sent it to {coach}, there is nothing more to do; otherwise answer again.
        </p>
      )}
      <WhoCanRead manifest={manifest} group={link.group} />
      <FingerprintCheck coach={coach} fingerprint={fingerprint} />
      <RaterSurveyForm json={json} identity={identity} learnerName={learner} onComplete={onComplete} />
      <div role="status">{sealing === 'sealing' && <p>Sealing your response to {coach}'s key…</p>}</div>
      <div role="alert">
        {sealing === 'failed' && (
          <p className="banner banner-error">
            Your response could not be sealed in this browser. Your answers are still saved here: reload the page to try again, or open the link in another up-to-date browser.
          </p>
        )}
      </div>
    </section>
  );
}
