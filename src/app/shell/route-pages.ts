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
 */
export async function preloadRoute(route: Route): Promise<void> {
  if (route.name === 'home' || route.name === 'not-found') return;
  const framework = 'frameworkId' in route ? loadFramework(route.frameworkId).catch(() => undefined) : undefined;
  // Opening IndexedDB takes a while on a cold start: do it while the code downloads.
  await Promise.all([pages[route.name].preload().catch(() => undefined), framework, openStorageEarly()]);
}
