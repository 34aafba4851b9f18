import { fileURLToPath } from 'node:url';
import type { Framework } from '../core/model/framework.ts';
import { formatIssue, type Issue, type Result } from '../core/model/result.ts';
import { surveyFiles } from '../core/generate/survey-files.ts';
import { MAX_FRAMEWORK_FILE_BYTES } from '../core/parse/json-input.ts';
import { parseFrameworkFile } from '../core/parse/parse-framework-file.ts';
import { loadBuiltinFrameworks } from './load-builtin-frameworks.ts';
import { readInputFile } from './read-input-file.ts';
import { writeFilesAtomically } from './write-files-atomically.ts';

const SURVEYS_DIR = fileURLToPath(new URL('../../surveys/', import.meta.url));

const HELP = `Usage:
  npm run generate                          regenerate surveys/ from seeds/ (the six built-in frameworks)
  npm run generate -- FILE... --out DIR     generate the surveys of any framework file(s) into DIR

Reads O*NET framework exports (JSON), Skillscope framework files and the built-in seed formats.
Writes <framework-id>.self.json and <framework-id>.360.json per framework. On any problem it
prints one line per problem and writes nothing.`;

type Args = { help: boolean; files: string[]; out: string | null; issues: string[] };

export function parseGenerateArgs(argv: readonly string[]): Args {
  const args: Args = { help: false, files: [], out: null, issues: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--out') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) args.issues.push('--out needs a folder.');
      else args.out = value;
      i += 1;
    } else if (arg.startsWith('--')) args.issues.push(`Unknown option ${arg}.`);
    else args.files.push(arg);
  }
  if (args.files.length > 0 && args.out === null) args.issues.push('Name the output folder with --out DIR.');
  return args;
}

function frameworksFromFiles(files: readonly string[]): Result<Framework[]> {
  const frameworks: Framework[] = [];
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const input = readInputFile(file, MAX_FRAMEWORK_FILE_BYTES);
    const parsed = input.ok ? parseFrameworkFile(input.value.text, file, input.value.bytes) : input;
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    for (const framework of parsed.value) {
      const first = seen.get(framework.id);
      if (first !== undefined) {
        issues.push({ code: 'framework.duplicate-id', file, path: 'id', message: `Framework "${framework.id}" is also in ${first}.` });
      }
      seen.set(framework.id, file);
      frameworks.push(framework);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: frameworks };
}

function main(argv: readonly string[]): number {
  const args = parseGenerateArgs(argv);
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (args.issues.length > 0) {
    for (const issue of args.issues) console.error(issue);
    console.error('Run with --help for usage.');
    return 2;
  }
  const builtin = args.files.length === 0;
  const loaded = builtin ? loadBuiltinFrameworks() : frameworksFromFiles(args.files);
  if (!loaded.ok) {
    for (const issue of loaded.issues) console.error(formatIssue(issue));
    console.error(`Nothing written: ${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'}.`);
    return 1;
  }
  const out = args.out ?? SURVEYS_DIR;
  const files = loaded.value.flatMap(surveyFiles);
  writeFilesAtomically(out, files);
  console.log(`Wrote ${files.length} surveys for ${loaded.value.length} framework${loaded.value.length === 1 ? '' : 's'} to ${out}: ${loaded.value.map((f) => f.id).join(', ')}.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
