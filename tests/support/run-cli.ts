import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs a command-line entry point as a user would through npm run, in the project folder. */
export function runCli(script: 'generate' | 'score' | 'coach' | 'export', args: readonly string[]): CliRun {
  const run = spawnSync(tsx, [`src/cli/${script}.ts`, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
