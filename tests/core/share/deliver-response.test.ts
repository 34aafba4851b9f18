import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deliverResponse, type DeliveryStatus } from '../../../src/core/share/deliver-response.ts';

// msw stands in for a team's collection endpoint.
const ENDPOINT = 'https://collect.example.test/skillscope';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const body = JSON.stringify({ format: 'skillscope-response', version: 1, response_id: 'r1' });
const noWait = { sleep: () => Promise.resolve(), baseDelayMs: 10 };

function recordStatuses() {
  const seen: DeliveryStatus[] = [];
  return { seen, onStatus: (status: DeliveryStatus) => seen.push(status) };
}

describe('deliverResponse to a collection endpoint', () => {
  it('delivers on the first try and says so', async () => {
    const received: unknown[] = [];
    server.use(http.post(ENDPOINT, async ({ request }) => {
      received.push(await request.json());
      return HttpResponse.json({ ok: true }, { status: 201 });
    }));
    const result = await deliverResponse(ENDPOINT, body, noWait);
    expect(result).toEqual({ state: 'delivered', attempt: 1, status: 201 });
    expect(received).toEqual([JSON.parse(body)]);
  });

  it('retries after a 500 with growing delays, then delivers', async () => {
    let calls = 0;
    server.use(http.post(ENDPOINT, () => (++calls < 3 ? new HttpResponse(null, { status: 500 }) : new HttpResponse(null, { status: 200 }))));
    const waits: number[] = [];
    const { seen, onStatus } = recordStatuses();
    const result = await deliverResponse(ENDPOINT, body, { baseDelayMs: 100, sleep: async (ms) => void waits.push(ms), onStatus });
    expect(result.state).toBe('delivered');
    expect(waits).toEqual([100, 200]);
    expect(seen.filter((s) => s.state === 'retrying').map((s) => s.state === 'retrying' && s.reason)).toEqual(['the collection address answered HTTP 500', 'the collection address answered HTTP 500']);
  });

  it('waits while offline, then delivers once back online', async () => {
    let online = false;
    let failures = 0;
    server.use(http.post(ENDPOINT, () => (online ? new HttpResponse(null, { status: 204 }) : (failures++, HttpResponse.error()))));
    const { seen, onStatus } = recordStatuses();
    const result = await deliverResponse(ENDPOINT, body, {
      ...noWait,
      isOnline: () => online || failures === 0,
      waitForOnline: async () => { online = true; },
      onStatus,
    });
    expect(result.state).toBe('delivered');
    expect(seen.map((s) => s.state)).toEqual(['sending', 'retrying', 'waiting-online', 'sending', 'delivered']);
  });

  it('gives up on an answer that never comes within the timeout, after the last try', async () => {
    server.use(http.post(ENDPOINT, async () => {
      await delay(2_000);
      return new HttpResponse(null, { status: 200 });
    }));
    const result = await deliverResponse(ENDPOINT, body, { ...noWait, timeoutMs: 50, maxAttempts: 2 });
    expect(result).toMatchObject({ state: 'failed', attempt: 2 });
    expect(result.state === 'failed' && result.reason).toContain('no answer within');
  });

  it('accepts a slow answer that comes within the timeout', async () => {
    server.use(http.post(ENDPOINT, async () => {
      await delay(150);
      return new HttpResponse(null, { status: 200 });
    }));
    expect(await deliverResponse(ENDPOINT, body, { ...noWait, timeoutMs: 2_000 })).toMatchObject({ state: 'delivered', attempt: 1 });
  });

  it('stops at once on 413 and tells the rater to send the file', async () => {
    let calls = 0;
    server.use(http.post(ENDPOINT, () => (calls++, new HttpResponse(null, { status: 413 }))));
    const result = await deliverResponse(ENDPOINT, body, noWait);
    expect(calls).toBe(1);
    expect(result).toMatchObject({ state: 'failed', status: 413 });
    expect(result.state === 'failed' && result.reason).toMatch(/too large.*response file/);
  });
});
