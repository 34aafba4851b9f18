import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/core/model/result.ts';
import { capForText, MAX_CASE_PACKAGE_BYTES, MAX_FRAMEWORK_FILE_BYTES, sizeIssue } from '../../../src/core/parse/framework-size.ts';
import { parseFrameworkFile, readFrameworkBytes } from '../../../src/core/parse/parse-framework-file.ts';
import { onetExportText } from '../../fixtures/onet-export.ts';
import { testPackage } from '../case/case-package-builder.ts';

const MB = 1024 * 1024;

/** A text of at least `bytes` bytes: the JSON given, then spaces (still the same JSON). */
const padded = (json: string, bytes: number) => json + ' '.repeat(Math.max(0, bytes - json.length));

describe('how large a framework file may be', () => {
  it('takes CASE packages up to 64 MB, because CASE tools write about 2 KB an item and a state\'s standards run to thousands', () => {
    expect(MAX_CASE_PACKAGE_BYTES).toBe(64 * MB);
    expect(MAX_FRAMEWORK_FILE_BYTES).toBe(5 * MB);
    expect(sizeIssue(64 * MB, 'state.json', MAX_CASE_PACKAGE_BYTES)).toBeNull();
    expect(formatIssue(sizeIssue(65 * MB, 'state.json', MAX_CASE_PACKAGE_BYTES) ?? { code: '', path: '', message: '' }))
      .toBe('state.json: The file is 65.0 MB; a CASE package may be at most 64 MB. Export a smaller framework, or part of it, from the CASE tool. [file.too-large]');
  });

  it('decides the cap from a cheap look at the text, before parsing: a JSON object naming "CFDocument"', () => {
    expect(capForText('{"CFDocument": {}}')).toBe(MAX_CASE_PACKAGE_BYTES);
    expect(capForText('\uFEFF \n {"CFItems": [], "CFDocument": {}}')).toBe(MAX_CASE_PACKAGE_BYTES);
    expect(capForText('framework_id,framework_title,statement\n"CFDocument"')).toBe(MAX_FRAMEWORK_FILE_BYTES);
    expect(capForText('[{"CFDocument": {}}]')).toBe(MAX_FRAMEWORK_FILE_BYTES);
    expect(capForText('{"schemaVersion": "1.0"}')).toBe(MAX_FRAMEWORK_FILE_BYTES);
  });

  it('opens a 6 MB CASE package, and refuses a 6 MB file of any other format with the 5 MB message', () => {
    const pkg = padded(JSON.stringify(testPackage([{ id: 'a', text: 'A statement' }])), 6 * MB);
    const read = readFrameworkBytes(new TextEncoder().encode(pkg), 'big.case.json');
    expect(read.ok && read.value.map((framework) => framework.title)).toEqual(['Test Framework']);
    const onet = padded(onetExportText(), 6 * MB);
    expect(parseFrameworkFile(onet, 'big.json')).toMatchObject({ ok: false, issues: [{ code: 'file.too-large', message: 'The file is 6.0 MB; a framework file may be at most 5 MB.' }] });
  });

  it('holds a JSON file that names "CFDocument" but is no package to the 5 MB cap once it is read', () => {
    const fake = padded(JSON.stringify({ note: '"CFDocument"', CFDocument: 'not an object' }), 6 * MB);
    expect(parseFrameworkFile(fake, 'fake.json')).toMatchObject({ ok: false, issues: [{ code: 'file.too-large' }] });
  });

  it('refuses a CASE package over 64 MB before reading it', () => {
    const bytes = new Uint8Array(MAX_CASE_PACKAGE_BYTES + 1);
    expect(readFrameworkBytes(bytes, 'huge.json')).toMatchObject({ ok: false, issues: [{ code: 'file.too-large' }] });
  });
});
