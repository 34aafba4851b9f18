import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRouteChunks } from '../../src/build/route-chunks.ts';

/**
 * The app's modules in a few chunks, each importing only from chunks before it: a module in an
 * earlier chunk that imported one in a later chunk would make a cycle, and a module could then
 * run before its imports (issue 13's first attempts at grouping broke the app that way).
 */

const APP = '/app/src/app';
const LAYERS = ['shell', 'home', 'survey', 'scoring', 'profile'];

/** A module graph shaped like the app's: the pages, what they share, and libraries. */
const IMPORTS: Record<string, string[]> = {
  'main.tsx': ['shell/hash-route.ts', 'storage/db.ts'],
  'storage/db.ts': ['node_modules/idb'],
  'shell/mount-app.tsx': ['shell/App.tsx', 'node_modules/react-dom'],
  'shell/App.tsx': ['shell/hash-route.ts', 'node_modules/react'],
  'shell/route-pages.ts': ['frameworks/framework-source.ts'],
  'frameworks/framework-source.ts': ['storage/db.ts'],
  'routes/HomePage.tsx': ['components/FileDropZone.tsx', 'storage/drafts.ts', 'node_modules/react'],
  'routes/AssessPage.tsx': ['node_modules/survey-core', 'storage/drafts.ts', 'storage/settings.ts'],
  'routes/ProfilePage.tsx': ['profile/ProfileView.tsx', 'storage/settings.ts', 'storage/responses.ts'],
  'profile/ProfileView.tsx': ['node_modules/chart.js', 'core/score-subject.ts'],
  'storage/responses.ts': ['core/response-file.ts', 'storage/db.ts'],
  'routes/TeamPage.tsx': ['core/score-subject.ts', 'storage/responses.ts', 'team/TeamTable.tsx'],
  'routes/DataPage.tsx': ['components/FileDropZone.tsx', 'storage/responses.ts'],
  'routes/ReportPage.tsx': ['profile/ProfileView.tsx', 'report/report.ts'],
};

function graph() {
  const id = (path: string) => (path.startsWith('node_modules/') ? `/app/${path}` : join(APP, path));
  const modules = new Map<string, string[]>();
  for (const to of Object.values(IMPORTS)) for (const target of to) modules.set(id(target), []);
  for (const [from, to] of Object.entries(IMPORTS)) modules.set(id(from), to.map(id));
  return { id, modules, getModuleInfo: (moduleId: string) => (modules.has(moduleId) ? { importedIds: modules.get(moduleId) ?? [] } : null) };
}

describe('the chunks of the app', () => {
  const g = graph();
  const plan = planRouteChunks(g, APP);
  const chunkOf = (path: string) => plan.get(g.id(path)) ?? 'left to Rolldown';

  it('leaves the entry and what it imports where they are, so the entry waits for no other file', () => {
    for (const path of ['main.tsx', 'shell/hash-route.ts', 'storage/db.ts', 'node_modules/idb']) expect(chunkOf(path)).toBe('left to Rolldown');
  });

  it('puts what every page runs, and what two of the first pages share, in the shell', () => {
    for (const path of ['shell/mount-app.tsx', 'shell/App.tsx', 'node_modules/react-dom', 'node_modules/react', 'frameworks/framework-source.ts']) expect(chunkOf(path)).toBe('shell');
    expect(chunkOf('storage/drafts.ts')).toBe('shell'); // home and survey
    expect(chunkOf('storage/settings.ts')).toBe('shell'); // survey and profile
  });

  it('gives the home page, the survey and the profile one chunk each, SurveyJS and chart.js with their page', () => {
    expect(chunkOf('routes/HomePage.tsx')).toBe('home');
    expect(chunkOf('components/FileDropZone.tsx')).toBe('home');
    expect(chunkOf('routes/AssessPage.tsx')).toBe('survey');
    expect(chunkOf('node_modules/survey-core')).toBe('survey');
    expect(chunkOf('routes/ProfilePage.tsx')).toBe('profile');
    expect(chunkOf('node_modules/chart.js')).toBe('profile');
  });

  it('keeps what the profile shares with pages that draw no chart apart, so they never download chart.js', () => {
    for (const path of ['core/score-subject.ts', 'storage/responses.ts', 'core/response-file.ts']) expect(chunkOf(path)).toBe('scoring');
    expect(chunkOf('profile/ProfileView.tsx')).toBe('profile');
  });

  it('leaves the other pages to Rolldown', () => {
    for (const path of ['routes/TeamPage.tsx', 'team/TeamTable.tsx', 'routes/ReportPage.tsx', 'report/report.ts']) expect(chunkOf(path)).toBe('left to Rolldown');
  });

  it('never has a module of a chunk import one of a later chunk', () => {
    for (const [from, to] of g.modules) {
      const layer = LAYERS.indexOf(plan.get(from) ?? '');
      if (layer < 0) continue;
      for (const target of to) {
        const targetLayer = plan.get(target);
        if (targetLayer !== undefined) expect(LAYERS.indexOf(targetLayer), `${from} imports ${target}`).toBeLessThanOrEqual(layer);
      }
    }
  });

  it('stays whole when a page is missing from the graph', () => {
    const partial = { getModuleInfo: (moduleId: string) => (moduleId.endsWith('ProfilePage.tsx') ? null : g.getModuleInfo(moduleId)) };
    const without = planRouteChunks(partial, APP);
    expect(without.get(g.id('node_modules/chart.js'))).toBeUndefined();
    expect(without.get(g.id('routes/AssessPage.tsx'))).toBe('survey');
  });
});
