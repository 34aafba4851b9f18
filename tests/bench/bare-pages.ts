import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import type { ProfileRadars } from './app-fixtures.ts';
import { type Served, serve, tempDir } from './browser-harness.ts';

/**
 * The baselines of the load section, built by Vite from tests/bench/pages/ with nothing of
 * the app: the same production build settings (React plugin, es2022, minified).
 */

const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));

export const BARE_SURVEY_PAGE = 'bare-survey.html';
export const BARE_RADAR_PAGE = 'bare-radar.html';
export const BARE_REACT_RADAR_PAGE = 'bare-react-radar.html';

/** Each page built on its own, so that none shares a chunk with another, into one folder. */
export async function buildBarePages(radars: ProfileRadars): Promise<string> {
  const outDir = tempDir('bare');
  for (const [index, page] of [BARE_SURVEY_PAGE, BARE_RADAR_PAGE, BARE_REACT_RADAR_PAGE].entries()) {
    await build({
      configFile: false,
      root: PAGES,
      base: './',
      logLevel: 'silent',
      plugins: [react()],
      define: { BARE_RADARS: JSON.stringify(radars) },
      build: { outDir, emptyOutDir: index === 0, target: 'es2022', chunkSizeWarningLimit: 5000, rolldownOptions: { input: join(PAGES, page) } },
    });
  }
  return outDir;
}

/** The baselines, served as the app is (browser-harness.ts `serve`: precompressed), from one folder. */
export async function serveBarePages(radars: ProfileRadars): Promise<Served> {
  return serve(await buildBarePages(radars));
}
