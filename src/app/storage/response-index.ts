import { database } from './db.ts';

/**
 * The ids of the frameworks with at least one stored response, from the subject index's keys
 * alone: no response is read or parsed, so the home page loads no parser for it.
 */
export async function frameworksWithResponses(): Promise<Set<string>> {
  const ids = new Set<string>();
  const index = (await database()).transaction('responses').store.index('bySubject');
  for (let cursor = await index.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) {
    const frameworkId: unknown = cursor.key[1];
    if (typeof frameworkId === 'string') ids.add(frameworkId);
  }
  return ids;
}
