import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { contentSecurityPolicy, inlineScriptHashes } from '../../src/build/content-security-policy-plugin.ts';
import { type PreloadMap, preloadMap, ROUTE_PAGES, routePreloadScript } from '../../src/build/route-preload-plugin.ts';
import { parseRoute, showsBuiltinSurvey } from '../../src/app/shell/hash-route.ts';
import { routeCode } from '../../src/app/shell/route-code.ts';

/**
 * index.html's inline script asks for the first route's files while the entry downloads
 * (issue 13). It reads the URL's hash, which an invitation link fills with data and anyone can
 * craft: it must only ever pick files from the build's fixed map, by a route name it recognises.
 */

const MAP: PreloadMap = {
  routes: {
    home: ['./assets/home-1.js', './assets/home-1.css'],
    assess: ['./assets/survey-1.js', './assets/survey-1.css'],
    profile: ['./assets/profile-1.js', './assets/scoring-1.js', './assets/profile-1.css'],
    rate: ['./assets/RatePage-1.js', './assets/survey-1.js'],
    team: ['./assets/TeamPage-1.js'],
  },
  frameworks: { 'css-durable-skills': ['./assets/css-durable-skills-1.js'] },
  surveys: { 'css-durable-skills': ['./assets/css-durable-skills-surveys-1.js'] },
};
const EVERY_FILE = new Set([...Object.values(MAP.routes), ...Object.values(MAP.frameworks), ...Object.values(MAP.surveys)].flat());

type Link = { rel: string; as?: string; crossOrigin?: string | null; href: string };

/** Runs the script as a browser would at that point of index.html, and returns the links it added. */
function linksFor(hash: string, map: PreloadMap = MAP): Link[] {
  const added: Link[] = [];
  const document = { createElement: () => ({ rel: '', href: '' }), head: { appendChild: (link: Link) => added.push(link) } };
  new Function('location', 'document', routePreloadScript(map))({ hash }, document);
  return added;
}
const hrefs = (hash: string) => linksFor(hash).map((link) => link.href);

describe('the route preload script in index.html', () => {
  it('asks for the profile\'s files and its framework, but not the framework\'s surveys, which the profile never shows', () => {
    expect(hrefs('#/profile/css-durable-skills')).toEqual(['./assets/css-durable-skills-1.js', './assets/profile-1.js', './assets/scoring-1.js', './assets/profile-1.css']);
    expect(hrefs('#/profile/css-durable-skills/someone-else')).toContain('./assets/profile-1.js');
  });

  it('asks for the survey\'s files with the framework and its surveys', () => {
    expect(hrefs('#/assess/css-durable-skills')).toEqual(['./assets/css-durable-skills-1.js', './assets/survey-1.js', './assets/survey-1.css', './assets/css-durable-skills-surveys-1.js']);
  });

  it('asks for a framework\'s surveys exactly where the app shows them (showsBuiltinSurvey): not on the about, invite or profile pages', () => {
    for (const page of ['assess', 'about', 'invite', 'profile']) {
      const hash = `#/${page}/css-durable-skills`;
      expect(hrefs(hash).includes('./assets/css-durable-skills-surveys-1.js'), hash).toBe(showsBuiltinSurvey(parseRoute(hash)));
      expect(hrefs(hash), hash).toContain('./assets/css-durable-skills-1.js');
    }
  });

  it('preloads scripts as modules, with the entry\'s credentials mode, and stylesheets as styles', () => {
    const links = linksFor('#/profile/css-durable-skills');
    expect(links.find((link) => link.href.endsWith('.js'))).toMatchObject({ rel: 'modulepreload', crossOrigin: '' });
    expect(links.find((link) => link.href.endsWith('.css'))).toMatchObject({ rel: 'preload', as: 'style', crossOrigin: '' });
  });

  it('asks for nothing on an unknown route, a route with no files in the map, or a framework it does not know', () => {
    expect(hrefs('#/nowhere')).toEqual([]);
    expect(hrefs('#/profile')).toEqual([]); // no framework: parseRoute says not found
    expect(hrefs('#/data')).toEqual([]); // not in this map
    expect(hrefs('#/profile/a-framework-from-a-file')).toEqual(MAP.routes.profile);
  });

  it('never takes a file name from the hash: a crafted invitation or framework id only ever gets files of the map', () => {
    const crafted = [
      '#/rate/"><img src=x onerror=alert(1)>',
      '#/rate/../../evil.js',
      '#/rate/https://evil.example/x.js',
      '#/assess/__proto__',
      '#/assess/constructor',
      '#/profile/hasOwnProperty',
      '#/profile/toString/valueOf',
      '#/__proto__',
      '#/constructor',
      `#/rate/${'A'.repeat(100_000)}`,
      '#/assess/%2e%2e%2fevil',
      '#/assess/css-durable-skills\u0000',
      '#////',
      '#',
      '',
    ];
    for (const hash of crafted) {
      for (const href of hrefs(hash)) expect(EVERY_FILE.has(href), `${JSON.stringify(hash.slice(0, 60))} gave ${href}`).toBe(true);
    }
    expect(hrefs('#/rate/"><img src=x onerror=alert(1)>')).toEqual(MAP.routes.rate);
    expect(hrefs('#/assess/__proto__')).toEqual(MAP.routes.assess);
  });

  it('names the same route as the app\'s own hash parser, or none (then at worst a preload is missed)', () => {
    const hashes = [
      '', '#', '#/', '#//', '#/assess/x', '#/assess', '#/assess/x/y', '#/profile/x', '#/profile/x/y', '#/profile/x/y/z', '#/about/x', '#/about',
      '#/invite/x', '#/invite/x/y', '#/rate', '#/rate/abc', '#/rate/a/b/c', '#/data', '#/data/x', '#/team', '#/team/', '#//team', '#/report', '#/coach',
      '#/coach/x', '#/home', '#/nowhere', '#/%61ssess/x', '#/assess/%E0%A4%A', '#/profile/css-durable-skills', 'no-hash-sign',
    ];
    const everyRoute: PreloadMap = { routes: Object.fromEntries(Object.keys(ROUTE_PAGES).map((name) => [name, [`./${name}.js`]])), frameworks: {}, surveys: {} };
    for (const hash of hashes) {
      const picked = linksFor(hash, everyRoute).map((link) => link.href.slice(2, -3));
      const parsed = parseRoute(hash).name;
      expect(picked.length === 0 || (picked.length === 1 && picked[0] === parsed), `${hash}: script ${picked.join()} against parseRoute ${parsed}`).toBe(true);
      // Every route the parser knows from a plainly written hash is recognised.
      if (!hash.includes('%') && parsed !== 'not-found') expect(picked, hash).toEqual([parsed]);
    }
  });

  it('knows every route of the app, by the same page modules', () => {
    expect(Object.keys(ROUTE_PAGES).sort()).toEqual(Object.keys(routeCode).sort());
  });

  it('cannot be closed early by a file name: the map is written with no "<" in it', () => {
    const script = routePreloadScript({ routes: { home: ['./assets/</script><!--<script>alert(1)</script>.js'] }, frameworks: {}, surveys: {} });
    expect(script).not.toMatch(/<\/|<!--|<script/i);
    expect(linksFor('#/', { routes: { home: ['./a</script>.js'] }, frameworks: {}, surveys: {} }).map((link) => link.href)).toEqual(['./a</script>.js']);
  });
});

describe('the preload map of a build', () => {
  const chunk = (fileName: string, moduleIds: string[], imports: string[] = [], css: string[] = []) =>
    ({ type: 'chunk', fileName, moduleIds, imports, viteMetadata: { importedCss: new Set(css) } }) as unknown as Rolldown.OutputChunk;
  const bundle = Object.fromEntries([
    chunk('assets/index-1.js', ['/app/src/app/main.tsx'], ['assets/runtime-1.js']),
    chunk('assets/runtime-1.js', ['\0rolldown/runtime']),
    chunk('assets/shell-1.js', ['/app/src/app/shell/mount-app.tsx'], ['assets/runtime-1.js']),
    chunk('assets/profile-1.js', ['/app/src/app/routes/ProfilePage.tsx', '/app/node_modules/chart.js/x.js'], ['assets/runtime-1.js', 'assets/scoring-1.js', 'assets/shell-1.js'], ['assets/profile-1.css']),
    chunk('assets/scoring-1.js', ['/app/src/app/profile/load-profile-data.ts'], ['assets/shell-1.js']),
    chunk('assets/css-durable-skills-1.js', ['\0virtual:skillscope/framework/css-durable-skills']),
    chunk('assets/css-durable-skills-surveys-1.js', ['\0virtual:skillscope/surveys/css-durable-skills-surveys']),
  ].map((file) => [file.fileName, file])) as Rolldown.OutputBundle;
  const inHtml = (fileName: string) => ['assets/index-1.js', 'assets/runtime-1.js', 'assets/shell-1.js'].includes(fileName);
  const map = preloadMap(bundle, '/app/src/app', inHtml);

  it('gives a route its page\'s file, the files it imports and their stylesheets, less what index.html loads already', () => {
    expect(map.routes.profile).toEqual(['./assets/profile-1.js', './assets/scoring-1.js', './assets/profile-1.css']);
    expect(map.routes.home).toBeUndefined(); // no chunk holds the home page in this bundle
  });

  it('gives each built-in framework its file, and its surveys theirs', () => {
    expect(map.frameworks).toEqual({ 'css-durable-skills': ['./assets/css-durable-skills-1.js'] });
    expect(map.surveys).toEqual({ 'css-durable-skills': ['./assets/css-durable-skills-surveys-1.js'] });
  });
});

describe('the Content-Security-Policy and the inline script', () => {
  it('allows an inline script by the sha256 of its exact text, as the browser computes it', () => {
    const text = '\n(function () { return 1; })();\n';
    const html = `<head><script type="module" crossorigin src="./assets/index-1.js"></script><script>${text}</script></head>`;
    expect(inlineScriptHashes(html)).toEqual([`sha256-${createHash('sha256').update(text).digest('base64')}`]);
  });

  it('never allows inline scripts wholesale', () => {
    const policy = contentSecurityPolicy([], ['sha256-abc=']);
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc='");
    expect(contentSecurityPolicy([])).toContain("script-src 'self';");
  });
});
