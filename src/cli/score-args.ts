import { commandOptions } from './command-options.ts';
import { excerpt } from '../core/model/echo.ts';

/** The files `score` can write, in the order it writes them; `--only` picks among them. */
export const SCORE_OUTPUTS = ['summary', 'statements', 'change', 'reliability', 'responses-long'] as const;
export type ScoreOutput = (typeof SCORE_OUTPUTS)[number];

/** `npm run score -- FILE... --out DIR [--framework FILE]... [--only LIST]`, parsed without printing anything. */
export type ScoreArgs = {
  help: boolean;
  files: string[];
  out: string | null;
  frameworkFiles: string[];
  /** The item of a CASE package given with --framework whose part is read (--case-part). */
  casePart: string | null;
  /** The files to write, in SCORE_OUTPUTS order: all of them unless `--only` names some. */
  outputs: ScoreOutput[];
  /** Usage mistakes, one sentence each. */
  issues: string[];
};

export const SCORE_HELP = `Usage:
  npm run score -- FILE... --out DIR [--framework FILE]... [--case-part IDENTIFIER] [--only LIST]

Reads responses from any mix of files: response files (.json, as the app saves and raters send
them), responses-long.csv and responses-wide.csv (as the app exports them, or re-saved by Excel).
A response found twice counts once; the same response_id with different content is an error.
Writes summary.csv, statements.csv, change.csv (each learner's latest self-assessment against
the one before), reliability.csv (Cronbach's alpha per axis) and responses-long.csv to DIR,
all of them or none.

Frameworks come from the built-in set; --framework FILE adds those of FILE (any framework file
npm run generate reads: the spreadsheet template as .xlsx or CSV, an O*NET JSON export, a
Skillscope framework file, a CASE package), and replaces a built-in framework of the same id.
Repeat --framework for several files. --case-part IDENTIFIER reads, of a CASE package too large
for one survey, only the part below that item (as npm run generate --case-part does).

--only LIST writes only the files named, comma separated, from: summary, statements, change,
reliability, responses-long (".csv" may be added), e.g. --only summary,statements. The other
files in DIR are left as they are. Without it every file is written.

On any problem it prints one line per problem (file, row, field), writes nothing and exits 1.`;

export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  const args: ScoreArgs = { help: false, files: [], out: null, frameworkFiles: [], casePart: null, outputs: [...SCORE_OUTPUTS], issues: [] };
  let only: string | null = null;
  for (const option of commandOptions(argv, args.issues)) {
    const { name } = option;
    const value = (what: string) => option.value(what);
    if (name === '--help' || name === '-h') {
      args.help = true;
    } else if (name === '--out') {
      const out = value('a folder');
      if (out !== undefined && args.out !== null) args.issues.push('--out is given twice.');
      if (out !== undefined) args.out = out;
    } else if (name === '--framework') {
      const file = value('a framework file');
      if (file !== undefined) args.frameworkFiles.push(file);
    } else if (name === '--case-part') {
      const part = value('the identifier of an item of the package');
      if (part !== undefined && args.casePart !== null) args.issues.push('--case-part is given twice.');
      if (part !== undefined) args.casePart = part;
    } else if (name === '--only') {
      const list = value('a list of files, e.g. summary,statements');
      if (list !== undefined && only !== null) args.issues.push('--only is given twice.');
      if (list !== undefined) only = list;
    } else if (name === '--') {
      args.files.push(...option.rest());
      break;
    } else if (name.startsWith('-') && name !== '-') {
      args.issues.push(`Unknown option ${name}.`);
    } else {
      args.files.push(name);
    }
  }
  if (only !== null) {
    const picked = parseOnly(only);
    args.issues.push(...picked.issues);
    if (picked.issues.length === 0) args.outputs = picked.outputs;
  }
  if (!args.help) {
    if (args.files.length === 0) args.issues.push('Name at least one response file or CSV to score.');
    if (args.out === null) args.issues.push('Name the output folder with --out DIR.');
    if (args.casePart !== null && args.frameworkFiles.length === 0) args.issues.push('--case-part picks a part of a CASE package: give the package with --framework FILE.');
  }
  return args;
}

/** `--only summary,statements.csv`: known names only, each at most once, at least one. */
function parseOnly(list: string): { outputs: ScoreOutput[]; issues: string[] } {
  const issues: string[] = [];
  const named = new Set<ScoreOutput>();
  const names = list.split(',').map((name) => name.trim());
  for (const name of names) {
    if (name === '') continue;
    const output = SCORE_OUTPUTS.find((known) => known === name || `${known}.csv` === name);
    if (output === undefined) issues.push(`--only names ${excerpt(name)}, which is not a file score writes: name some of ${SCORE_OUTPUTS.join(', ')}.`);
    else if (named.has(output)) issues.push(`--only names ${output} twice.`);
    else named.add(output);
    // One message per mistake is enough; a list of thousands of names gets the first ten.
    if (issues.length >= 10) break;
  }
  if (issues.length === 0 && named.size === 0) issues.push(`--only names no file: name some of ${SCORE_OUTPUTS.join(', ')}.`);
  return { outputs: SCORE_OUTPUTS.filter((output) => named.has(output)), issues };
}
