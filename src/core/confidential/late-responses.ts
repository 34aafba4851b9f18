import type { OtherGroup } from '../model/response.ts';
import type { Issue } from '../model/result.ts';
import { GROUP_NAMES } from '../score/group-names.ts';
import type { AnonymityThresholds } from '../score/thresholds.ts';

/**
 * Issue 10, late responses: once a report is issued, a response that arrives later could be read
 * off by comparing the old report with a new one (the difference is that rater's answers). So a
 * new report may add late responses only where each group that changes gains at least its
 * threshold of new responses; otherwise the coach must decide to accept the risk, after this
 * warning, or wait for more.
 */
export type CountedInvitation = { invitationId: string; group: OtherGroup };

export function lateResponseIssues(
  before: readonly CountedInvitation[],
  now: readonly CountedInvitation[],
  thresholds: AnonymityThresholds,
  issuedOn: string,
): Issue[] {
  const counted = new Set(before.map((entry) => entry.invitationId));
  const fresh = new Map<OtherGroup, number>();
  for (const entry of now) if (!counted.has(entry.invitationId)) fresh.set(entry.group, (fresh.get(entry.group) ?? 0) + 1);
  const issues: Issue[] = [];
  for (const [group, count] of fresh) {
    const needed = thresholds[group];
    if (count >= needed) continue;
    const names = GROUP_NAMES[group];
    issues.push({
      code: 'campaign.late-responses',
      path: group,
      message: `${count} ${count === 1 ? names.singular.toLowerCase() : names.plural.toLowerCase()} responded after the report of ${issuedOn}: comparing that report with a new one would show their answers. A new report needs at least ${needed} new ${names.plural.toLowerCase()}; wait for more, or accept the risk knowingly.`,
    });
  }
  return issues;
}
