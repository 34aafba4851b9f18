import { downloadFile } from '../components/download.ts';
import { buildExport } from '../data/exports.ts';
import { loadResponses } from '../storage/responses.ts';
import { countFrameworkData, type FrameworkData, removeFramework } from '../storage/remove-framework.ts';
import { loadFrameworkOnly } from './framework-source.ts';

/**
 * Removing one framework opened from a file (issue 14), loaded only when the learner asks: the
 * export and scoring code stays out of the home page's JavaScript.
 */
export { countFrameworkData, removeFramework, type FrameworkData };

/** DESIGN.md: deleting asks first and offers an export: this framework's summary.csv and responses-long.csv. */
export async function exportFrameworkData(frameworkId: string): Promise<number> {
  const loaded = await loadFrameworkOnly(frameworkId);
  if (loaded === undefined) return 0;
  const frameworks = new Map([[frameworkId, loaded.framework]]);
  const { responses } = await loadResponses((id) => frameworks.get(id));
  const mine = responses.filter((response) => response.frameworkId === frameworkId);
  if (mine.length === 0) return 0;
  for (const name of ['summary.csv', 'responses-long.csv'] as const) {
    downloadFile(`${frameworkId}-${name}`, buildExport(name, mine, frameworks), 'text/csv;charset=utf-8');
  }
  return mine.length;
}
