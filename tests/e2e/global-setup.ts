import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const BUILD_ENV = {
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build (StrictMode
  // double effects, dev warnings) instead of the one that ships.
  NODE_ENV: 'production',
  // The 360 tests stand in for a collection endpoint on this origin (playwright's route); the
  // built CSP allows only the origins named here at build time, as a deployment would.
  SKILLSCOPE_COLLECTION_ORIGINS: process.env.SKILLSCOPE_COLLECTION_ORIGINS ?? 'https://collect.example.test',
};

/** Runs with these environment variables, then puts back what was there, for the test workers. */
async function withEnv<T>(values: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  try {
    return await run();
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * Builds the app as it ships (production build, Content-Security-Policy included) and serves it
 * on a free loopback port for every browser test.
 */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'skillscope-e2e-'));
  await withEnv(BUILD_ENV, () => build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } }));
  const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('The preview server has no port.');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('distDir', outDir);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}
