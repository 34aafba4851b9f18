import { join } from 'node:path';
import type { Rolldown } from 'vite';

type CodeSplitting = Exclude<NonNullable<Rolldown.OutputOptions['codeSplitting']>, boolean>;
type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/**
 * Issue 13: a cold load of the profile fetched 28 files and the survey 14, each a round of the
 * browser's six connections and a module to instantiate, where the baselines fetch one; most were
 * small chunks Rolldown makes for each set of pages that share a module. This groups the modules
 * in layers, each a chunk that imports only from the layers before it (so no chunk cycle, and
 * every module still runs after its imports):
 *
 * 1. the entry (main.tsx and what it imports): left as it is, it asks for everything else;
 * 2. `shell`: what every page runs (React DOM, the app frame, the page list) and what two of the
 *    three first pages (home, survey, profile) share: small, and each of them needs it anyway;
 * 3. `home`: the home page (the pages that also read files share its file picker);
 * 4. `survey`: the survey page and SurveyJS (the rating page takes it too);
 * 5. `scoring`: what the profile shares with pages that draw no chart (team, data): scoring,
 *    reading stored responses; so those pages do not download chart.js. The profile's own data
 *    reading goes here too: this file is in and running while the profile's (chart.js) is still
 *    being compiled, so the profile's stored responses are read and scored meanwhile;
 * 6. `profile`: the rest of the profile page, chart.js included (the 360 report takes it too).
 *
 * Anything else (the other pages, code loaded later on purpose by `import()`: the survey's saving
 * code, file reading, exports, each built-in framework) is left to Rolldown's own splitting.
 */

/** Modules by path under the project's src/app. */
const APP = {
  entry: 'main.tsx',
  shell: ['shell/mount-app.tsx', 'shell/route-pages.ts'],
  home: 'routes/HomePage.tsx',
  survey: 'routes/AssessPage.tsx',
  profile: 'routes/ProfilePage.tsx',
  /** Pages that share scoring code with the profile but draw no radar. */
  chartless: ['routes/TeamPage.tsx', 'routes/DataPage.tsx'],
  /** What the profile reads and scores before its first render (shell/route-pages.ts preloads it). */
  profileData: 'profile/load-profile-data.ts',
};

/** Every module `roots` import statically, themselves included. */
function staticClosure(graph: ModuleGraph, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || seen.has(id)) continue;
    const info = graph.getModuleInfo(id);
    if (info === null) continue;
    seen.add(id);
    stack.push(...info.importedIds);
  }
  return seen;
}

const minus = (set: ReadonlySet<string>, ...others: ReadonlySet<string>[]) => new Set([...set].filter((id) => !others.some((other) => other.has(id))));

/** The chunk of each grouped module, worked out once from the module graph. */
export function planRouteChunks(graph: ModuleGraph, appDir: string): Map<string, string> {
  const at = (path: string) => join(appDir, path);
  const entry = staticClosure(graph, [at(APP.entry)]);
  const pages = [APP.home, APP.survey, APP.profile].map((page) => minus(staticClosure(graph, [at(page)]), entry));
  const sharedByTwo = [...new Set(pages.flatMap((page) => [...page]))].filter((id) => pages.filter((page) => page.has(id)).length >= 2);
  const shell = minus(staticClosure(graph, [...APP.shell.map(at), ...sharedByTwo]), entry);
  const [homePage = new Set<string>(), surveyPage = new Set<string>(), profilePage = new Set<string>()] = pages;
  const survey = minus(surveyPage, shell);
  const chartless = staticClosure(graph, [...APP.chartless, APP.profileData].map(at));
  const profile = minus(profilePage, shell, survey);
  const plan = new Map<string, string>();
  const layers: [string, ReadonlySet<string>][] = [['shell', shell], ['home', minus(homePage, shell)], ['survey', survey], ['scoring', new Set([...profile].filter((id) => chartless.has(id)))], ['profile', minus(profile, chartless)]];
  for (const [name, ids] of layers) for (const id of ids) plan.set(id, name);
  return plan;
}

/** build.rolldownOptions.output.codeSplitting for the app in `appDir` (the project's src/app). */
export function routeChunks(appDir: string): CodeSplitting {
  const plans = new WeakMap<object, Map<string, string>>();
  return {
    groups: [{
      debugName: 'route chunks',
      name: (id, context) => {
        let plan = plans.get(context);
        if (plan === undefined) {
          plan = planRouteChunks(context, appDir);
          plans.set(context, plan);
        }
        return plan.get(id) ?? null;
      },
      // Each layer holds its modules' imports already, or leaves them to a layer before it.
      includeDependenciesRecursively: false,
    }],
  };
}

type ShellPreload = {
  /** For build.rolldownOptions.plugins: notes the shell's file names once the chunks are written. */
  plugin: Rolldown.Plugin;
  /** For build.modulePreload.resolveDependencies: the page's own list, plus the shell for index.html. */
  resolveDependencies: (filename: string, deps: string[], context: { hostType: 'html' | 'js' }) => string[];
};

/**
 * Every page needs the shell (React DOM, the app frame), yet only the entry asks for it, once it
 * has arrived and run: a `<link rel="modulepreload">` in index.html fetches it beside the entry,
 * while the entry asks for the page's own chunk.
 */
export function shellPreload(): ShellPreload {
  // One build at a time per config: the bench and the browser tests build one after another.
  let shellFiles: string[] = [];
  return {
    plugin: {
      name: 'skillscope-shell-preload',
      generateBundle: {
        // Before Vite writes index.html, in the same hook.
        order: 'pre',
        handler(_options, bundle) {
          const shell = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === 'shell');
          const isEntry = (name: string) => { const file = bundle[name]; return file?.type === 'chunk' && file.isEntry; };
          // The shell's own imports (Rolldown's helpers) too; the entry is index.html's script already.
          shellFiles = shell?.type === 'chunk' ? [...shell.imports.filter((name) => !isEntry(name)), shell.fileName] : [];
        },
      },
    },
    resolveDependencies: (_filename, deps, { hostType }) => (hostType === 'html' ? [...new Set([...deps, ...shellFiles])] : deps),
  };
}
