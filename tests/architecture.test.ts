import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders say what may import what (DESIGN.md "Layout", STYLE.md): app -> core and
 * cli -> core, never core -> app; core runs in Node, so no React, DOM, SurveyJS UI or chart.js.
 */
const root = resolve(import.meta.dirname, '..');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');

describe('the layout keeps its import directions', () => {
  const core = filesUnder(join(root, 'src/core'));

  it('core imports only core and plain data libraries', () => {
    const allowedPackages = new Set(['papaparse', 'fflate']);
    const offenders = core.flatMap((file) =>
      importsOf(file)
        .filter((spec) => (spec.startsWith('.') ? !resolve(file, '..', spec).startsWith(join(root, 'src/core')) : !allowedPackages.has(spec)))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('core touches no browser global', () => {
    const offenders = core.filter((file) => /\b(window|document|localStorage|indexedDB|navigator)\.[A-Za-z_]/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('the command line never imports the app', () => {
    const offenders = filesUnder(join(root, 'src/cli')).flatMap((file) => importsOf(file).filter((spec) => spec.includes('/app/')).map((spec) => `${relative(root, file)} imports ${spec}`));
    expect(offenders).toEqual([]);
  });
});
