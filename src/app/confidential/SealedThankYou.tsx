import { useMemo } from 'react';
import { coachFingerprint } from '../../core/confidential/coach-signing-key.ts';
import type { CampaignManifest } from '../../core/confidential/campaign-manifest.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import { Delivery } from '../rate/Delivery.tsx';
import { sealedFileName } from '../rate/response-file-names.ts';
import type { SealedSubmission } from '../storage/sealed-submissions.ts';
import { downloadFile } from '../components/download.ts';
import { formatDay } from './format-day.ts';

type Props = {
  submission: SealedSubmission;
  manifest: CampaignManifest;
  /** False when this browser refused to keep the sealed response: it is shown this once. */
  stored: boolean;
  /** The collection address the invitation names, where the sealed code is also POSTed; null when there is none. */
  endpoint: string | null;
};

/** After Complete, and whenever the link is opened again: the sealed file and code, and where to send them. */
export function SealedThankYou({ submission, manifest, stored, endpoint }: Props) {
  const coach = manifest.coach.name;
  const learner = manifest.learner.name;
  const fingerprint = useMemo(() => coachFingerprint(manifest.coach.signing_key, manifest.coach.recipient), [manifest]);
  const filename = sealedFileName(learner, submission.invitationId);

  return (
    <section aria-labelledby="done-title">
      <h1 id="done-title">Thank you: your sealed feedback for {learner} is ready</h1>
      <p className="lead">
        Your answers are sealed to {coach}'s key (fingerprint <strong className="fingerprint">{fingerprint}</strong>): only {coach} can open them. Send the file or the code to {coach}, directly or through {learner}, who cannot open it. Both hold the same response; sending both is fine, it counts once.
        {endpoint !== null && ` It is also sent, sealed, to the collection address ${new URL(endpoint).host}, which cannot open it either.`}
      </p>
      {endpoint !== null && (
        // The sealed code, not the binary file: it is `SKS1.` and base64url, ASCII only, so as
        // text/plain its bytes are the same in every charset and the endpoint can keep it as it
        // came, for the coach to paste or import as any code. text/plain also makes it a simple
        // cross-origin request (no CORS preflight), and the same code the rater can copy below.
        <Delivery deliveryId={submission.invitationId} endpoint={endpoint} body={submission.code} contentType="text/plain" />
      )}
      {!stored && (
        <p className="banner banner-warn" role="alert">
          This browser did not keep your sealed response, so opening the link again will not show it: download the file or copy the code now.
        </p>
      )}
      <div className="panel">
        <h2>1. The sealed file</h2>
        <p>Download it and attach it to an e-mail or message to {coach} (or to {learner}, to pass on).</p>
        <button type="button" onClick={() => downloadFile(filename, submission.sealed, 'application/octet-stream')}>Download the sealed file</button>
        <p className="muted">{filename}, {submission.sealed.length.toLocaleString()} bytes, in the age format: it cannot be read without {coach}'s key.</p>
      </div>
      <div className="panel">
        <h2>2. The sealed code</h2>
        <label htmlFor="sealed-code">Copy this code and paste it into a message to {coach} (or to {learner}, to pass on)</label>
        <textarea id="sealed-code" readOnly value={submission.code} rows={5} className="code-box" onFocus={(event) => event.currentTarget.select()} />
        <p><CopyButton text={submission.code} label="Copy the code" targetId="sealed-code" /></p>
        <p className="muted">{submission.code.length} characters. A code cut short or changed does not open, so it is never misread.</p>
      </div>
      <p>
        Sealed on {formatDay(submission.submittedOn)}. Your plain answers are no longer kept in this browser; only this sealed response is, so you can open the link again to get the file or the code.
        {manifest.closes_on >= submission.submittedOn ? ` Send it by ${formatDay(manifest.closes_on)}, when this 360 closes.` : ''}
      </p>
    </section>
  );
}
