import { type BenchSection, formatSection, machineLines, now } from './bench-table.ts';
import { bundles } from './bundles.ts';
import { caseBench } from './case.ts';
import { confidential } from './confidential.ts';
import { confidentialBrowser } from './confidential-browser.ts';
import { csv } from './csv.ts';
import { generation } from './generation.ts';
import { importing } from './import.ts';
import { load } from './load.ts';
import { scoring } from './scoring.ts';
import { spreadsheet } from './spreadsheet.ts';
import { sql } from './sql.ts';

/**
 * `npm run bench` runs every section in turn and prints one table each; `npm run bench --
 * scoring csv` runs only those. To add a section, write tests/bench/<name>.ts exporting a
 * BenchSection and add it here.
 */
const SECTIONS: readonly BenchSection[] = [generation, scoring, csv, bundles, load, importing, confidential, confidentialBrowser, spreadsheet, caseBench, sql];

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
  for (const section of chosen) {
    const start = now();
    const report = await section.run();
    misses += report.figures.filter((figure) => figure.target?.pass === false).length;
    console.log(`\n${formatSection(report, (now() - start) / 1000)}`);
  }
  console.log(`\n${misses === 0 ? 'Every target met.' : `${misses} target(s) missed.`}`);
  // A missed target is a finding to report, not a failed command.
  return 0;
}

process.exitCode = await main();
