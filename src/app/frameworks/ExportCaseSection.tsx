import { useId, useState } from 'react';
import type { CaseVersion } from '../../core/case/case-package.ts';
import type { Framework } from '../../core/model/framework.ts';
import { downloadFile } from '../components/download.ts';

/** The file a CASE export is saved as: `<framework-id>.case.json`, or `.case-1.0.json` for CASE 1.0. */
export function caseFileName(frameworkId: string, version: CaseVersion): string {
  return version === '1.1' ? `${frameworkId}.case.json` : `${frameworkId}.case-1.0.json`;
}

/**
 * "Export as CASE" on a framework's About page: the framework as a 1EdTech CASE package, written
 * by core's export (the same bytes as `npm run export`), for OpenSALT, the CASE Network or any
 * CASE tool. The export code loads only when asked for.
 */
export function ExportCaseSection({ framework }: { framework: Framework }) {
  const titleId = useId();
  const versionId = useId();
  const [version, setVersion] = useState<CaseVersion>('1.1');
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const named = [framework.levels.length > 0 ? 'levels' : '', framework.domains.length > 0 ? 'domains' : ''].filter((part) => part !== '');
  const parts = named.length === 0 ? 'statements' : `${named.join(', ')} and statements`;

  const exportCase = async () => {
    setBusy(true);
    setNote(null);
    try {
      const { writeCasePackageJson } = await import('../../core/case/export-case.ts');
      const name = caseFileName(framework.id, version);
      downloadFile(name, writeCasePackageJson(framework, { caseVersion: version }), 'application/json');
      setNote(`Downloaded ${name}: ${framework.statements.length} statements as a CASE ${version} package.`);
    } catch (error) {
      setNote(`The package could not be written (${error instanceof Error ? error.message : String(error)}).`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>Export as CASE</h2>
      <p>
        Download this framework as a 1EdTech CASE package (CFPackage JSON), which OpenSALT, the CASE Network and other CASE tools open: its {parts}{' '}
        become CASE items and the four-point rating scale a rubric. The same framework always gives the same file.
      </p>
      <label htmlFor={versionId}>CASE version</label>
      <select id={versionId} value={version} onChange={(event) => setVersion(event.target.value === '1.0' ? '1.0' : '1.1')}>
        <option value="1.1">1.1 (current)</option>
        <option value="1.0">1.0 (for older tools)</option>
      </select>
      <p className="actions">
        <button type="button" disabled={busy} onClick={() => void exportCase()}>Export as CASE</button>
      </p>
      <p aria-live="polite">{note}</p>
    </section>
  );
}
