import { isCasePackage, readCasePackageFrameworks } from '../case/import-case.ts';
import { decodeUtf8 } from '../input/decode-text.ts';
import { readJson } from '../input/read-json.ts';
import type { Framework } from '../model/framework.ts';
import type { Result } from '../model/result.ts';
import { looksLikeCssText, parseCssText } from './css-text.ts';
import { looksLikeItGeneralist, parseItGeneralist } from './it-generalist.ts';
import { looksLikeOnetExport, readOnetExport } from './onet-json.ts';
import { looksLikePipeline, parsePipeline } from './pipeline.ts';
import { looksLikeSkillscopeFramework, readSkillscopeFramework } from '../model/framework-file.ts';
import { capForText, MAX_CASE_PACKAGE_BYTES, sizeIssue } from './framework-size.ts';
import { looksLikeScqf, parseScqf } from './scqf.ts';
import { sheetCellsToText } from './spreadsheet-cells.ts';
import { looksLikeSpreadsheetCsv, parseSpreadsheetCsv } from './spreadsheet-csv.ts';
import { parseSpreadsheetFramework } from './spreadsheet-framework.ts';
import { checkXlsxArchive, startsLikeZip } from './spreadsheet-xlsx-archive.ts';

const one = (result: Result<Framework>): Result<Framework[]> => (result.ok ? { ok: true, value: [result.value] } : result);

/**
 * The formats Skillscope reads, each told by its content, never its file name, tried in order.
 * One file may hold several frameworks (seed 001 holds three). A new format is one line here:
 * a JSON one gets `{ looksLike, read }` over the parsed JSON value (one reader for JSON: depth,
 * duplicate keys, line and column), a text one the same over the text.
 */
type Format<Input> = { looksLike: (input: Input) => boolean; read: (input: Input, file: string, options: FrameworkReadOptions) => Result<Framework[]> };

/** What a reader may be told besides the file: the part of a CASE package too large for one survey to read. */
export type FrameworkReadOptions = { caseSubtree?: string };

const JSON_FORMATS: readonly Format<unknown>[] = [
  { looksLike: looksLikeOnetExport, read: (value, file) => one(readOnetExport(value, file)) },
  { looksLike: looksLikeSkillscopeFramework, read: (value, file) => one(readSkillscopeFramework(value, file)) },
  { looksLike: isCasePackage, read: (value, file, options) => readCasePackageFrameworks(value, file, options.caseSubtree === undefined ? {} : { subtree: options.caseSubtree }) },
];

const TEXT_FORMATS: readonly Format<string>[] = [
  // First: a header row naming the template's columns is unmistakable, and cheap to check.
  { looksLike: looksLikeSpreadsheetCsv, read: (text, file) => one(parseSpreadsheetCsv(text, file)) },
  { looksLike: looksLikeCssText, read: (text, file) => cssFrameworks(text, file) },
  { looksLike: looksLikeScqf, read: (text, file) => one(parseScqf(text, file)) },
  { looksLike: looksLikeItGeneralist, read: (text, file) => one(parseItGeneralist(text, file)) },
  { looksLike: looksLikePipeline, read: (text, file) => one(parsePipeline(text, file)) },
];

function cssFrameworks(text: string, file: string): Result<Framework[]> {
  const parsed = parseCssText(text, file);
  return parsed.ok ? { ok: true, value: [parsed.value.occupational, parsed.value.aiAtWork, parsed.value.durableSkills] } : parsed;
}

/**
 * Any framework file Skillscope reads as text: an O*NET-style JSON export, Skillscope's own
 * framework JSON, the spreadsheet template saved as CSV, or one of the seed documents' formats.
 */
export function parseFrameworkFile(text: string, file: string, bytes = text.length, options: FrameworkReadOptions = {}): Result<Framework[]> {
  const tooLarge = sizeIssue(bytes, file, capForText(text));
  if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
  if (text.trim() === '') return { ok: false, issues: [{ code: 'file.empty', file, path: '', message: 'The file is empty.' }] };

  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = readJson(text, { file });
    if (!json.ok) return json;
    const value = json.value;
    const format = JSON_FORMATS.find((candidate) => candidate.looksLike(value));
    const overCap = format?.looksLike === isCasePackage ? null : sizeIssue(bytes, file);
    if (overCap !== null) return { ok: false, issues: [overCap] };
    if (format !== undefined) return format.read(value, file, options);
    return { ok: false, issues: [{ code: 'framework.unknown-format', file, path: '', message: 'This JSON is neither an O*NET framework export (schemaVersion, occupation, framework.levels), a 1EdTech CASE package (CFDocument, CFItems, CFAssociations) nor a Skillscope framework file.' }] };
  }
  const format = TEXT_FORMATS.find((candidate) => candidate.looksLike(text));
  if (format !== undefined) return format.read(text, file, options);
  return { ok: false, issues: [{ code: 'framework.unknown-format', file, path: '', message: 'Skillscope does not recognise this file: it reads the spreadsheet template (CSV or .xlsx, with a header row naming framework_id, framework_title and statement), O*NET framework exports (JSON), 1EdTech CASE packages (JSON), Skillscope framework files, and the text formats of its built-in sources.' }] };
}

/** A framework file as its bytes, from a disk or a browser: size first, then UTF-8, then the format. */
export function readFrameworkBytes(bytes: Uint8Array, file: string, options: FrameworkReadOptions = {}): Result<Framework[]> {
  const tooLarge = sizeIssue(bytes.length, file, MAX_CASE_PACKAGE_BYTES);
  if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
  const text = decodeUtf8(bytes, file);
  return text.ok ? parseFrameworkFile(text.value, file, bytes.length, options) : text;
}

/**
 * Reads an .xlsx workbook's first sheet into rows of cell values (row i of the result is the
 * sheet's row i + 1). The command line passes read-excel-file's Node build and the app its browser
 * build, loaded only when a workbook is opened: core itself stays free of the library.
 */
export type XlsxSheetReader = (bytes: Uint8Array) => Promise<readonly (readonly unknown[])[]>;

/**
 * Every format, the spreadsheet template as .xlsx included: a ZIP is checked whole first (size,
 * layout, how much it unpacks to) and only then handed to `readXlsxSheet`. Without a reader, a
 * workbook is refused with a message saying to save it as CSV.
 */
export async function readFrameworkFile(bytes: Uint8Array, file: string, readXlsxSheet?: XlsxSheetReader, options: FrameworkReadOptions = {}): Promise<Result<Framework[]>> {
  if (!startsLikeZip(bytes) || readXlsxSheet === undefined) return readFrameworkBytes(bytes, file, options);
  const tooLarge = sizeIssue(bytes.length, file);
  if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
  const archive = checkXlsxArchive(bytes, file);
  if (archive.length > 0) return { ok: false, issues: archive };
  let rows: readonly (readonly unknown[])[];
  try {
    rows = await readXlsxSheet(bytes);
  } catch (error) {
    // The library's own words (its message is shown escaped and cut, as every message is).
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ code: 'xlsx.unreadable', file, path: '', message: `The workbook could not be read (${reason}). Save it again from the spreadsheet as .xlsx, or as CSV UTF-8.` }] };
  }
  return one(parseSpreadsheetFramework(sheetCellsToText(rows), file));
}
