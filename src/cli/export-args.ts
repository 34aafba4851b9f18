import { commandOptions } from './command-options.ts';
import { CASE_VERSIONS, type CaseVersion } from '../core/case/case-package.ts';

/** `npm run export -- --framework ID|FILE --format case [--case-version 1.1|1.0] --out FILE`, parsed without printing. */
export type ExportArgs = {
  help: boolean;
  framework: string | null;
  format: 'case' | null;
  caseVersion: CaseVersion;
  out: string | null;
  /** Usage mistakes, one sentence each. */
  issues: string[];
};

export const EXPORT_HELP = `Usage:
  npm run export -- --framework ID|FILE --format case [--case-version 1.1|1.0] --out FILE

Writes one framework as a 1EdTech CASE package (CFPackage JSON) that other CASE tools open:
the framework as the CFDocument, its levels and domains as CFItems, each statement as a CFItem
under its domain or level (with hasSkillLevel to its level), and the four-point rating scale as
a CFRubric. --case-version 1.0 writes a CASE 1.0 package instead of 1.1 (the default).

--framework takes a built-in framework id (css-occupational, css-ai-at-work, css-durable-skills,
scqf-it-support, it-generalist, pipeline-it-support) or a framework file of any format that
npm run generate reads. The same framework always gives the same file, byte for byte.

On any problem it prints one line per problem, writes nothing and exits 1.`;

export function parseExportArgs(argv: readonly string[]): ExportArgs {
  const args: ExportArgs = { help: false, framework: null, format: null, caseVersion: '1.1', out: null, issues: [] };
  const given = new Set<string>();
  for (const option of commandOptions(argv, args.issues)) {
    const { name } = option;
    const value = (what: string): string | undefined => {
      if (given.has(name)) args.issues.push(`${name} is given twice.`);
      given.add(name);
      return option.value(what);
    };
    if (name === '--help' || name === '-h') {
      args.help = true;
    } else if (name === '--framework') {
      args.framework = value('a built-in framework id or a framework file') ?? args.framework;
    } else if (name === '--format') {
      const format = value('a format (case)');
      if (format === 'case') args.format = 'case';
      else if (format !== undefined) args.issues.push(`--format ${format} is not known: the only export format is case.`);
    } else if (name === '--case-version') {
      const version = value('1.1 or 1.0');
      if (version !== undefined && (CASE_VERSIONS as readonly string[]).includes(version)) args.caseVersion = version as CaseVersion;
      else if (version !== undefined) args.issues.push(`--case-version ${version} is not known: use 1.1 or 1.0.`);
    } else if (name === '--out') {
      args.out = value('a file to write') ?? args.out;
    } else {
      args.issues.push(name.startsWith('-') ? `Unknown option ${name}.` : `Unexpected argument ${name}: name the framework with --framework.`);
    }
  }
  if (!args.help) {
    if (args.framework === null && !given.has('--framework')) args.issues.push('Name the framework with --framework ID or --framework FILE.');
    if (args.format === null && !given.has('--format')) args.issues.push('Name the format with --format case.');
    if (args.out === null && !given.has('--out')) args.issues.push('Name the file to write with --out FILE.');
  }
  return args;
}
