import { reportToScore } from '../../core/confidential/report-score.ts';
import type { Report360 } from '../../core/confidential/signed-report.ts';
import { excerpt } from '../../core/model/echo.ts';
import type { Framework } from '../../core/model/framework.ts';
import { fail, inFile, ok, type Result } from '../../core/model/result.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { loadFrameworkOnly } from '../frameworks/framework-source.ts';

export type ReportProfile = { framework: Framework; score: SubjectScore };

/**
 * The framework a verified report was scored on, from this browser (built in, or opened from a
 * file), and the report as a profile score. A framework this browser does not have, or has in
 * another version, is a problem to tell: the report's statement ids mean nothing without it.
 */
export async function profileOfReport(report: Report360, file: string): Promise<Result<ReportProfile>> {
  const loaded = await loadFrameworkOnly(report.framework.id);
  if (loaded === undefined) {
    return fail([{
      code: 'report.unknown-framework', file, path: 'framework.id',
      message: `The report is for the framework ${excerpt(report.framework.title, 80)} (${excerpt(report.framework.id)}), which this browser does not have. Open that framework's file on the Frameworks page first (your coach can send it), then import the report again.`,
    }]);
  }
  const score = reportToScore(report, loaded.framework);
  return score.ok ? ok({ framework: loaded.framework, score: score.value }) : fail(inFile(file, score.issues));
}
