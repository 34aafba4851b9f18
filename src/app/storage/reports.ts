import { type Report360, verifyReport } from '../../core/confidential/signed-report.ts';
import { instantMillis } from '../../core/model/instant.ts';
import { isRecord, own } from '../../core/model/json-value.ts';
import { database } from './db.ts';
import { guardedWrite } from './storage-status.ts';

/** A signed 360 report the learner imported, as it verified when it was read back. */
export type ImportedReport = { campaignId: string; jws: string; importedAt: string; report: Report360 };

/** `unreadable`: stored reports left out because they no longer verify (issue 9: the page says so). */
export type ImportedReports = { reports: ImportedReport[]; unreadable: number };

/**
 * Every stored report, newest import first. The signature and every field are checked again on
 * each read, exactly as on import: storage is not trusted (another tab, an older version or a
 * user with developer tools may have written it), and a record filed under one campaign must
 * hold that campaign's report.
 */
export async function loadReports(): Promise<ImportedReports> {
  const stored: unknown[] = await (await database()).getAll('reports');
  const read = await Promise.all(stored.map(readStoredReport));
  const reports = read.flatMap((entry) => entry ?? []).sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  return { reports, unreadable: stored.length - reports.length };
}

async function readStoredReport(entry: unknown): Promise<ImportedReport | undefined> {
  if (!isRecord(entry)) return undefined;
  const campaignId = own(entry, 'campaignId');
  const jws = own(entry, 'jws');
  const importedAt = own(entry, 'importedAt');
  if (typeof campaignId !== 'string' || typeof jws !== 'string' || typeof importedAt !== 'string' || instantMillis(importedAt) === undefined) return undefined;
  const verified = await verifyReport(jws, 'stored report', { campaignId });
  return verified.ok ? { campaignId, jws, importedAt, report: verified.value } : undefined;
}

/**
 * Stores reports (verified by the caller) all together or not at all: one transaction, so a
 * failed import changes nothing. A report replaces the stored one of its campaign.
 */
export function saveReports(reports: readonly { campaignId: string; jws: string }[]): Promise<boolean> {
  const importedAt = new Date().toISOString();
  return guardedWrite(async () => {
    const tx = (await database()).transaction('reports', 'readwrite');
    await Promise.all([...reports.map(({ campaignId, jws }) => tx.store.put({ campaignId, jws, importedAt })), tx.done]);
  });
}
