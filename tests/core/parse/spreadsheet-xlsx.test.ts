import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it, vi } from 'vitest';
import type { Framework } from '../../../src/core/model/framework.ts';
import { formatIssue, type Result } from '../../../src/core/model/result.ts';
import { parseFrameworkFile, readFrameworkFile, type XlsxSheetReader } from '../../../src/core/parse/parse-framework-file.ts';
import { MAX_XLSX_XML_BYTES } from '../../../src/core/parse/spreadsheet-xlsx-archive.ts';
import { spreadsheetXlsx, templateCsv, templateXlsx } from '../../support/framework-template.ts';

/** read-excel-file's Node build, as the command line uses it. */
const readXlsx: XlsxSheetReader = (bytes) => readSheet(Buffer.from(bytes), 1);

function frameworks(result: Result<Framework[]>): Framework[] {
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}
const problems = (result: Result<unknown>) => (result.ok ? [] : result.issues.map(formatIssue));
/** The same framework whatever file it came from: only the file name in the credits differs. */
const withoutFile = (framework: Framework | undefined) => framework && { ...framework, attributions: framework.attributions.map((a) => ({ ...a, sourceFile: '' })) };

describe('the spreadsheet template as .xlsx', () => {
  it('is offered for download exactly as the template module writes it, byte for byte on every run', () => {
    expect(Buffer.from(readFileSync('public/templates/framework-template.xlsx')).equals(Buffer.from(templateXlsx()))).toBe(true);
    expect(Buffer.from(templateXlsx()).equals(Buffer.from(templateXlsx()))).toBe(true);
  });

  it('loads as the same framework as the CSV template', async () => {
    const fromXlsx = frameworks(await readFrameworkFile(templateXlsx(), 'framework-template.xlsx', readXlsx));
    const fromCsv = frameworks(parseFrameworkFile(templateCsv(), 'framework-template.csv'));
    expect(withoutFile(fromXlsx[0])).toEqual(withoutFile(fromCsv[0]));
  });

  it('reads numbers and guarded formulas in cells as the text a user typed', async () => {
    const rows = [['t', 'T', '', '', '', "'=1+2", ''], ['t', 'T', '', '', '', '42', '']];
    const [framework] = frameworks(await readFrameworkFile(spreadsheetXlsx(rows), 'cells.xlsx', async () => [
      ['framework_id', 'framework_title', 'statement'], ['t', 'T', "'=1+2"], ['t', 'T', 42], [null, null, null], ['t', 'T', true],
    ]));
    expect(framework?.statements.map((s) => [s.id, s.text])).toEqual([['statement-01', '=1+2'], ['statement-02', '42'], ['statement-03', 'TRUE']]);
  });

  it('lists every bad row with the row numbers the spreadsheet shows', async () => {
    const rows = [['t', 'T', '', '', 'emerging', 'Good', ''], ['t', 'T', '', '', 'Master', 'Bad', ''], ['', '', '', '', '', '', ''], ['t', 'T', '', '', 'advanced', '', '']];
    expect(problems(await readFrameworkFile(spreadsheetXlsx(rows), 'bad.xlsx', readXlsx))).toEqual([
      'bad.xlsx, row 3: level: "Master" is not a level: write emerging, developing, proficient or advanced, or leave it empty for a framework without levels. [spreadsheet.bad-level]',
      'bad.xlsx, row 5: statement: The statement is empty: every row is one statement (delete the row if it is not). [spreadsheet.missing-statement]',
    ]);
  });

  it('is refused with advice to save as CSV where no workbook reader is given', async () => {
    expect(problems(await readFrameworkFile(templateXlsx(), 'framework-template.xlsx'))[0]).toContain('save the sheet as "CSV UTF-8"');
  });
});

/** A ZIP holding the parts a workbook needs and one sheet of the given XML. */
const workbookZip = (sheetXml: string) => zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8(sheetXml) }, { level: 9 });

describe('an .xlsx written to hurt', () => {
  it('refuses a ZIP bomb before the spreadsheet library unpacks anything', async () => {
    const bomb = workbookZip(' '.repeat(MAX_XLSX_XML_BYTES + 1));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const reader = vi.fn(readXlsx);
    expect(problems(await readFrameworkFile(bomb, 'bomb.xlsx', reader))).toEqual(['bomb.xlsx: The workbook unpacks to 32.0 MB of XML; a framework\'s workbook may unpack to at most 32 MB. [xlsx.too-large]']);
    expect(reader).not.toHaveBeenCalled();
  });

  it('refuses a part that unpacks to more than its directory declares (the sizes a reader trusts)', async () => {
    const zip = workbookZip('x'.repeat(1_000_000));
    // Both size fields of the sheet's entries say 1,000 bytes; the data still unpacks to a million.
    const view = new DataView(zip.buffer);
    for (let at = 0; at + 4 <= zip.length; at += 1) {
      const signature = view.getUint32(at, true);
      const name = (offset: number) => new TextDecoder().decode(zip.subarray(offset, offset + 24));
      if (signature === 0x04034b50 && name(at + 30) === 'xl/worksheets/sheet1.xml') view.setUint32(at + 22, 1000, true);
      if (signature === 0x02014b50 && name(at + 46) === 'xl/worksheets/sheet1.xml') view.setUint32(at + 24, 1000, true);
    }
    const reader = vi.fn(readXlsx);
    expect(problems(await readFrameworkFile(zip, 'liar.xlsx', reader))).toEqual([
      'liar.xlsx: This is not a readable .xlsx workbook: part "xl/worksheets/sheet1.xml" does not unpack to the size it declares. Save it again from the spreadsheet, as .xlsx or as CSV UTF-8. [xlsx.damaged]',
    ]);
    expect(reader).not.toHaveBeenCalled();
  });

  it('refuses data hidden between the parts and the directory', async () => {
    const zip = templateXlsx();
    const end = zip.length - 22;
    const view = new DataView(zip.buffer, zip.byteOffset);
    const directoryAt = view.getUint32(end + 16, true);
    const hidden = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    const crafted = new Uint8Array(zip.length + hidden.length);
    crafted.set(zip.subarray(0, directoryAt));
    crafted.set(hidden, directoryAt);
    crafted.set(zip.subarray(directoryAt), directoryAt + hidden.length);
    new DataView(crafted.buffer).setUint32(end + hidden.length + 16, directoryAt + hidden.length, true);
    expect(problems(await readFrameworkFile(crafted, 'hidden.xlsx', readXlsx))[0]).toContain('it holds data that its ZIP directory does not list');
  });

  it('refuses a file that starts like a ZIP and is not one, and an .xlsx name on a file that is not a ZIP is read by its content', async () => {
    expect(problems(await readFrameworkFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'fake.xlsx', readXlsx))[0]).toContain('its ZIP directory is missing (the file may be cut short)');
    expect(problems(await readFrameworkFile(strToU8('just text'), 'text.xlsx', readXlsx))[0]).toContain('[framework.unknown-format]');
  });

  it('names a LibreOffice .ods or another ZIP for what it is', async () => {
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') });
    expect(problems(await readFrameworkFile(ods, 'sheet.ods', readXlsx))[0]).toContain('This is an OpenDocument file');
    const other = zipSync({ 'word/document.xml': strToU8('<x/>') });
    expect(problems(await readFrameworkFile(other, 'letter.docx', readXlsx))[0]).toContain('not an .xlsx workbook (it has no workbook part)');
  });

  it('reports what the library could not read as one line, not a crash', async () => {
    const broken = workbookZip('<worksheet><sheetData><row r="2"/><row r="1"/></sheetData></worksheet>');
    const found = problems(await readFrameworkFile(broken, 'broken.xlsx', readXlsx));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^broken\.xlsx: The workbook could not be read \(.+\)\. Save it again .*\[xlsx\.unreadable\]$/);
  });

  it('refuses a workbook over 5 MB by its size', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(problems(await readFrameworkFile(big, 'big.xlsx', readXlsx))).toEqual(['big.xlsx: The file is 5.0 MB; a framework file may be at most 5 MB. [file.too-large]']);
  });
});
