import type { ReportNotice } from '../../core/confidential/signed-report.ts';
import { responsesNeeded } from '../../core/score/anonymity.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';

/**
 * Every notice of the report, in plain words with the coach's thresholds (not the defaults):
 * each group whose figures are folded or hidden, and each whose comments are held back. It takes
 * the profile's anonymity notice's place, which states only the default thresholds.
 */
export function ReportNotices({ notices, score }: { notices: readonly ReportNotice[]; score: SubjectScore }) {
  if (notices.length === 0) return null;
  return (
    <section className="banner banner-notice visibility-notice" aria-labelledby="report-notices-title">
      <h2 id="report-notices-title">What the report leaves out, and why</h2>
      <p>To keep raters anonymous, your coach's report shows a group only when it has enough responses for the thresholds above, and never anything subtraction could single out.</p>
      <ul>
        {notices.map((notice) => (
          <li key={`${notice.group}-${notice.reason}`} data-group={notice.group} data-reason={notice.reason}>{noticeText(notice, score)}</li>
        ))}
      </ul>
    </section>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function noticeText(notice: ReportNotice, score: SubjectScore): string {
  const { group, reason, responses } = notice;
  const name = `${groupLabel(group)}${responses === undefined ? '' : ` (${plural(responses, 'response', 'responses')})`}`;
  const others = `"${groupLabel('others')}"`;
  const othersShown = score.visibility.shown.includes('others');
  if (reason === 'comments-below-threshold') {
    const needed = responsesNeeded(group, score.responseCounts, score.thresholds, 'comments');
    // Named as CommentsSection heads the comments no group shows on its own.
    const ownGroupShown = score.comments.some((entry) => entry.group !== 'self' && entry.group !== 'others');
    const where = group !== 'others' && score.comments.some((entry) => entry.group === 'others')
      ? ` They are among the comments under "${ownGroupShown ? 'Other raters' : groupLabel('others')}", with other groups' comments.`
      : '';
    return `${name}: figures shown, but comments not shown on their own: comments need ${plural(needed, 'response', 'responses')} under the comment threshold, and no subtraction may single them out.${where}`;
  }
  if (group === 'others') {
    const needed = responsesNeeded('others', score.responseCounts, score.thresholds);
    return `${name}: fewer than the ${needed} responses needed for figures pooled across your raters, so no rater figures or comments are shown, to keep every rater anonymous.`;
  }
  if (reason === 'folded-to-protect-remainder') {
    return othersShown
      ? `${name}: not shown on its own, because the raters left over could then be worked out by subtraction from ${others}. The group's ratings count in ${others}.`
      : `${name}: not shown on its own, because the raters left over could then be worked out by subtraction.`;
  }
  const needed = responsesNeeded(group, score.responseCounts, score.thresholds);
  return othersShown
    ? `${name}: fewer than the ${needed} responses the coach's threshold needs, so not shown on their own. Their ratings count in ${others}.`
    : `${name}: fewer than the ${needed} responses the coach's threshold needs, so not shown, to keep each rater anonymous.`;
}
