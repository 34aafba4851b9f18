import type { Issue } from '../core/model/result.ts';

/**
 * Core says a CASE package too large for one survey should be read one part at a time, and lists
 * the parts; on the command line that is `--case-part IDENTIFIER` (the app has a picker instead).
 */
export function withCasePartHint(issue: Issue): Issue {
  return issue.code === 'case.too-large' ? { ...issue, message: `${issue.message} Give one part's identifier with --case-part IDENTIFIER.` } : issue;
}
