import { useEffect, useState } from 'react';
import { deliverResponse, type DeliveryStatus } from '../../core/share/deliver-response.ts';
import { connectAllowed } from '../invite/content-security-policy.ts';
import { markDelivered, wasDelivered } from '../storage/deliveries.ts';

/**
 * A response POSTed to the collection address its invitation names, with a status banner: the
 * open 360's response file and the confidential 360's sealed code both go through here.
 */
export type DeliveryProps = {
  /** What the delivered mark is kept under: an open response's id, or a sealed response's invitation id. */
  deliveryId: string;
  endpoint: string;
  body: string;
  contentType: string;
};

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
function deliverOnce({ deliveryId, endpoint, body, contentType }: DeliveryProps, update: (status: DeliveryStatus) => void): void {
  if (!connectAllowed(endpoint)) {
    // The browser would block every try: say so at once instead of retrying in vain.
    update({ state: 'failed', attempt: 0, status: null, reason: `This copy of Skillscope is not allowed to send to ${new URL(endpoint).host}. Send the response file or the code instead.` });
    return;
  }
  // deliverResponse labels every body as JSON; the body's own type replaces that label here.
  const send: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('content-type', contentType);
    return fetch(input, { ...init, headers });
  };
  const deliver = async () => {
    if (await wasDelivered(deliveryId, endpoint).catch(() => false)) {
      update({ state: 'delivered', attempt: 0, status: 200 });
      return;
    }
    await deliverResponse(endpoint, body, {
      fetch: send,
      isOnline: () => navigator.onLine,
      waitForOnline: () => new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true })),
      // Remembered before it is shown, so a reload right after "Delivered" does not send again.
      onStatus: (next) => (next.state === 'delivered' ? void markDelivered(deliveryId, endpoint).finally(() => update(next)) : update(next)),
    });
  };
  // Web Locks need a secure context; without them, delivery still runs, one per page.
  const locks = typeof navigator.locks?.request === 'function' ? navigator.locks : undefined;
  void (locks ? locks.request(`skillscope-delivery:${JSON.stringify([deliveryId, endpoint])}`, deliver) : deliver());
}

export function Delivery(props: DeliveryProps) {
  const { deliveryId, endpoint, body, contentType } = props;
  const [status, setStatus] = useState<DeliveryStatus>({ state: 'sending', attempt: 1 });
  useEffect(() => {
    let mounted = true;
    deliverOnce({ deliveryId, endpoint, body, contentType }, (next) => mounted && setStatus(next));
    return () => {
      mounted = false;
    };
  }, [deliveryId, endpoint, body, contentType]);
  return (
    <div className={`banner ${status.state === 'delivered' ? 'banner-ok' : status.state === 'failed' ? 'banner-error' : ''}`} role="status" aria-live="polite">
      <strong>{DESCRIBE[status.state]}</strong>{' '}
      {status.state === 'retrying' && <span>({status.reason}; try {status.attempt + 1} in {Math.round(status.inMs / 1000)} s)</span>}
      {status.state === 'failed' && <span>{status.reason}</span>}
    </div>
  );
}
