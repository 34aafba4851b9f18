import { useMemo } from 'react';
import { writeResponseFile } from '../../core/io/response-file.ts';
import type { Framework } from '../../core/model/framework.ts';
import type { Invitation } from '../../core/share/invitation.ts';
import { encodeResponseCode } from '../../core/io/response-code.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import { downloadFile } from '../components/download.ts';
import { Delivery } from './Delivery.tsx';
import { responseFileName } from './response-file-names.ts';
import type { Submission } from '../storage/submissions.ts';

/** After submitting: the response file, the short code, and delivery to a collection address. */
export function SubmittedResponse({ submission, framework, invitation }: { submission: Submission; framework: Framework; invitation: Invitation }) {
  const file = useMemo(() => writeResponseFile(submission.response), [submission]);
  const code = useMemo(() => encodeResponseCode(submission.response, framework), [submission, framework]);
  const filename = responseFileName(invitation.learnerName, submission.response.raterGroup, submission.response.submittedAt, invitation.invitationId);

  return (
    <section aria-labelledby="done-title">
      <h1 id="done-title">Thank you: your feedback for {invitation.learnerName} is ready</h1>
      <p className="lead">Send it back to {invitation.learnerName} in either of these ways. Both hold the same answers; sending both is fine, it is counted once.</p>
      {invitation.endpoint && <Delivery deliveryId={submission.response.responseId} endpoint={invitation.endpoint} body={file} contentType="application/json" />}
      <div className="panel">
        <h2>1. The response file</h2>
        <p>Download it and attach it to an e-mail or message to {invitation.learnerName}.</p>
        <button type="button" onClick={() => downloadFile(filename, file, 'application/json')}>Download the response file</button>
      </div>
      <div className="panel">
        <h2>2. The response code</h2>
        <label htmlFor="response-code">Copy this code and paste it into a chat message to {invitation.learnerName}</label>
        <textarea id="response-code" readOnly value={code} rows={4} className="code-box" onFocus={(event) => event.currentTarget.select()} />
        <p><CopyButton text={code} label="Copy the code" targetId="response-code" /></p>
        <p className="muted">{code.length} characters, with a checksum: a code cut short or changed is refused on import, never misread.</p>
      </div>
    </section>
  );
}
