import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { loadBuiltinFrameworks } from '../../src/cli/load-builtin-frameworks.ts';
import { readResponseFile } from '../../src/cli/file-response-input.ts';
import { peakRssKb } from './peak-rss.ts';

/**
 * Run by csv.ts in a child process, so that the peak RSS it reports is the streaming read's
 * alone: `node --import tsx tests/bench/csv-read-child.ts FILE ours|raw|idle`. Prints one JSON
 * line: { mode, ms, rows or responses, maxRssMb }.
 */

const [path = '', mode = 'ours'] = process.argv.slice(2);

async function main(): Promise<Record<string, unknown>> {
  const start = performance.now();
  if (mode === 'idle') return { mode };
  if (mode === 'raw') {
    let rows = 0;
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8' }), {
        step: () => {
          rows += 1;
        },
        complete: () => resolve(),
        error: reject,
      });
    });
    return { mode, ms: performance.now() - start, rows };
  }
  const frameworks = loadBuiltinFrameworks();
  if (!frameworks.ok) throw new Error('The built-in frameworks did not load.');
  const byId = new Map(frameworks.value.map((framework) => [framework.id, framework]));
  const result = await readResponseFile(path, (id) => byId.get(id), () => undefined);
  if (!result.ok) throw new Error(`The file was refused: ${result.issues.length} issues, first: ${result.issues[0]?.message ?? ''}`);
  return { mode, ms: performance.now() - start, responses: result.value.length };
}

const report = await main();
console.log(JSON.stringify({ ...report, maxRssMb: peakRssKb() / 1024 }));
