import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const COLLECTION_ORIGIN = 'https://collect.example.test';

/**
 * Builds the app as it ships (production build, Content-Security-Policy included) and serves it
 * on a free loopback port for every browser test.
 */
export default async function setup(project: TestProject) {
  // The 360 tests stand in for a collection endpoint on this origin (playwright's route); the
  // built CSP allows only the origins named here at build time, as a deployment would.
  process.env.SKILLSCOPE_COLLECTION_ORIGINS ??= COLLECTION_ORIGIN;
  const outDir = mkdtempSync(join(tmpdir(), 'skillscope-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
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
