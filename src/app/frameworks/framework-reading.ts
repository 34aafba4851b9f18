import { type CaseParts, isCasePackage, readCasePackage } from '../../core/case/import-case.ts';
import { decodeUtf8 } from '../../core/input/decode-text.ts';
import { readJson } from '../../core/input/read-json.ts';
import type { Framework } from '../../core/model/framework.ts';
import type { Issue, Result } from '../../core/model/result.ts';
import { capForText, MAX_CASE_PACKAGE_BYTES, sizeIssue } from '../../core/parse/framework-size.ts';
import { parseFrameworkFile, readFrameworkFile } from '../../core/parse/parse-framework-file.ts';
import { startsLikeZip } from '../../core/parse/spreadsheet-xlsx-archive.ts';
import { readXlsxSheetInBrowser } from './read-xlsx-sheet.ts';

/**
 * What reading a framework file gives the app: its frameworks and, for a CASE package, what the
 * importer assumed; or every problem and, for a package too large for one survey, the parts of it
 * that would fit, to pick from.
 */
export type FrameworkRead =
  | { ok: true; value: Framework[]; assumptions: string[] }
  | { ok: false; issues: Issue[]; parts?: CaseParts };

const plain = (result: Result<Framework[]>): FrameworkRead => (result.ok ? { ok: true, value: result.value, assumptions: [] } : { ok: false, issues: result.issues });

/**
 * One reading, in the worker or (where no worker starts) on the page. A CASE package is read by
 * the CASE importer itself, once, and kept, so that picking one of its parts reads no file
 * again; every other format goes to the one framework reader (parse-framework-file.ts).
 */
export class FrameworkReading {
  private casePackage: { value: unknown; name: string } | null = null;

  async read(bytes: Uint8Array, name: string): Promise<FrameworkRead> {
    this.casePackage = null;
    const tooLarge = sizeIssue(bytes.length, name, MAX_CASE_PACKAGE_BYTES);
    if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
    if (startsLikeZip(bytes)) return plain(await readFrameworkFile(bytes, name, readXlsxSheetInBrowser));
    const text = decodeUtf8(bytes, name);
    if (!text.ok) return text;
    // The cheap look the size cap takes: only a JSON object naming "CFDocument" may be a package.
    if (capForText(text.value) === MAX_CASE_PACKAGE_BYTES) {
      const json = readJson(text.value, { file: name });
      if (!json.ok) return json;
      if (isCasePackage(json.value)) {
        this.casePackage = { value: json.value, name };
        return this.caseRead();
      }
    }
    return plain(parseFrameworkFile(text.value, name, bytes.length));
  }

  /** One part of the package read last (its item's identifier), as the user picked it. */
  pick(subtree: string): FrameworkRead {
    if (this.casePackage === null) return { ok: false, issues: [{ code: 'case.no-package', path: 'subtree', message: 'Open the CASE package again, then pick the part.' }] };
    return this.caseRead(subtree);
  }

  private caseRead(subtree?: string): FrameworkRead {
    const { value, name } = this.casePackage ?? { value: null, name: '' };
    const read = readCasePackage(value, name, subtree === undefined ? {} : { subtree });
    if (read.ok) return { ok: true, value: [read.value.framework], assumptions: read.value.assumptions };
    return read.parts === undefined ? { ok: false, issues: read.issues } : { ok: false, issues: read.issues, parts: read.parts };
  }
}
