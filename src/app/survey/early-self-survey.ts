import type { SurveyJson } from '../../core/generate/survey-json.ts';
import { type LoadedFramework, loadFramework } from '../frameworks/framework-source.ts';
import type { Learner } from '../storage/settings.ts';
import { type OpenedSurvey, openSurvey } from './open-survey.ts';
import { selfDraftIdentity } from './self-draft-identity.ts';

/**
 * The self-assessment route's first page, opened before the app's first render: the framework,
 * the learner, and the survey's model with the saved answers put back. The shell's route
 * preload (route-pages.ts) begins it with the route's code and waits for it, so that render
 * shows the survey at once, instead of "Loading…" three times over (the framework, the learner,
 * the answers), each a render and a task of its own (issue 13, `npm run bench -- load`).
 *
 * It serves that one render only: the page takes it (AssessPage, LearnerGate and
 * usePersistentSurvey read it as their first state) and forgets it in its first effects, so a
 * later visit reads again what may have changed since. Nothing here is used unless it is all
 * read: with storage blocked or refused, the page reads for itself and says what went wrong.
 */
export type EarlySelfSurvey = {
  /** null: there is no such framework. */
  loaded: LoadedFramework | null;
  /** null: no learner yet (the page asks for a name). */
  learner: Learner | null;
  /** The opened survey when there is a framework and a learner; `restored` false: its answers could not be read. */
  survey: { json: SurveyJson; key: string; opened: OpenedSurvey; restored: boolean } | null;
};

type Entry = { frameworkId: string; ready: EarlySelfSurvey | null };
let early: Entry | null = null;

export async function preloadSelfSurvey(frameworkId: string, learnerRead: Promise<Learner | undefined>): Promise<void> {
  forgetEarlySelfSurvey();
  const entry: Entry = { frameworkId, ready: null };
  early = entry;
  const [loaded, learner] = await Promise.all([loadFramework(frameworkId), learnerRead]);
  if (loaded === undefined || learner === undefined) {
    if (early === entry) entry.ready = { loaded: loaded ?? null, learner: learner ?? null, survey: null };
    return;
  }
  if (early !== entry) return;
  const identity = selfDraftIdentity(loaded.framework, learner);
  const opened = openSurvey(loaded.selfSurvey, identity);
  const restored = await opened.restored;
  // The page went on without it (storage was slow to answer): nobody will show this model.
  if (early !== entry) {
    opened.survey.dispose();
    return;
  }
  entry.ready = { loaded, learner, survey: { json: loaded.selfSurvey, key: JSON.stringify(identity), opened, restored } };
}

/** What was read for this framework's page, if it is all here; not taken, so a render may ask twice. */
export function earlySelfSurvey(frameworkId: string): EarlySelfSurvey | null {
  return early !== null && early.frameworkId === frameworkId ? early.ready : null;
}

/** The opened survey, if it is the one for this survey and identity. */
export function earlySurvey(json: SurveyJson, key: string): { opened: OpenedSurvey; restored: boolean } | null {
  const survey = early?.ready?.survey ?? null;
  return survey !== null && survey.json === json && survey.key === key ? survey : null;
}

/** Takes the opened survey for good: the caller disposes it with its page. */
export function takeEarlySurvey(json: SurveyJson, key: string): { opened: OpenedSurvey; restored: boolean } | null {
  const survey = earlySurvey(json, key);
  if (survey !== null && early?.ready) early.ready.survey = null;
  return survey;
}

/** The page has made its first render: what it did not take is let go. */
export function forgetEarlySelfSurvey(): void {
  early?.ready?.survey?.opened.survey.dispose();
  early = null;
}
