import { describe, expect, it } from 'vitest';
import { writeChangeCsv, writeChangeCsvChunks } from '../../../src/core/io/change-csv.ts';
import { writeCsvChunks } from '../../../src/core/io/csv-chunks.ts';
import { writeCsv } from '../../../src/core/io/csv-format.ts';
import { writeReliabilityCsv, writeReliabilityCsvChunks } from '../../../src/core/io/reliability-csv.ts';
import { writeStatementsCsv, writeStatementsCsvChunks } from '../../../src/core/io/statements-csv.ts';
import { writeSummaryCsv, writeSummaryCsvChunks } from '../../../src/core/io/summary-csv.ts';
import { scoreCohortWithReliability } from '../../../src/core/score/score-cohort.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';
import { syntheticResponses } from '../../bench/synthetic-data.ts';

/** What `npm run score` writes in pieces must be, joined, the file the app exports in one string. */
describe('CSV files written in pieces', () => {
  const framework = builtinFramework('css-durable-skills');
  const responses = syntheticResponses(framework, { subjects: 40, responses: 400, seed: 13 });
  const { scores, reliability } = scoreCohortWithReliability(new Map([[framework.id, framework]]), responses);
  const lookup = () => framework;

  it('joins to the same bytes as the one-string writers, for every file score writes', () => {
    expect([...writeSummaryCsvChunks(scores)].join('')).toBe(writeSummaryCsv(scores));
    expect([...writeStatementsCsvChunks(scores, lookup)].join('')).toBe(writeStatementsCsv(scores, lookup));
    expect([...writeChangeCsvChunks(scores)].join('')).toBe(writeChangeCsv(scores));
    expect([...writeReliabilityCsvChunks(reliability)].join('')).toBe(writeReliabilityCsv(reliability));
  });

  it('gives the BOM and header first, then rows a piece at a time, each piece ending at a row end', () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`=formula ${i}`, i, null]);
    const pieces = [...writeCsvChunks(['a', 'b', 'c'], rows, 10)];
    expect(pieces).toHaveLength(4);
    expect(pieces[0]).toBe('\uFEFFa,b,c\r\n');
    for (const piece of pieces) expect(piece.endsWith('\r\n')).toBe(true);
    expect(pieces.join('')).toBe(writeCsv(['a', 'b', 'c'], rows));
  });

  it('writes only the header for no rows, as the one-string writer does', () => {
    expect([...writeCsvChunks(['a'], [])].join('')).toBe(writeCsv(['a'], []));
  });
});
