import { MAX_REPORT_CHARS, type Report360, verifyReport } from '../../core/confidential/signed-report.ts';
import { decodeUtf8 } from '../../core/input/decode-text.ts';
import { excerpt } from '../../core/model/echo.ts';
import { fail, type Issue, ok, type Result } from '../../core/model/result.ts';
import { type ImportedReport, loadReports, saveReports } from '../storage/reports.ts';
import { profileOfReport } from './report-profile.ts';

/** A report as the learner hands it over: a chosen or dropped file, or pasted text. */
export type ReportInput = { name: string; file: File } | { name: string; text: string };

export type ReportImportSummary = {
  /** Campaigns whose report was stored by this import, in the order given. */
  stored: string[];
  /** Reports already stored exactly as given. */
  alreadyThere: number;
  /** Reports that replaced an earlier one of the same campaign. */
  replaced: number;
};

type Accepted = { name: string; jws: string; report: Report360 };

/**
 * Checks every input as a signed 360 report (signature, fields, a framework this browser has in
 * the same version, figures that fit it) and stores them together, or none: one bad file means
 * nothing is stored and every problem is listed (DESIGN.md). A report for a campaign already
 * here must come from the same coach key and be no older than the stored one: a campaign has
 * one coach, and the newer report is the one that counts.
 */
export async function importReports(inputs: readonly ReportInput[]): Promise<Result<ReportImportSummary>> {
  const { reports: stored } = await loadReports();
  const storedBy = new Map(stored.map((entry) => [entry.campaignId, entry]));
  const issues: Issue[] = [];
  const accepted = new Map<string, Accepted>();
  let alreadyThere = 0;
  let replaced = 0;

  for (const input of inputs) {
    const text = await textOf(input);
    if (!text.ok) {
      issues.push(...text.issues);
      continue;
    }
    const verified = await verifyReport(text.value, input.name);
    if (!verified.ok) {
      issues.push(...verified.issues);
      continue;
    }
    const report = verified.value;
    const profile = await profileOfReport(report, input.name);
    if (!profile.ok) {
      issues.push(...profile.issues);
      continue;
    }
    const jws = text.value.trim();
    const earlier = accepted.get(report.campaign_id);
    if (earlier !== undefined) {
      if (earlier.jws !== jws) issues.push(sameCampaignTwice(input.name, earlier.name, report));
      continue;
    }
    const before = storedBy.get(report.campaign_id);
    const problem = before === undefined ? undefined : clashWithStored(input.name, report, before);
    if (problem !== undefined) {
      issues.push(problem);
      continue;
    }
    if (before?.jws === jws) {
      alreadyThere += 1;
      continue;
    }
    if (before !== undefined) replaced += 1;
    accepted.set(report.campaign_id, { name: input.name, jws, report });
  }
  if (issues.length > 0) return fail(issues);

  const toStore = [...accepted.values()].map(({ report, jws }) => ({ campaignId: report.campaign_id, jws }));
  if (toStore.length > 0 && !(await saveReports(toStore))) {
    return fail([{ code: 'storage.refused', path: '', message: 'Your browser did not store the report (the banner at the top says why), so nothing was imported.' }]);
  }
  return ok({ stored: toStore.map((entry) => entry.campaignId), alreadyThere, replaced });
}

async function textOf(input: ReportInput): Promise<Result<string>> {
  if ('text' in input) {
    return input.text.trim() === '' ? emptyInput(input.name) : ok(input.text);
  }
  // A report is base64url text: a file much larger than the largest report is not one.
  if (input.file.size > MAX_REPORT_CHARS + 1024) {
    return fail([{ code: 'report.too-large', file: input.name, path: '', message: `The file has ${input.file.size.toLocaleString('en')} bytes; a signed 360 report has at most ${MAX_REPORT_CHARS.toLocaleString('en')} characters. Choose the report.jws your coach sent.` }]);
  }
  const decoded = decodeUtf8(new Uint8Array(await input.file.arrayBuffer()), input.name);
  if (!decoded.ok) return decoded;
  return decoded.value.trim() === '' ? emptyInput(input.name) : decoded;
}

const emptyInput = (file: string): Result<string> =>
  fail([{ code: 'report.empty', file, path: '', message: 'It is empty: choose the report.jws file your coach sent, or paste its whole text.' }]);

function sameCampaignTwice(file: string, other: string, report: Report360): Issue {
  return {
    code: 'report.same-campaign-twice', file, path: 'campaign_id',
    message: `This report and ${excerpt(other, 80)} are two different reports of the same 360 (campaign ${excerpt(report.campaign_id)}): import the one your coach sent last, on its own.`,
  };
}

function clashWithStored(file: string, report: Report360, before: ImportedReport): Issue | undefined {
  const { coach } = before.report;
  if (report.coach.fingerprint !== coach.fingerprint) {
    return {
      code: 'report.other-coach', file, path: 'coach.fingerprint',
      message: `This browser already holds a report of this 360 (campaign ${excerpt(report.campaign_id)}) signed by ${excerpt(coach.name, 60)} with the key ${coach.fingerprint}; this one is signed with the key ${report.coach.fingerprint}. A 360 has one coach: ask your coach which fingerprint is theirs before trusting either.`,
    };
  }
  if (report.issued_on < before.report.issued_on) {
    return {
      code: 'report.older', file, path: 'issued_on',
      message: `This report of campaign ${excerpt(report.campaign_id)} was issued on ${report.issued_on}, before the one already here (issued on ${before.report.issued_on}), which is kept.`,
    };
  }
  return undefined;
}
