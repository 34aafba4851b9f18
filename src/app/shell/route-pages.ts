import { type ComponentType, lazy } from 'react';
import { builtinSummaries, loadFramework, loadFrameworkOnly } from '../frameworks/framework-source.ts';
import { loadLearner } from '../storage/settings.ts';
import { currentStorageProblem, onStorageProblem } from '../storage/storage-status.ts';
import { type Route, showsBuiltinSurvey } from './hash-route.ts';
import { routeCode } from './route-code.ts';

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
  home: routePage<Record<string, never>>(routeCode.home),
  assess: routePage(routeCode.assess),
  profile: routePage(routeCode.profile),
  about: routePage(routeCode.about),
  data: routePage(routeCode.data),
  invite: routePage(routeCode.invite),
  rate: routePage(routeCode.rate),
  team: routePage(routeCode.team),
  report: routePage(routeCode.report),
  coach: routePage(routeCode.coach),
};

/**
 * What a page reads from storage before it can show anything, begun with its code so that the
 * first render has it (a profile: the framework, the learner and their responses, scored; the
 * survey: the framework, the learner, and its model with the saved answers put back).
 * Loaded from the page's own chunk (route-chunks.ts), so it asks for no file of its own.
 */
const pageData: Partial<Record<Route['name'], (route: Route) => Promise<void>>> = {
  // The framework, the learner, and the survey's model with the saved answers put back.
  assess: async (route) => {
    if (route.name !== 'assess') return;
    const learner = loadLearner(); // read while the survey's code downloads
    learner.catch(() => undefined); // a failed read is the page's to tell
    const { preloadSelfSurvey } = await import('../survey/early-self-survey.ts');
    await preloadSelfSurvey(route.frameworkId, learner);
  },
  profile: async (route) => {
    if (route.name !== 'profile') return;
    const { preloadProfileData } = await import('../profile/load-profile-data.ts');
    await preloadProfileData(route.frameworkId, route.subjectId);
  },
};

/**
 * `data` settled, or storage reporting a problem (an older tab blocks it, or it is refused),
 * whichever comes first: a read may then never end. The listener goes with it.
 */
function unlessStorageFails(data: Promise<unknown>): Promise<unknown> {
  if (currentStorageProblem() !== null) return Promise.resolve();
  let stop = () => {};
  const problem = new Promise<void>((resolve) => {
    stop = onStorageProblem((next) => {
      if (next !== null) resolve();
    });
  });
  return Promise.race([data, problem]).finally(() => stop());
}

/** The team and data pages read every framework before they can read a stored response. */
const READS_EVERY_FRAMEWORK: ReadonlySet<Route['name']> = new Set(['team', 'data']);

/**
 * Waits for the first route's code and framework before the first render. React 19 keeps a
 * Suspense fallback on screen for at least 300 ms once shown, so rendering when both are here
 * is faster than showing "Loading…" (measured with `npm run bench -- load`). The entry
 * (main.tsx) has already asked for these files; asking again here only waits for them.
 */
export async function preloadRoute(route: Route): Promise<void> {
  const load = showsBuiltinSurvey(route) ? loadFramework : loadFrameworkOnly;
  const framework = 'frameworkId' in route ? load(route.frameworkId).catch(() => undefined) : undefined;
  const page = route.name === 'not-found' ? undefined : pages[route.name].preload().catch(() => undefined);
  // A failed or blocked read is left to the page, which reads again and says what went wrong.
  const data = pageData[route.name]?.(route).catch(() => undefined);
  // Not waited for: the page shows "Reading…" until they are here, and they download meanwhile.
  if (READS_EVERY_FRAMEWORK.has(route.name)) for (const summary of builtinSummaries()) void loadFrameworkOnly(summary.id).catch(() => undefined);
  await Promise.all([page, framework, data && unlessStorageFails(data)]);
}
