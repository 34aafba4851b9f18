import { type ComponentType, lazy } from 'react';
import { loadFramework } from '../frameworks/framework-source.ts';
import { openStorageEarly } from '../storage/db.ts';
import type { Route } from './hash-route.ts';

/**
 * A page whose code loads with its route (survey-core and chart.js are large: STACK-NOTES.md).
 * Once preloaded, the module's own component is used, so React shows no fallback for it.
 */
function routePage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const Lazy = lazy(load);
  let loaded: ComponentType<P> | null = null;
  return {
    preload: async () => {
      loaded = (await load()).default;
    },
    component: (): ComponentType<P> => loaded ?? Lazy,
  };
}

export const pages = {
  // Lazy too, so that the other routes do not wait for the home page's code (its file reading).
  home: routePage<Record<string, never>>(() => import('../routes/HomePage.tsx').then((module) => ({ default: module.HomePage }))),
  assess: routePage(() => import('../routes/AssessPage.tsx')),
  profile: routePage(() => import('../routes/ProfilePage.tsx')),
  about: routePage(() => import('../routes/AboutPage.tsx')),
  data: routePage(() => import('../routes/DataPage.tsx')),
  invite: routePage(() => import('../routes/InvitePage.tsx')),
  rate: routePage(() => import('../routes/RatePage.tsx')),
  team: routePage(() => import('../routes/TeamPage.tsx')),
  report: routePage(() => import('../routes/ReportPage.tsx')),
  coach: routePage(() => import('../routes/CoachPage.tsx')),
};

/**
 * Loads the first route's code and framework before the first render. React 19 keeps a Suspense
 * fallback on screen for at least 300 ms once shown, so rendering when both are here is faster
 * than showing "Loading…" (measured with `npm run bench -- load`).
 *
 * `shell` starts the app shell's download (React DOM). A browser fetches at most six files at a
 * time from one HTTP/1.1 server, in the order asked: the framework and the shell, which every
 * route waits for, are asked for before the route's own files, and those a task later, once the
 * browser has queued the first ones. Asked the other way, the shell came last, ~250 ms later.
 */
export async function preloadRoute<T>(route: Route, shell: () => Promise<T>): Promise<T> {
  const framework = 'frameworkId' in route ? loadFramework(route.frameworkId).catch(() => undefined) : undefined;
  const shellLoaded = shell();
  // Opening IndexedDB takes a while on a cold start: do it while the code downloads.
  const storage = openStorageEarly();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const page = route.name === 'not-found' ? undefined : pages[route.name].preload().catch(() => undefined);
  const [loaded] = await Promise.all([shellLoaded, page, framework, storage]);
  return loaded;
}
