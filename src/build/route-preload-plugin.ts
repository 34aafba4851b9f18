import { join } from 'node:path';
import type { Plugin, Rolldown } from 'vite';
import { FRAMEWORK_PREFIX, SURVEYS_PREFIX, SURVEYS_SUFFIX } from './builtin-frameworks-plugin.ts';

/**
 * Issue 13: a cold load of the profile asked for its own files (the profile's chart code, the
 * scoring file, the built-in framework) only once the entry had arrived, been compiled and run,
 * about 100 ms after index.html; the bare baseline's one script is in by then. The route lives in
 * the URL's hash, which index.html cannot know when it is built. So the build writes a small
 * inline script into index.html's head that reads the hash, finds the route's name the way
 * src/app/shell/hash-route.ts does, and adds a `<link rel="modulepreload">` for each of that
 * route's files, from a map the build made from its chunk graph. The browser then fetches them
 * beside the entry.
 *
 * The script puts nothing of the hash into a URL or the page: it only compares the hash's parts
 * with fixed names (routes, then built-in frameworks) and takes the files of the name that matched.
 * Invitation links (`#/rate/...`) carry data in the hash: that data is never read. The app's
 * Content-Security-Policy allows this one script by its sha256 hash
 * (content-security-policy-plugin.ts), never by 'unsafe-inline'.
 */

/** Each route's page module, by route name, under src/app (the same pages as shell/route-code.ts). */
export const ROUTE_PAGES = {
  home: 'routes/HomePage.tsx',
  assess: 'routes/AssessPage.tsx',
  profile: 'routes/ProfilePage.tsx',
  about: 'routes/AboutPage.tsx',
  data: 'routes/DataPage.tsx',
  invite: 'routes/InvitePage.tsx',
  rate: 'routes/RatePage.tsx',
  team: 'routes/TeamPage.tsx',
  report: 'routes/ReportPage.tsx',
  coach: 'routes/CoachPage.tsx',
} as const;

export type RouteName = keyof typeof ROUTE_PAGES;

/** Files by name, as URLs relative to index.html. */
export type PreloadMap = {
  routes: Partial<Record<RouteName, string[]>>;
  /** Each built-in framework's files, by its id. */
  frameworks: Record<string, string[]>;
  /** Each built-in framework's surveys' files, by its id: for the survey page only (showsBuiltinSurvey in hash-route.ts). */
  surveys: Record<string, string[]>;
};

/** JSON that is safe inside `<script>`: no `<` can close the element or open a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The inline script: ES5, no module, no import, so it runs where the parser meets it. Which route
 * a hash names follows hash-route.ts's `parseRoute`, on the parts as written (parseRoute decodes
 * them first; a part whose decoding differs names no route here, so at worst a preload is
 * missed, never a wrong one made). tests/build/route-preload-plugin.test.ts checks both agree.
 */
export function routePreloadScript(map: PreloadMap): string {
  return [
    '(function () {',
    `  var routes = ${scriptJson(map.routes)}, frameworks = ${scriptJson(map.frameworks)}, surveys = ${scriptJson(map.surveys)};`,
    '  var own = function (object, key) { return typeof key === "string" && Object.prototype.hasOwnProperty.call(object, key); };',
    '  var parts = location.hash.replace(/^#/, "").split("/").filter(function (part) { return part !== ""; });',
    '  var count = parts.length, head = parts[0], name = null;',
    '  if (count === 0) name = "home";',
    '  else if (head === "rate") name = "rate";',
    '  else if (count === 1 && (head === "data" || head === "team" || head === "report" || head === "coach")) name = head;',
    '  else if (count === 2 && (head === "assess" || head === "about" || head === "invite")) name = head;',
    '  else if (head === "profile" && (count === 2 || count === 3)) name = head;',
    '  if (name === null) return;',
    '  var files = own(routes, name) ? routes[name].slice() : [];',
    // The routes naming a framework (assess, profile, about, invite) have its id second; only the survey page shows its survey.
    '  var framework = name === "assess" || name === "profile" || name === "about" || name === "invite" ? parts[1] : null;',
    '  if (own(frameworks, framework)) files = frameworks[framework].concat(files);',
    '  if (name === "assess" && own(surveys, framework)) files = files.concat(surveys[framework]);',
    '  for (var i = 0; i < files.length; i += 1) {',
    '    var file = files[i], link = document.createElement("link");',
    '    if (/\\.css$/.test(file)) { link.rel = "preload"; link.as = "style"; } else link.rel = "modulepreload";',
    // The same credentials mode as the entry's `crossorigin` and Vite's own preloads, so the fetch is reused.
    '    link.crossOrigin = "";',
    '    link.href = file;',
    '    document.head.appendChild(link);',
    '  }',
    '})();',
  ].join('\n');
}

type Chunk = Rolldown.OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

/** A chunk's file, the chunks it imports statically (all the way down) and their CSS, in that order. */
function chunkFiles(bundle: Rolldown.OutputBundle, start: Chunk): string[] {
  const scripts: string[] = [];
  const styles: string[] = [];
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (chunk?.type !== 'chunk' || scripts.includes(fileName)) return;
    scripts.push(fileName);
    for (const css of (chunk as Chunk).viteMetadata?.importedCss ?? []) if (!styles.includes(css)) styles.push(css);
    for (const imported of chunk.imports) visit(imported);
  };
  visit(start.fileName);
  return [...scripts, ...styles];
}

/** The preload map of a build: each route's and each built-in framework's files, less those index.html loads already. */
export function preloadMap(bundle: Rolldown.OutputBundle, appDir: string, inHtml: (fileName: string) => boolean): PreloadMap {
  const chunks = Object.values(bundle).filter((file): file is Chunk => file.type === 'chunk');
  const filesOf = (chunk: Chunk) => chunkFiles(bundle, chunk).filter((fileName) => !inHtml(fileName)).map((fileName) => `./${fileName}`);
  const routes: PreloadMap['routes'] = {};
  for (const [name, page] of Object.entries(ROUTE_PAGES) as [RouteName, string][]) {
    const chunk = chunks.find((candidate) => candidate.moduleIds.includes(join(appDir, page)));
    if (chunk !== undefined) routes[name] = filesOf(chunk);
  }
  // The built-in frameworks' modules and their surveys' (builtin-frameworks-plugin.ts), as Rolldown names them.
  const byFramework = (prefix: string, suffix: string) => {
    const files: Record<string, string[]> = {};
    for (const chunk of chunks) {
      const moduleId = chunk.moduleIds.find((candidate) => candidate.startsWith(`\0${prefix}`) && candidate.endsWith(suffix));
      if (moduleId !== undefined) files[moduleId.slice(prefix.length + 1, moduleId.length - suffix.length)] = filesOf(chunk);
    }
    return files;
  };
  return { routes, frameworks: byFramework(FRAMEWORK_PREFIX, ''), surveys: byFramework(SURVEYS_PREFIX, SURVEYS_SUFFIX) };
}

/**
 * Writes the script into the built index.html after the entry's script and its preloads, whose
 * fetches should go first, and before the first stylesheet, as an inline script after a
 * stylesheet waits for it to load. `appDir` is the project's src/app.
 */
export function routePreloadPlugin(appDir: string): Plugin {
  return {
    name: 'skillscope-route-preload',
    apply: 'build',
    transformIndexHtml: {
      // After Vite has put the entry and its preloads in the page, so that they can be left out.
      order: 'post',
      handler(html, context) {
        if (context.bundle === undefined) return html;
        const stylesheet = html.search(/<link rel="stylesheet"/);
        const at = stylesheet >= 0 ? stylesheet : html.indexOf('</head>');
        if (at < 0 || html.slice(0, at).search(/<script type="module"[^>]*\bsrc=/) < 0) throw new Error('route preload: index.html has no entry script before its stylesheets.');
        const map = preloadMap(context.bundle, appDir, (fileName) => html.includes(`/${fileName}"`));
        return `${html.slice(0, at)}<script>\n${routePreloadScript(map)}\n</script>\n    ${html.slice(at)}`;
      },
    },
  };
}
