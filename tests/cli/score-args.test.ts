import { describe, expect, it } from 'vitest';
import { parseScoreArgs } from '../../src/cli/score-args.ts';

describe('parseScoreArgs', () => {
  it('takes files in any order around --out and repeated --framework', () => {
    expect(parseScoreArgs(['a.json', '--framework', 'f.json', 'b.csv', '--out', 'out', '--framework=g.json'])).toEqual({
      help: false,
      files: ['a.json', 'b.csv'],
      out: 'out',
      frameworkFiles: ['f.json', 'g.json'],
      issues: [],
    });
  });

  it('says what is missing or unknown, all at once', () => {
    expect(parseScoreArgs(['--out', '--verbose']).issues).toEqual(['--out needs a folder.', 'Unknown option --verbose.', 'Name at least one response file or CSV to score.', 'Name the output folder with --out DIR.']);
  });

  it('reads every argument after -- as a file, even one that starts with a dash', () => {
    expect(parseScoreArgs(['--out', 'o', '--', '--odd-name.csv']).files).toEqual(['--odd-name.csv']);
  });

  it('asks for nothing else with --help', () => {
    expect(parseScoreArgs(['--help'])).toMatchObject({ help: true, issues: [] });
  });
});
