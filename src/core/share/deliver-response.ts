/**
 * DESIGN.md: when a survey names a collection endpoint, the response is also POSTed there as the
 * JSON response file. Network failures, timeouts and server errors are retried with exponential
 * backoff (waiting for the browser to be online again first); a refusal by the server (4xx, such
 * as 413 too large) is final. The rater is told each step through `onStatus`.
 */
export type DeliveryStatus =
  | { state: 'sending'; attempt: number }
  | { state: 'waiting-online'; attempt: number }
  | { state: 'retrying'; attempt: number; inMs: number; reason: string }
  | { state: 'delivered'; attempt: number; status: number }
  | { state: 'failed'; attempt: number; status: number | null; reason: string };

export type DeliveryOptions = {
  fetch?: typeof fetch;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  isOnline?: () => boolean;
  waitForOnline?: () => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  onStatus?: (status: DeliveryStatus) => void;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function deliverResponse(endpoint: string, body: string, options: DeliveryOptions = {}): Promise<DeliveryStatus> {
  const {
    fetch: send = globalThis.fetch.bind(globalThis),
    maxAttempts = 6,
    baseDelayMs = 1000,
    maxDelayMs = 30_000,
    timeoutMs = 15_000,
    isOnline = () => true,
    waitForOnline = () => Promise.resolve(),
    sleep = defaultSleep,
    onStatus = () => undefined,
  } = options;
  const report = (status: DeliveryStatus) => {
    onStatus(status);
    return status;
  };

  for (let attempt = 1; ; attempt += 1) {
    if (!isOnline()) {
      report({ state: 'waiting-online', attempt });
      await waitForOnline();
    }
    report({ state: 'sending', attempt });
    let reason: string;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const answer = await send(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: abort.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
      if (answer.ok) return report({ state: 'delivered', attempt, status: answer.status });
      if (answer.status === 413) return report({ state: 'failed', attempt, status: 413, reason: 'The collection address says the response is too large. Send the response file instead.' });
      if (answer.status >= 400 && answer.status < 500 && answer.status !== 408 && answer.status !== 429) {
        return report({ state: 'failed', attempt, status: answer.status, reason: `The collection address refused the response (HTTP ${answer.status}). Send the response file instead.` });
      }
      reason = `the collection address answered HTTP ${answer.status}`;
    } catch (error) {
      reason = abort.signal.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : 'the network is unreachable';
      void error;
    } finally {
      clearTimeout(timer);
    }
    if (attempt >= maxAttempts) {
      return report({ state: 'failed', attempt, status: null, reason: `Not delivered after ${attempt} tries (${reason}). Send the response file instead.` });
    }
    const inMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    report({ state: 'retrying', attempt, inMs, reason });
    await sleep(inMs);
  }
}
