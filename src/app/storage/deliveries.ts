import { isRecord, own } from '../../core/model/json-value.ts';
import { database } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/**
 * Whether the collection address already took this response: reopening the link then shows
 * "Delivered" instead of sending the same response again. A mark that does not read back counts
 * as not delivered: the response is sent again, and the address counts one response_id once.
 */
export async function wasDelivered(responseId: string, endpoint: string): Promise<boolean> {
  const stored: unknown = await (await database()).get('deliveries', [responseId, endpoint]);
  return isRecord(stored) && own(stored, 'responseId') === responseId && own(stored, 'endpoint') === endpoint;
}

export function markDelivered(responseId: string, endpoint: string): Promise<boolean> {
  return guardedWrite(async () => (await database()).put('deliveries', { responseId, endpoint }));
}
