import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders say what may import what (README "How the code is laid out", STYLE.md): app ->
 * core, cli -> core, build -> core, never core -> app; inside core, each folder imports only the
 * folders its row of the README's table names. Core runs in Node and in the browser alike, so no
 * React, DOM, Node modules, SurveyJS UI or chart.js.
 */
const root = resolve(import.meta.dirname, '..');
const coreDir = join(root, 'src/core');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);
/** Where a relative import points, or null for a package. */
const target = (file: string, spec: string): string | null => (spec.startsWith('.') ? resolve(file, '..', spec) : null);
/** "src/core/share/invitation.ts imports ../parse/x.ts", one line per import that `bad` flags. */
const offendingImports = (files: readonly string[], bad: (spec: string, file: string) => boolean): string[] =>
  files.flatMap((file) => importsOf(file).filter((spec) => bad(spec, file)).map((spec) => `${relative(root, file)} imports ${spec}`));
const importsInto = (dirs: readonly string[]) => (spec: string, file: string) => {
  const path = target(file, spec);
  return path !== null && dirs.some((dir) => isInside(path, join(root, dir)));
};

/** The README's table: each `src/core/*` row's folder and its "may import" column. */
function readCoreLayers(): Map<string, string[]> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /^## How the code is laid out\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no section "How the code is laid out"');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
  const [head = []] = rows;
  const folderAt = head.indexOf('folder');
  const mayImportAt = head.indexOf('may import');
  if (folderAt === -1 || mayImportAt === -1) throw new Error('The README table has no "folder" or "may import" column');
  const layers = new Map<string, string[]>();
  for (const cells of rows.slice(1)) {
    const folder = /^`src\/core\/([^`/]+)`$/.exec(cells[folderAt] ?? '')?.[1];
    if (folder === undefined) continue;
    const mayImport = cells[mayImportAt] ?? '';
    layers.set(folder, mayImport === 'nothing' ? [] : mayImport.split(',').map((name) => name.trim()));
  }
  return layers;
}

const listed = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

describe('the layers inside core follow the README table', () => {
  const layers = readCoreLayers();
  const folders = readdirSync(coreDir).filter((name) => statSync(join(coreDir, name)).isDirectory());

  it('has a row for every core folder and a core folder for every row, and names only core folders', () => {
    const problems = [
      ...folders.filter((folder) => !layers.has(folder)).map((folder) => `src/core/${folder} has no row in the README table`),
      ...[...layers.keys()].filter((folder) => !folders.includes(folder)).map((folder) => `the README table has a row for src/core/${folder}, which does not exist`),
      ...[...layers].flatMap(([folder, allowed]) =>
        allowed.filter((name) => !layers.has(name)).map((name) => `src/core/${folder} may import "${name}", which is no core folder in the table`),
      ),
    ];
    expect(problems).toEqual([]);
  });

  it('keeps every core file inside a layer folder (only ambient declarations sit beside them)', () => {
    const loose = readdirSync(coreDir).filter((name) => !folders.includes(name) && !name.endsWith('.d.ts'));
    expect(loose.map((name) => `src/core/${name}`)).toEqual([]);
  });

  for (const folder of folders) {
    const allowed = layers.get(folder) ?? [];
    const name = layers.has(folder) ? (allowed.length === 0 ? `core/${folder} imports no other core folder` : `core/${folder} imports only ${listed(allowed)}`) : `core/${folder} has a row in the README table`;
    it(name, () => {
      const offenders = offendingImports(filesUnder(join(coreDir, folder)), (spec, file) => {
        const path = target(file, spec);
        if (path === null || !isInside(path, coreDir)) return false;
        const into = relative(coreDir, path).split(sep)[0] ?? '';
        return into !== folder && !allowed.includes(into);
      });
      expect(offenders).toEqual([]);
    });
  }
});

describe('the layout keeps its import directions', () => {
  it('core imports only core and plain data libraries', () => {
    // Plain data and cryptography libraries that run alike in Node and the browser.
    const allowedPackages = new Set(['papaparse', 'fflate', 'age-encryption', 'jose', '@noble/hashes', '@noble/curves']);
    const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
    const offenders = offendingImports(filesUnder(coreDir), (spec, file) => {
      const path = target(file, spec);
      return path === null ? !allowedPackages.has(packageOf(spec)) : !isInside(path, coreDir);
    });
    expect(offenders).toEqual([]);
  });

  it('core imports no node: module', () => {
    expect(offendingImports(filesUnder(coreDir), (spec) => spec.startsWith('node:'))).toEqual([]);
  });

  it('core touches no browser global', () => {
    const offenders = filesUnder(coreDir).filter((file) => /\b(window|document|localStorage|indexedDB|navigator)\.[A-Za-z_]/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('the command line imports neither the app nor the build plugins', () => {
    expect(offendingImports(filesUnder(join(root, 'src/cli')), importsInto(['src/app', 'src/build']))).toEqual([]);
  });

  it('the build plugins import neither the app nor the command line', () => {
    expect(offendingImports(filesUnder(join(root, 'src/build')), importsInto(['src/app', 'src/cli']))).toEqual([]);
  });

  it('the app imports neither the command line nor the build plugins', () => {
    expect(offendingImports(filesUnder(join(root, 'src/app')), importsInto(['src/cli', 'src/build']))).toEqual([]);
  });

  it('only src/app/storage opens IndexedDB: no other file imports idb or names indexedDB', () => {
    const storage = join(root, 'src/app/storage');
    const others = filesUnder(join(root, 'src')).filter((file) => !isInside(file, storage));
    const offenders = [
      ...offendingImports(others, (spec) => spec === 'idb' || spec.startsWith('idb/')),
      ...others.filter((file) => /\bindexedDB\b/.test(readFileSync(file, 'utf8'))).map((file) => `${relative(root, file)} names indexedDB`),
    ];
    expect(offenders).toEqual([]);
  });
});
