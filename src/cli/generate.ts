import { fileURLToPath } from 'node:url';
import { escapeControls } from '../core/model/echo.ts';
import { formatIssue } from '../core/model/result.ts';
import { surveyFiles } from '../core/generate/survey-files.ts';
import { withCasePartHint } from './case-part-hint.ts';
import { commandOptions } from './command-options.ts';
import { loadBuiltinFrameworks } from './load-builtin-frameworks.ts';
import { loadFrameworkFiles } from './load-framework-files.ts';
import { describeFailedWrite, writeOutputFiles } from './write-output.ts';

const SURVEYS_DIR = fileURLToPath(new URL('../../surveys/', import.meta.url));

const HELP = `Usage:
  npm run generate                          regenerate surveys/ from seeds/ (the six built-in frameworks)
  npm run generate -- FILE... --out DIR     generate the surveys of any framework file(s) into DIR
  npm run generate -- PACKAGE --case-part IDENTIFIER --out DIR
                                            only the part of a CASE package below that item

Reads the spreadsheet framework template (CSV or .xlsx: framework_id, framework_title, source,
domain, level, statement, statement_id), O*NET framework exports (JSON), Skillscope framework
files, 1EdTech CASE packages and the built-in seed formats, each told apart by its content. A
CASE package too large for one survey is refused with a list of its parts that fit, each with
its identifier, for --case-part.
Writes <framework-id>.self.json and <framework-id>.360.json per framework. On any problem it
prints one line per problem and writes nothing.`;

type Args = { help: boolean; files: string[]; out: string | null; casePart: string | null; issues: string[] };

export function parseGenerateArgs(argv: readonly string[]): Args {
  const args: Args = { help: false, files: [], out: null, casePart: null, issues: [] };
  for (const option of commandOptions(argv, args.issues)) {
    const { name } = option;
    if (name === '--help' || name === '-h') {
      args.help = true;
    } else if (name === '--out') {
      args.out = option.value('a folder') ?? args.out;
    } else if (name === '--case-part') {
      const part = option.value('the identifier of an item of the package');
      if (part !== undefined && args.casePart !== null) args.issues.push('--case-part is given twice.');
      if (part !== undefined) args.casePart = part;
    } else if (name === '--') {
      args.files.push(...option.rest());
      break;
    } else if (name.startsWith('--')) {
      args.issues.push(`Unknown option ${name}.`);
    } else {
      args.files.push(name);
    }
  }
  if (args.files.length > 0 && args.out === null) args.issues.push('Name the output folder with --out DIR.');
  if (args.casePart !== null && args.files.length === 0) args.issues.push('--case-part picks a part of a CASE package: name the package file.');
  return args;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseGenerateArgs(argv);
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  if (args.issues.length > 0) {
    for (const issue of args.issues) console.error(escapeControls(issue));
    console.error('Run with --help for usage.');
    return 2;
  }
  const builtin = args.files.length === 0;
  const loaded = builtin ? loadBuiltinFrameworks() : await loadFrameworkFiles(args.files, args.casePart);
  if (!loaded.ok) {
    for (const issue of loaded.issues) console.error(formatIssue(withCasePartHint(issue)));
    console.error(`Nothing written: ${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'}.`);
    return 1;
  }
  const out = args.out ?? SURVEYS_DIR;
  const files = loaded.value.flatMap(surveyFiles);
  const written = writeOutputFiles(out, files);
  if (!written.ok) {
    for (const issue of written.issues) console.error(formatIssue(issue));
    console.error(describeFailedWrite(written));
    return 1;
  }
  console.log(`Wrote ${files.length} surveys for ${loaded.value.length} framework${loaded.value.length === 1 ? '' : 's'} to ${escapeControls(out)}: ${loaded.value.map((f) => f.id).join(', ')}.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
