import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packPayload } from '../../../src/core/io/packed-payload.ts';
import { readResponseInput, type ResponseInput } from '../../../src/core/io/read-response-input.ts';
import { encodeResponseCode, RESPONSE_CODE_PREFIX } from '../../../src/core/io/response-code.ts';
import { writeResponseFile } from '../../../src/core/io/response-file.ts';
import { writeResponsesLongCsv } from '../../../src/core/io/responses-long-csv.ts';
import { writeResponsesWideCsv } from '../../../src/core/io/responses-wide-csv.ts';
import { formatIssue, type Issue, type Result } from '../../../src/core/model/result.ts';
import type { SurveyResponse } from '../../../src/core/model/response.ts';
import { arbitraryResponses } from './arbitrary-response.ts';
import { csv, LEVELLED, lookup, response } from './fixtures.ts';

/**
 * The one door (issue 9): every response input, file or pasted, JSON, CSV or code, is read by
 * readResponseInput, from bytes in any chunking, and every hostile input gets one clear issue.
 */
const encoder = new TextEncoder();

/** The bytes of a text, delivered `size` bytes at a time, as a file stream would. */
function chunked(name: string, data: string | Uint8Array, size = 1 << 16): Extract<ResponseInput, { kind: 'bytes' }> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return {
    kind: 'bytes',
    name,
    size: bytes.length,
    bytes: async function* () {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    },
  };
}

const read = (input: ResponseInput) => readResponseInput(input, lookup);
const issuesOf = <T>(result: Result<T>): Issue[] => (result.ok ? [] : result.issues);
const codesOf = (result: Result<unknown>) => issuesOf(result).map((issue) => issue.code);

const ana = response({ responseId: 'r-ana', comments: [['general', 'Clear, "quoted", and\nmulti-line.']] });
const ben = response({ responseId: 'r-ben', subjectId: 'ben', raterGroup: 'peer', answers: [['emerging-01', 4], ['developing-02', null]] });

describe('readResponseInput reads every kind of input by its content', () => {
  it('reads a response file, a long CSV and a wide CSV, whatever the file is called', async () => {
    const asJson = await read(chunked('whatever.csv', writeResponseFile(ana)));
    const asLong = await read(chunked('whatever.json', writeResponsesLongCsv([ana, ben], lookup)));
    const asWide = await read(chunked('whatever', writeResponsesWideCsv([ana, ben], lookup)));
    expect(asJson).toEqual({ ok: true, value: [ana] });
    // CSVs carry no comments.
    expect(asLong).toEqual({ ok: true, value: [{ ...ana, comments: new Map() }, ben] });
    expect(asWide).toEqual({ ok: true, value: [{ ...ana, comments: new Map() }, ben] });
  });

  it('gives the same responses however the bytes are cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryResponses(), fc.integer({ min: 1, max: 97 }), async (responses, size) => {
        const text = writeResponsesLongCsv(responses, lookup);
        const whole = await read(chunked('team.csv', text, text.length + 1));
        const pieces = await read(chunked('team.csv', text, size));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('reads several pasted codes, one a line, space-separated or run together, and names a bad one by its place', async () => {
    const codeA = encodeResponseCode(ana, LEVELLED);
    const codeB = encodeResponseCode(ben, LEVELLED);
    const pasted = `${codeA}\n\n  ${codeB.slice(0, 20)} ${codeB.slice(20)}${codeA}`;
    const result = await read({ kind: 'text', name: 'pasted text', text: pasted });
    expect(result.ok && result.value.map((r) => r.responseId)).toEqual(['r-ana', 'r-ben', 'r-ana']);

    const damaged = `${codeA}\n${codeB.slice(0, -3)}xyz`;
    const refused = await read({ kind: 'text', name: 'pasted text', text: damaged });
    expect(issuesOf(refused).map((issue) => issue.file)).toEqual(['pasted text, code 2']);
  });

  it('reads a text file of codes as it reads pasted codes', async () => {
    const result = await read(chunked('codes.txt', `${encodeResponseCode(ana, LEVELLED)}\r\n${encodeResponseCode(ben, LEVELLED)}\r\n`));
    expect(result.ok && result.value.length).toBe(2);
  });

  it('refuses text before the first code instead of guessing', async () => {
    const result = await read({ kind: 'text', name: 'pasted text', text: `Here you go: ${encodeResponseCode(ana, LEVELLED)}` });
    expect(codesOf(result)).toEqual(['code.stray-text']);
  });
});

describe('readResponseInput refuses hostile input with one clear issue, never a crash', () => {
  it('names an empty file, a UTF-16 file, a workbook and a byte that is not UTF-8 with its offset', async () => {
    const longCsv = writeResponsesLongCsv([ana], lookup);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(longCsv, (char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8]).flat()]);
    const latin1 = encoder.encode(longCsv.replace('ana', 'ana\u0000'));
    latin1[latin1.indexOf(0)] = 0xe9; // "é" as Windows-1252 writes it
    expect(codesOf(await read(chunked('empty.csv', '')))).toEqual(['file.empty']);
    expect(codesOf(await read(chunked('unicode.txt', utf16)))).toEqual(['file.utf16']);
    expect(codesOf(await read(chunked('team.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))))).toEqual(['file.binary']);
    const notUtf8 = issuesOf(await read(chunked('latin1.csv', latin1, 100)));
    expect(notUtf8.map((issue) => issue.code)).toEqual(['file.not-utf8']);
    expect(notUtf8[0]?.message).toContain(`Byte ${latin1.indexOf(0xe9).toLocaleString('en')} (0xe9) is not UTF-8`);
  });

  it('refuses a CSV with a header and no rows, saying so', async () => {
    const header = writeResponsesLongCsv([], lookup);
    expect(issuesOf(await read(chunked('empty-export.csv', header)))).toMatchObject([{ code: 'csv.no-rows', file: 'empty-export.csv' }]);
  });

  const LONG_HEADER = ['response_id', 'framework_id', 'survey_id', 'subject_id', 'rater_group', 'submitted_at', 'statement_id', 'level', 'domain', 'rating', 'rating_label'];
  const longRow = (label: string) => ['r-1', 'mini-levelled', 'mini-levelled.self', 'ana', 'self', '2024-05-01T09:30:00Z', 'emerging-01', 'emerging', '', '3', label];

  it('refuses a cell longer than any label, quoting only a short excerpt of it', async () => {
    const issues = issuesOf(await read(chunked('long-cell.csv', csv([LONG_HEADER, longRow('y'.repeat(20_000))]))));
    expect(issues.map((issue) => [issue.code, issue.row, issue.path])).toEqual([['csv.cell-too-long', 2, 'column 11']]);
    expect(formatIssue(issues[0]!).length).toBeLessThan(300);
  });

  it('stops at a 50 MB cell, quoted or not, before papaparse has to re-read its row chunk after chunk', async () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const quoted = `"${'line\n'.repeat(10 * 1024 * 1024)}"`;
    for (const cell of [huge, quoted]) {
      const text = `${LONG_HEADER.join(',')}\r\n${longRow('').slice(0, -1).join(',')},${cell}\r\n`;
      const issues = issuesOf(await read(chunked('huge.csv', text)));
      expect(issues.map((issue) => [issue.code, issue.row])).toEqual([['csv.row-too-long', 2]]);
      expect(formatIssue(issues[0]!).length).toBeLessThan(300);
    }
  });

  it('names a duplicated key in a response file by its path: the file cannot say 4 and count 1', async () => {
    const text = writeResponseFile(response({ answers: [['emerging-01', 4]] })).replace('"emerging-01": 4', '"emerging-01": 4,\n    "emerging-01": 1');
    expect(issuesOf(await read(chunked('ana.json', text)))).toMatchObject([{ code: 'json.duplicate-key', file: 'ana.json', path: 'answers.emerging-01', row: 12 }]);
  });

  it('refuses JSON nested 100,000 deep in a file and in a code, naming where', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const inFile = issuesOf(await read(chunked('deep.json', `{"format": ${deep}}`)));
    expect(inFile).toMatchObject([{ code: 'json.too-deep', file: 'deep.json', path: 'format[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]' }]);
    // A file that is nothing but the nesting is JSON too, not a CSV of one huge cell.
    expect(issuesOf(await read(chunked('deep.json', deep)))).toMatchObject([{ code: 'json.too-deep', file: 'deep.json' }]);
    const code = packPayload(RESPONSE_CODE_PREFIX, JSON.parse(`[${'['.repeat(1000)}${']'.repeat(1000)}]`));
    expect(codesOf(await read({ kind: 'text', name: 'pasted text', text: code }))).toEqual(['json.too-deep']);
  });

  it('says what was written when a rating overflows', async () => {
    const text = writeResponseFile(response({ answers: [['emerging-01', 4]] })).replace('"emerging-01": 4', '"emerging-01": 1e400');
    const issues = issuesOf(await read(chunked('ana.json', text)));
    expect(issues.map((issue) => issue.code)).toEqual(['json.number-too-large']);
    expect(issues[0]?.message).toContain('"1e400"');
  });

  it('refuses ids past their length cap, quoting a short excerpt', async () => {
    const long: SurveyResponse = { ...ana, subjectId: 'a'.repeat(100_000) };
    const issues = issuesOf(await read(chunked('long-id.json', writeResponseFile(long))));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['response.too-long', 'subject_id']]);
    expect(formatIssue(issues[0]!).length).toBeLessThan(300);
  });

  it('refuses a response file far larger than any response before reading it, or once it grows past the cap', async () => {
    const said: ResponseInput = { ...chunked('big.json', '{}'), size: 64 * 1024 * 1024 };
    expect(codesOf(await read(said))).toEqual(['file.too-large']);
    const lying: ResponseInput = { ...chunked('lying.json', `{"format": "${'x'.repeat(11 * 1024 * 1024)}"}`), size: 100 };
    expect(codesOf(await read(lying))).toEqual(['file.too-large']);
  });

  it('tells a response file from a CSV past a long run of leading blank lines', async () => {
    const padded = `${'\n'.repeat(200)}${writeResponseFile(ana)}`;
    expect(await read(chunked('padded.json', padded, 16))).toEqual({ ok: true, value: [ana] });
  });
});
