/** `npm run score -- FILE... --out DIR [--framework FILE]...`, parsed without printing anything. */
export type ScoreArgs = {
  help: boolean;
  files: string[];
  out: string | null;
  frameworkFiles: string[];
  /** Usage mistakes, one sentence each. */
  issues: string[];
};

export const SCORE_HELP = `Usage:
  npm run score -- FILE... --out DIR [--framework FILE]...

Reads responses from any mix of files: response files (.json, as the app saves and raters send
them), responses-long.csv and responses-wide.csv (as the app exports them, or re-saved by Excel).
A response found twice counts once; the same response_id with different content is an error.
Writes summary.csv, statements.csv, change.csv (each learner's latest self-assessment against
the one before), reliability.csv (Cronbach's alpha per axis) and responses-long.csv to DIR,
all of them or none.

Frameworks come from the built-in set; --framework FILE adds those of FILE (an O*NET JSON
export or a Skillscope framework file), and replaces a built-in framework of the same id.
Repeat --framework for several files.

On any problem it prints one line per problem (file, row, field), writes nothing and exits 1.`;

export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  const args: ScoreArgs = { help: false, files: [], out: null, frameworkFiles: [], issues: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (what: string): string | undefined => {
      if (inline !== undefined) return inline === '' ? missing(what) : inline;
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) return missing(what);
      index += 1;
      return next;
    };
    const missing = (what: string) => {
      args.issues.push(`${name} needs ${what}.`);
      return undefined;
    };
    if (name === '--help' || name === '-h') {
      args.help = true;
    } else if (name === '--out') {
      const out = value('a folder');
      if (out !== undefined && args.out !== null) args.issues.push('--out is given twice.');
      if (out !== undefined) args.out = out;
    } else if (name === '--framework') {
      const file = value('a framework file');
      if (file !== undefined) args.frameworkFiles.push(file);
    } else if (name === '--') {
      args.files.push(...argv.slice(index + 1));
      break;
    } else if (name.startsWith('-') && name !== '-') {
      args.issues.push(`Unknown option ${name}.`);
    } else {
      args.files.push(arg);
    }
  }
  if (!args.help) {
    if (args.files.length === 0) args.issues.push('Name at least one response file or CSV to score.');
    if (args.out === null) args.issues.push('Name the output folder with --out DIR.');
  }
  return args;
}
