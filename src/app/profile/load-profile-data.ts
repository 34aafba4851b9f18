import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { countResponses } from '../../core/score/counted-responses.ts';
import { scoreSubject } from '../../core/score/score-subject.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import type { TeamAxisAverage } from '../../core/score/team-average.ts';
import { loadFrameworkOnly } from '../frameworks/framework-source.ts';
import { loadResponses } from '../storage/responses.ts';
import { loadLearner } from '../storage/settings.ts';

export type ProfileData = {
  framework: Framework;
  subjectId: string;
  /** The learner's own name, or the subject id of someone else's profile (responses carry no names). */
  whose: string;
  own: boolean;
  score: SubjectScore;
  /** The self response that counts (the latest, DESIGN.md), for its date and its N/A answers. */
  selfResponse: SurveyResponse | null;
  /** Dates of the earlier self-assessments, newest first: kept as history, not counted. */
  earlierSelf: string[];
  /** Stored responses for this profile that no longer read back, left out of it. */
  unreadable: number;
  /**
   * Issue 12: on a profile opened from the team view (another learner's), the team's average
   * self-assessment per axis, to draw over the radars; null on the learner's own profile, in a
   * 360 report (absent there), and when fewer than 2 learners of this framework have a self-assessment.
   */
  teamAverage?: TeamAverage | null;
};

export type TeamAverage = { averages: TeamAxisAverage[]; learners: number };

/** An average of one learner is that learner: not worth drawing. */
const MIN_TEAM_LEARNERS = 2;

export type ProfileState =
  | { status: 'loading' }
  | { status: 'no-framework' }
  | { status: 'no-learner'; framework: Framework }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: ProfileData };

/** A load the route began before the app's first render (preloadProfileData), for that render only. */
type EarlyLoad = { frameworkId: string; subjectId: string | null; loading: Promise<ProfileState>; loaded: ProfileState | null };
let early: EarlyLoad | null = null;

/**
 * Begins reading and scoring the profile while the app's first render is still to come (the
 * shell's route preload waits for it), so that render draws the profile at once instead of a
 * "Loading" line, then the profile a task later (issue 13, `npm run bench -- load`). This module
 * is built into the scoring chunk, not the profile's (src/build/route-chunks.ts): it runs as soon
 * as that smaller file is in, and IndexedDB reads while the profile's code (chart.js) is still
 * being compiled.
 */
export function preloadProfileData(frameworkId: string, subjectId: string | null): Promise<void> {
  const entry: EarlyLoad = { frameworkId, subjectId, loading: loadProfileData(frameworkId, subjectId), loaded: null };
  early = entry;
  return entry.loading.then((state) => {
    entry.loaded = state;
  });
}

/** The early load for this profile, if it is the one begun: not consumed, so render may call it twice. */
export function earlyLoad(frameworkId: string, subjectId: string | null): EarlyLoad | null {
  return early !== null && early.frameworkId === frameworkId && early.subjectId === subjectId ? early : null;
}

/** The early load for this profile, taken: a later visit reads again what may have changed since. */
export function takeEarlyLoad(frameworkId: string, subjectId: string | null): Promise<ProfileState> | null {
  const taken = earlyLoad(frameworkId, subjectId)?.loading ?? null;
  early = null;
  return taken;
}

/** Reads the framework, the learner and the stored responses, and scores them with src/core. */
export async function loadProfileData(frameworkId: string, routeSubjectId: string | null): Promise<ProfileState> {
  // Independent reads run side by side: the profile is drawn as soon as both are here. The
  // profile shows no survey, so it does not download a built-in framework's surveys.
  const [loaded, learner] = await Promise.all([loadFrameworkOnly(frameworkId), loadLearner()]);
  if (loaded === undefined) return { status: 'no-framework' };
  const { framework } = loaded;
  const subjectId = routeSubjectId ?? learner?.subjectId;
  if (subjectId === undefined) return { status: 'no-learner', framework };
  const own = learner !== undefined && learner.subjectId === subjectId;
  const lookup = (id: string) => (id === framework.id ? framework : undefined);
  const { responses, unreadable } = await loadResponses(lookup, { subjectId, frameworkId: framework.id });
  const selfResponse = countResponses(responses, subjectId, framework.id).find((response) => response.raterGroup === 'self') ?? null;
  const earlierSelf = responses
    .filter((response) => response.raterGroup === 'self' && response.responseId !== selfResponse?.responseId)
    .map((response) => response.submittedAt)
    .sort((a, b) => Date.parse(b) - Date.parse(a));
  const teamAverage = own || routeSubjectId === null ? null : await loadTeamAverage(framework);
  return {
    status: 'ready',
    data: { framework, subjectId, whose: own && learner ? learner.displayName : subjectId, own, score: scoreSubject(framework, responses, subjectId), selfResponse, earlierSelf, unreadable, teamAverage },
  };
}

/** Every stored learner of the framework, scored as the team view scores them (scoreCohort). */
async function loadTeamAverage(framework: Framework): Promise<TeamAverage | null> {
  // Only someone else's profile has one: the learner's own does not download the cohort scoring.
  const [{ responses }, { scoreCohort }, { teamAxisAverages }] = await Promise.all([
    loadResponses((id) => (id === framework.id ? framework : undefined)),
    import('../../core/score/score-cohort.ts'),
    import('../../core/score/team-average.ts'),
  ]);
  const scores = scoreCohort(new Map([[framework.id, framework]]), responses.filter((response) => response.frameworkId === framework.id));
  const averages = teamAxisAverages(scores, framework.id, 'self');
  const learners = averages.find((axis) => axis.kind === 'framework')?.learners ?? 0;
  return learners < MIN_TEAM_LEARNERS ? null : { averages, learners };
}
