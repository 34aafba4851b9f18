import type { SubjectScore } from '../score/subject-score.ts';
import type { CampaignManifest } from './campaign-manifest.ts';
import { coachKeys } from './coach-signing-key.ts';
import { REPORT_FORMAT, REPORT_VERSION, type Report360, type ReportStatement } from './signed-report.ts';

/**
 * What the learner may see of a campaign, from the coach's score: the shown groups' figures per
 * axis, self against others per statement, the comments of groups that pass the comment
 * threshold, and every notice. Nothing per rater, no token, no time finer than the day the
 * report is issued: the score already holds only what anonymity allows, and this keeps to it.
 */
export async function buildReport(manifest: CampaignManifest, score: SubjectScore, identity: string, issuedOn: string): Promise<Report360> {
  const { recipient, fingerprint } = await coachKeys(identity);
  const shown = new Set(score.visibility.shown);
  const statements: ReportStatement[] = score.statements.flatMap((statement) => {
    const rows: ReportStatement[] = [];
    if (shown.has('self') && statement.self !== null) rows.push({ statement_id: statement.statementId, rater_group: 'self', mean: statement.self, sd: null, ratings: 1 });
    if (shown.has('others') && statement.others !== null) {
      rows.push({
        statement_id: statement.statementId,
        rater_group: 'others',
        mean: statement.others,
        sd: statement.othersSd,
        ratings: statement.othersRaters,
        ...(statement.flag === null ? {} : { flag: statement.flag }),
      });
    }
    return rows;
  });
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    campaign_id: manifest.campaign_id,
    issued_on: issuedOn,
    framework: manifest.framework,
    learner: manifest.learner,
    coach: { name: manifest.coach.name, recipient, fingerprint },
    thresholds: manifest.thresholds,
    groups_shown: score.visibility.shown,
    notices: [
      ...score.visibility.hidden.map(({ group, reason, responses }) => ({ group, reason, responses })),
      ...score.commentsHidden.map(({ group, responses }) => ({ group, reason: 'comments-below-threshold' as const, responses })),
    ],
    axes: score.axes.flatMap((axis) =>
      axis.groups.map((figures) => ({
        axis_kind: axis.kind,
        axis_id: axis.id,
        rater_group: figures.group,
        raters: figures.raters,
        ratings: figures.ratings,
        mean: figures.mean,
        percent: figures.percent,
        sd: figures.sd,
        attained_level: figures.attainedLevel,
      })),
    ),
    statements,
    comments: score.comments.flatMap(({ group, comments }) => comments.map(({ topic, text }) => ({ rater_group: group, topic, text }))),
  };
}
