import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * LibreOffice Calc, headless, as a spreadsheet a user saves with: Skillscope must read what it
 * writes, not only files of its own making. Each call has a profile of its own, so tests running
 * side by side never share (and lock) one. `to` is `xlsx` or `csv` (UTF-8, comma, double quotes).
 */
export function convertWithLibreOffice(file: string, to: 'xlsx' | 'csv', outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'skillscope-lo-profile-'));
  const filter = to === 'csv' ? 'csv:Text - txt - csv (StarCalc):44,34,76,1' : 'xlsx:Calc MS Excel 2007 XML';
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', filter, '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, `${basename(file).replace(/\.[^.]+$/, '')}.${to}`);
}
