/** One command-line argument: its name (`--out`, or a positional word) and its value when asked for. */
export type CommandOption = {
  name: string;
  /**
   * The option's value, `--name value` or `--name=value`; taken only when asked, so flags and
   * positional words cost nothing. Missing (end of the line, an empty `=`, or another option
   * next) adds "NAME needs WHAT." to `issues` and gives undefined.
   */
  value(what: string): string | undefined;
  /** Every argument after this one, as given (after `--`, which ends the options). */
  rest(): string[];
};

/** The arguments of one command in order, for the score, export and coach parsers alike. */
export function* commandOptions(argv: readonly string[], issues: string[]): Generator<CommandOption> {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);
    const missing = (what: string) => {
      issues.push(`${name} needs ${what}.`);
      return undefined;
    };
    yield {
      name,
      value(what) {
        if (inline !== undefined) return inline === '' ? missing(what) : inline;
        const next = argv[index + 1];
        if (next === undefined || next.startsWith('--')) return missing(what);
        // The value is used up: the loop goes on after it.
        index += 1;
        return next;
      },
      rest: () => argv.slice(index + 1),
    };
  }
}
