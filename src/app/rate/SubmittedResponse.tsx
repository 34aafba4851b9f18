import { useEffect, useMemo, useState } from 'react';
import { writeResponseFile } from '../../core/io/response-file.ts';
import type { Framework } from '../../core/model/framework.ts';
import { deliverResponse, type DeliveryStatus } from '../../core/share/deliver-response.ts';
import type { Invitation } from '../../core/share/invitation.ts';
import { encodeResponseCode } from '../../core/io/response-code.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import { downloadFile } from '../components/download.ts';
import { slug } from '../../core/model/ids.ts';
import { connectAllowed } from '../invite/content-security-policy.ts';
import { markDelivered, wasDelivered } from '../storage/deliveries.ts';
import type { Submission } from '../storage/submissions.ts';

/** After submitting: the response file, the short code, and delivery to a collection address. */
export function SubmittedResponse({ submission, framework, invitation }: { submission: Submission; framework: Framework; invitation: Invitation }) {
  const file = useMemo(() => writeResponseFile(submission.response), [submission]);
  const code = useMemo(() => encodeResponseCode(submission.response, framework), [submission, framework]);
  const filename = `skillscope-response-${slug(invitation.learnerName, 40, 'learner')}-${submission.response.raterGroup}-${submission.response.submittedAt.slice(0, 10)}.json`;

  return (
    <section aria-labelledby="done-title">
      <h1 id="done-title">Thank you: your feedback for {invitation.learnerName} is ready</h1>
      <p className="lead">Send it back to {invitation.learnerName} in either of these ways. Both hold the same answers; sending both is fine, it is counted once.</p>
      {invitation.endpoint && <Delivery responseId={submission.response.responseId} endpoint={invitation.endpoint} body={file} />}
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

const DESCRIBE: Record<DeliveryStatus['state'], string> = {
  sending: 'Sending your response to the collection address…',
  'waiting-online': 'You are offline. Your response will be sent as soon as you are back online; keep this page open.',
  retrying: 'The collection address did not take your response yet; trying again shortly.',
  delivered: 'Delivered: the collection address received your response.',
  failed: 'Not delivered.',
};

/**
 * One delivery per response, across tabs: a Web Lock named after the response and endpoint lets
 * one page deliver at a time, and the page that gets the lock next finds the delivered mark in
 * storage and only says so. A remount of the thank-you page (or React's StrictMode running
 * effects twice) waits the same way, so the same response is never POSTed twice at once.
 */
function deliverOnce(responseId: string, endpoint: string, body: string, update: (status: DeliveryStatus) => void): void {
  if (!connectAllowed(endpoint)) {
    // The browser would block every try: say so at once instead of retrying in vain.
    update({ state: 'failed', attempt: 0, status: null, reason: `This copy of Skillscope is not allowed to send to ${new URL(endpoint).host}. Send the response file or the code instead.` });
    return;
  }
  const deliver = async () => {
    if (await wasDelivered(responseId, endpoint).catch(() => false)) {
      update({ state: 'delivered', attempt: 0, status: 200 });
      return;
    }
    await deliverResponse(endpoint, body, {
      isOnline: () => navigator.onLine,
      waitForOnline: () => new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true })),
      // Remembered before it is shown, so a reload right after "Delivered" does not send again.
      onStatus: (next) => (next.state === 'delivered' ? void markDelivered(responseId, endpoint).finally(() => update(next)) : update(next)),
    });
  };
  // Web Locks need a secure context; without them, delivery still runs, one per page.
  const locks = typeof navigator.locks?.request === 'function' ? navigator.locks : undefined;
  void (locks ? locks.request(`skillscope-delivery:${JSON.stringify([responseId, endpoint])}`, deliver) : deliver());
}

function Delivery({ responseId, endpoint, body }: { responseId: string; endpoint: string; body: string }) {
  const [status, setStatus] = useState<DeliveryStatus>({ state: 'sending', attempt: 1 });
  useEffect(() => {
    let mounted = true;
    deliverOnce(responseId, endpoint, body, (next) => mounted && setStatus(next));
    return () => {
      mounted = false;
    };
  }, [responseId, endpoint, body]);
  return (
    <div className={`banner ${status.state === 'delivered' ? 'banner-ok' : status.state === 'failed' ? 'banner-error' : ''}`} role="status" aria-live="polite">
      <strong>{DESCRIBE[status.state]}</strong>{' '}
      {status.state === 'retrying' && <span>({status.reason}; try {status.attempt + 1} in {Math.round(status.inMs / 1000)} s)</span>}
      {status.state === 'failed' && <span>{status.reason}</span>}
    </div>
  );
}
