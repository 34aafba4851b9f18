import { describe, expect, it } from 'vitest';
import { parseScoreArgs } from '../../src/cli/score-args.ts';

describe('parseScoreArgs', () => {
  it('takes files in any order around --out and repeated --framework', () => {
    expect(parseScoreArgs(['a.json', '--framework', 'f.json', 'b.csv', '--out', 'out', '--framework=g.json'])).toEqual({
      help: false,
      files: ['a.json', 'b.csv'],
      out: 'out',
      frameworkFiles: ['f.json', 'g.json'],
      casePart: null,
      outputs: ['summary', 'statements', 'change', 'reliability', 'responses-long'],
      issues: [],
    });
  });

  it('takes --case-part once, for a package given with --framework', () => {
    expect(parseScoreArgs(['a.json', '--framework', 'pkg.json', '--case-part=item-1', '--out', 'out'])).toMatchObject({ casePart: 'item-1', issues: [] });
    expect(parseScoreArgs(['a.json', '--framework', 'pkg.json', '--case-part', 'x', '--case-part', 'y', '--out', 'out']).issues).toEqual(['--case-part is given twice.']);
  });

  it('says what is missing or unknown, all at once', () => {
    expect(parseScoreArgs(['--out', '--verbose']).issues).toEqual(['--out needs a folder.', 'Unknown option --verbose.', 'Name at least one response file or CSV to score.', 'Name the output folder with --out DIR.']);
  });

  it('reads every argument after -- as a file, even one that starts with a dash', () => {
    expect(parseScoreArgs(['--out', 'o', '--', '--odd-name.csv']).files).toEqual(['--odd-name.csv']);
  });

  it('writes only the files --only names, in the usual order, with or without .csv', () => {
    expect(parseScoreArgs(['a.csv', '--out', 'o', '--only', 'statements.csv, summary']).outputs).toEqual(['summary', 'statements']);
    expect(parseScoreArgs(['a.csv', '--out', 'o', '--only=responses-long']).outputs).toEqual(['responses-long']);
  });

  it('refuses an --only that names an unknown file, a file twice, nothing, or comes twice', () => {
    expect(parseScoreArgs(['a.csv', '--out', 'o', '--only', 'summary,long']).issues).toEqual([
      '--only names "long", which is not a file score writes: name some of summary, statements, change, reliability, responses-long.',
    ]);
    expect(parseScoreArgs(['a.csv', '--out', 'o', '--only', 'summary,summary.csv']).issues).toEqual(['--only names summary twice.']);
    expect(parseScoreArgs(['a.csv', '--out', 'o', '--only', ',']).issues).toEqual(['--only names no file: name some of summary, statements, change, reliability, responses-long.']);
    expect(parseScoreArgs(['a.csv', '--out', 'o', '--only', 'summary', '--only', 'change']).issues).toEqual(['--only is given twice.']);
    expect(parseScoreArgs(['a.csv', '--out', 'o', '--only']).issues).toEqual(['--only needs a list of files, e.g. summary,statements.']);
  });

  it('echoes a hostile --only name as one short escaped line, and stops after ten mistakes', () => {
    const planted = `\x1b[2J\nsummary${'x'.repeat(100_000)}`;
    const [first] = parseScoreArgs(['a.csv', '--out', 'o', '--only', planted]).issues;
    expect(first).toMatch(/^--only names "\\u001b\[2J\\nsummaryx+…" \(100,012 characters\), which is not/);
    expect(first).not.toMatch(/[\n\x1b]/);
    expect(parseScoreArgs(['a.csv', '--out', 'o', '--only', 'bad,'.repeat(100_000)]).issues).toHaveLength(10);
  });

  it('asks for nothing else with --help', () => {
    expect(parseScoreArgs(['--help'])).toMatchObject({ help: true, issues: [] });
  });
});
