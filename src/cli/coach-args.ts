import { commandOptions } from './command-options.ts';

/**
 * `npm run coach -- COMMAND ...`, parsed without printing anything: the command, its positional
 * arguments, its options by name, and every usage mistake as one sentence.
 */
export type CoachCommand = 'keygen' | 'campaign' | 'seal' | 'open';
export type CoachArgs = {
  help: boolean;
  command: CoachCommand | null;
  positional: string[];
  options: Map<string, string>;
  flags: Set<string>;
  issues: string[];
};

/** Each command's options: `value` takes one value, `flag` none. */
const OPTIONS: Record<CoachCommand, Record<string, 'value' | 'flag'>> = {
  keygen: { '--out': 'value', '--passphrase': 'flag' },
  campaign: {
    '--framework': 'value', '--case-part': 'value', '--learner': 'value', '--learner-id': 'value', '--coach': 'value', '--groups': 'value',
    '--thresholds': 'value', '--closes': 'value', '--key': 'value', '--out': 'value', '--app-url': 'value', '--endpoint': 'value',
  },
  seal: { '--campaign': 'value', '--token': 'value', '--framework': 'value', '--case-part': 'value', '--out': 'value' },
  open: { '--key': 'value', '--framework': 'value', '--case-part': 'value', '--out': 'value', '--previous': 'value', '--accept-late': 'flag' },
};
const REQUIRED: Record<CoachCommand, string[]> = {
  keygen: ['--out'],
  campaign: ['--framework', '--learner', '--groups', '--key', '--out'],
  seal: ['--campaign', '--token', '--out'],
  open: ['--key', '--out'],
};
const POSITIONAL: Record<CoachCommand, { min: number; what: string }> = {
  keygen: { min: 0, what: '' },
  campaign: { min: 0, what: '' },
  seal: { min: 1, what: 'the response file to seal' },
  open: { min: 2, what: 'the campaign folder and at least one sealed response' },
};

export const COACH_HELP = `Usage:
  npm run coach -- keygen --out coach.key [--passphrase]
  npm run coach -- campaign --framework ID|FILE [--case-part ID] --learner NAME [--learner-id ID] [--coach NAME]
                   --groups manager=1,peer=4 [--thresholds peer=3,comments=3] [--closes YYYY-MM-DD]
                   --key coach.key --out campaign/ [--app-url URL] [--endpoint URL]
  npm run coach -- seal RESPONSE.json --campaign campaign/manifest.jws --token T --out FILE.age
                   [--framework FILE [--case-part ID]]
  npm run coach -- open campaign/ SEALED... --key coach.key --out results/ [--framework FILE [--case-part ID]]
                   [--previous results-before/ [--accept-late]]

keygen    writes an age identity file, as age-keygen does, and prints its public key and the
          fingerprint raters compare; --passphrase wraps it in an age passphrase file instead
          (the passphrase is read from SKILLSCOPE_COACH_PASSPHRASE).
campaign  writes manifest.jws (signed by the coach) and invitations.csv (invitation_id, group,
          token, link): give each rater their own line, never the learner. With --endpoint
          (https://), each rater's page also POSTs their sealed code to that address.
seal      seals a response file's answers and comments as a rater's browser does, for scripts.
open      opens the sealed responses (files or codes) and the learner's plain self-assessment if
          given, and writes the score CSVs and counted.csv for the coach, and report.jws for the
          learner. After a report was issued, --previous names its folder: responses that came
          later are refused unless each group gains at least its threshold of them (comparing
          two reports would show a lone late rater's answers), or --accept-late is given.

--case-part ID reads, of a CASE package too large for one survey, only the part below that item
(its refusal lists the parts that fit, with their identifiers).

On any problem it prints one line per problem, writes nothing and exits 1.`;

const COMMANDS: readonly CoachCommand[] = ['keygen', 'campaign', 'seal', 'open'];

export function parseCoachArgs(argv: readonly string[]): CoachArgs {
  const args: CoachArgs = { help: false, command: null, positional: [], options: new Map(), flags: new Set(), issues: [] };
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    args.help = true;
    return args;
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    args.issues.push(`Unknown command ${first}: use keygen, campaign, seal or open.`);
    return args;
  }
  const command = first as CoachCommand;
  args.command = command;
  const known = OPTIONS[command];
  for (const option of commandOptions(rest, args.issues)) {
    const { name } = option;
    if (name === '--help' || name === '-h') {
      args.help = true;
    } else if (known[name] === 'flag') {
      args.flags.add(name);
    } else if (known[name] === 'value') {
      const value = option.value('a value');
      if (value !== undefined && args.options.has(name)) args.issues.push(`${name} is given twice.`);
      else if (value !== undefined) args.options.set(name, value);
    } else if (name.startsWith('--')) {
      args.issues.push(`Unknown option ${name} for ${command}.`);
    } else {
      args.positional.push(name);
    }
  }
  if (args.help) return args;
  for (const name of REQUIRED[command]) if (!args.options.has(name)) args.issues.push(`${command} needs ${name}.`);
  const positional = POSITIONAL[command];
  if (args.positional.length < positional.min) args.issues.push(`${command} needs ${positional.what}.`);
  if (positional.min === 0 && args.positional.length > 0) args.issues.push(`${command} takes no file names: ${args.positional.length} given.`);
  return args;
}

/** `manager=1,peer=4` as a map of names to whole numbers, every mistake listed. */
export function parseCounts(text: string, what: string, issues: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const part of text.split(',')) {
    const match = /^\s*([a-z-]+)\s*=\s*(\d{1,6})\s*$/.exec(part);
    if (match === null) issues.push(`${what}: ${JSON.stringify(part)} is not name=number.`);
    else if (counts.has(match[1] ?? '')) issues.push(`${what}: ${match[1]} is given twice.`);
    else counts.set(match[1] ?? '', Number(match[2]));
  }
  return counts;
}
