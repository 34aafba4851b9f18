import { basename, dirname } from 'node:path';
import { exportCasePackage, writeCasePackageJson } from '../core/case/export-case.ts';
import { escapeControls, excerpt } from '../core/model/echo.ts';
import type { Framework } from '../core/model/framework.ts';
import { formatIssue, type Issue, type Result } from '../core/model/result.ts';
import { EXPORT_HELP, parseExportArgs } from './export-args.ts';
import { loadBuiltinFrameworks } from './load-builtin-frameworks.ts';
import { loadFrameworkFiles } from './load-framework-files.ts';
import { describeFailedWrite, writeOutputFiles } from './write-output.ts';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseExportArgs(argv);
  if (args.help) {
    console.log(EXPORT_HELP);
    return 0;
  }
  if (args.issues.length > 0 || args.framework === null || args.out === null) {
    for (const issue of args.issues) console.error(escapeControls(issue));
    console.error('Run with --help for usage.');
    return 2;
  }
  const framework = await findFramework(args.framework);
  if (!framework.ok) return refuse(framework.issues);

  const options = { caseVersion: args.caseVersion };
  const content = writeCasePackageJson(framework.value, options);
  const written = writeOutputFiles(dirname(args.out), [{ name: basename(args.out), content }]);
  if (!written.ok) {
    for (const issue of written.issues) console.error(formatIssue(issue));
    console.error(describeFailedWrite(written));
    return 1;
  }
  const pkg = exportCasePackage(framework.value, options);
  console.log(`Wrote ${framework.value.id} as a CASE ${args.caseVersion} package to ${escapeControls(args.out)}: ${pkg.CFItems.length} items, ${pkg.CFAssociations.length} associations, a rating-scale rubric of ${pkg.CFRubrics[0]?.CFRubricCriteria.length ?? 0} criteria.`);
  return 0;
}

/** A built-in framework by id, else the one framework of a file. */
async function findFramework(name: string): Promise<Result<Framework>> {
  const builtin = loadBuiltinFrameworks();
  if (!builtin.ok) return builtin;
  const byId = builtin.value.find((framework) => framework.id === name);
  if (byId !== undefined) return { ok: true, value: byId };
  const loaded = await loadFrameworkFiles([name]);
  if (!loaded.ok) {
    const missing = loaded.issues.length === 1 && loaded.issues[0]?.code === 'file.unreadable' && !/[\\/.]/.test(name);
    if (!missing) return loaded;
    return { ok: false, issues: [{ code: 'export.unknown-framework', file: name, path: '--framework', message: `There is no built-in framework ${excerpt(name)} and no file of that name. Built-in ids: ${builtin.value.map((f) => f.id).join(', ')}.` }] };
  }
  const [only, ...others] = loaded.value;
  if (only === undefined) return { ok: false, issues: [{ code: 'framework.no-statements', file: name, path: '', message: 'The file holds no framework.' }] };
  if (others.length > 0) {
    return { ok: false, issues: [{ code: 'export.several-frameworks', file: name, path: '--framework', message: `The file holds ${loaded.value.length} frameworks (${loaded.value.map((f) => f.id).join(', ')}); export one at a time from a file that holds one, or by its built-in id.` }] };
  }
  return { ok: true, value: only };
}

function refuse(issues: readonly Issue[]): number {
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(`Nothing written: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
