import { type BenchSection, type Figure, formatSection, keyedFigures, machineLines, now } from './bench-table.ts';
import { bundles } from './bundles.ts';
import { caseBench } from './case.ts';
import { confidential } from './confidential.ts';
import { confidentialBrowser } from './confidential-browser.ts';
import { csv } from './csv.ts';
import { generation } from './generation.ts';
import { importing } from './import.ts';
import { load } from './load.ts';
import { million } from './million.ts';
import { scoring } from './scoring.ts';
import { spreadsheet } from './spreadsheet.ts';
import { sql } from './sql.ts';

/**
 * `npm run bench` runs every section in turn and prints one table each; `npm run bench --
 * scoring csv` runs only those. To add a section, write tests/bench/<name>.ts exporting a
 * BenchSection and add it here. `--json` adds, after the tables, one line with a JSON object of
 * every keyed figure of the sections run (issue 13's keys; those of sections not run are absent).
 */
const SECTIONS: readonly BenchSection[] = [generation, scoring, csv, million, bundles, load, importing, confidential, confidentialBrowser, spreadsheet, caseBench, sql];

async function main(): Promise<number> {
  const asked = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = asked.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown bench section: ${unknown.join(', ')}. The sections are: ${SECTIONS.map((s) => s.name).join(', ')}.`);
    return 2;
  }
  const chosen = asked.length === 0 ? SECTIONS : SECTIONS.filter((section) => asked.includes(section.name));
  console.log(['Skillscope bench', ...machineLines()].join('\n'));
  let misses = 0;
  const figures: Figure[] = [];
  for (const section of chosen) {
    const start = now();
    const report = await section.run();
    misses += report.figures.filter((figure) => figure.target?.pass === false).length;
    figures.push(...report.figures);
    console.log(`\n${formatSection(report, (now() - start) / 1000)}`);
  }
  console.log(`\n${misses === 0 ? 'Every target met.' : `${misses} target(s) missed.`}`);
  // Issue 13: one JSON object of the keyed figures, on its own last line, for a script to check.
  if (process.argv.includes('--json')) console.log(JSON.stringify(keyedFigures(figures)));
  // A missed target is a finding to report, not a failed command.
  return 0;
}

process.exitCode = await main();
