import { spawnSync } from 'node:child_process';
import { generateIdentity } from 'age-encryption';
import { type CoachKeys, coachKeys } from '../../src/core/confidential/coach-signing-key.ts';

/** A coach for a test: a fresh age identity and everything public about it. */
export type Coach = { identity: string; keys: CoachKeys };

export async function newCoach(): Promise<Coach> {
  const identity = await generateIdentity();
  return { identity, keys: await coachKeys(identity) };
}

/**
 * Runs a Python script with JSON on its input and reads JSON from its output: the independent
 * check (Python's `cryptography`, which `npm run test:install` installs) of what we sign.
 */
export function python(script: string, input: unknown): unknown {
  const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`python3 failed (run npm run test:install for python3-cryptography): ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}
