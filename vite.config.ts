import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { builtinFrameworksPlugin } from './src/build/builtin-frameworks-plugin.ts';
import { contentSecurityPolicyPlugin } from './src/build/content-security-policy-plugin.ts';
import { routeChunks, shellPreload } from './src/build/route-chunks.ts';
import { routePreloadPlugin } from './src/build/route-preload-plugin.ts';

const preloadShell = shellPreload();

export default defineConfig({
  // Relative asset URLs, so the built app works from any folder of any static host.
  base: './',
  // The policy last: it hashes the inline script the route preload writes into index.html.
  plugins: [
    react(),
    builtinFrameworksPlugin(fileURLToPath(new URL('./seeds/', import.meta.url))),
    routePreloadPlugin(fileURLToPath(new URL('./src/app/', import.meta.url))),
    contentSecurityPolicyPlugin(),
  ],
  build: {
    target: 'es2022',
    // The survey's file holds survey-core and survey-react-ui, about 1.6 MB minified: expected, not a warning.
    chunkSizeWarningLimit: 1700,
    // A few chunks per page instead of one per set of pages sharing a module (route-chunks.ts).
    rolldownOptions: { output: { codeSplitting: routeChunks(fileURLToPath(new URL('./src/app/', import.meta.url))) }, plugins: [preloadShell.plugin] },
    modulePreload: { resolveDependencies: preloadShell.resolveDependencies },
  },
  // Module workers can load code on demand: the framework reader's worker imports read-excel-file only for a workbook.
  worker: { format: 'es' },
  test: {
    // Responses' answers compare by value, not by how they are kept (tests/support/answers-equality.ts).
    setupFiles: ['tests/support/answers-equality.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], testTimeout: 60_000 } },
      {
        extends: true,
        // The browser tests build the app once, serve it, and drive it in Debian's Chromium.
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
      },
    ],
  },
});
