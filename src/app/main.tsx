import { loaders, surveyLoaders } from 'virtual:skillscope/catalogue';
import { DATE_AND_TIME, dateFormat } from './components/date-formats.ts';
import { parseRoute, type Route, showsBuiltinSurvey } from './shell/hash-route.ts';
import { routeCode } from './shell/route-code.ts';
import { openStorageEarly } from './storage/db.ts';
import './styles.css';

/**
 * The entry asks for every file the first route needs as the very first thing it does, and
 * imports nothing that is kept in a file of its own (each such file would have to arrive before
 * this one runs). Issue 13: the survey's chunk (survey-core) used to be asked for only after
 * the entry's own imports had arrived and run (`npm run bench -- load`).
 *
 * A browser fetches at most six files at a time from one HTTP/1.1 server, in the order asked.
 * The shell (React DOM), which every route waits for, is preloaded by index.html beside this
 * file (src/build/route-chunks.ts), so the framework, the code that starts the app and the
 * route's own file are all asked for at once. For a route it knows from the hash, index.html's
 * inline script (src/build/route-preload-plugin.ts) has asked for them already, while this file
 * downloaded: asking here then reuses those fetches. No top-level await: a route's chunk may import
 * modules of this entry chunk, which must have finished running.
 */
function builtinFramework(route: Route): Promise<unknown> | undefined {
  if (!('frameworkId' in route) || !Object.prototype.hasOwnProperty.call(loaders, route.frameworkId)) return undefined;
  // A built-in framework's surveys are a file of their own, which only a survey page needs.
  const surveys = showsBuiltinSurvey(route) ? surveyLoaders[route.frameworkId]?.() : undefined;
  return Promise.all([loaders[route.frameworkId]?.(), surveys]);
}

/**
 * A page's first date format loads the locale's data (15-25 ms here), and the profile's header
 * shows dates. Made when the main thread first waits for the files asked for above, it is the very
 * format the header then uses (date-formats.ts). Made by the shell's code instead, once those
 * files had arrived, it held the profile's charts back by as much (issue 13, `npm run bench -- load`).
 */
function warmDateFormat(): void {
  dateFormat(DATE_AND_TIME).format(0);
}

/** Safari has no requestIdleCallback: there the next task will do. */
function whenIdle(run: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run);
  else setTimeout(run, 0);
}

const root = document.getElementById('root');
if (root) {
  const route = parseRoute(window.location.hash);
  builtinFramework(route)?.catch(() => undefined); // a missing framework is said by the page
  const shell = import('./shell/mount-app.tsx');
  // Opening IndexedDB takes a while on a cold start: do it while the code downloads.
  const storage = openStorageEarly();
  const start = import('./shell/route-pages.ts');
  if (route.name !== 'not-found') routeCode[route.name]().catch(() => undefined); // a failed page is shown by its route
  if (route.name === 'profile') whenIdle(warmDateFormat);
  void Promise.all([shell, start, storage])
    .then(async ([{ mountApp }, { preloadRoute }]) => {
      await preloadRoute(route);
      mountApp(root);
    });
}
