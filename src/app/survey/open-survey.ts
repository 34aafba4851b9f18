import { type Model, settings } from 'survey-core';
import type { SurveyJson } from '../../core/generate/survey-json.ts';
import { RATER_GROUP_QUESTION } from '../../core/generate/survey-identity.ts';
import { type DraftIdentity, loadDraft } from '../storage/drafts.ts';
import { AnswerCountingSurvey } from './answer-counting-survey.ts';
import { applySkillscopeTheme } from './survey-theme.ts';

/**
 * A survey-core model with its saved answers put back: built at once, `restored` once the saved
 * answers are read (true) or could not be read (false: the model then saves nothing, so that an
 * unreadable draft is never overwritten by a blank one).
 */
export type OpenedSurvey = {
  survey: AnswerCountingSurvey;
  restored: Promise<boolean>;
  /**
   * Who saves each change from now on. A change made before (the survey was on screen before
   * the page's effects ran) is saved at once: every save writes the whole of the answers.
   */
  saveChangesWith(save: () => void): void;
};

/** Builds the model and reads its saved answers side by side (the model takes tens of milliseconds). */
export function openSurvey(json: SurveyJson, identity: DraftIdentity, variables: Readonly<Record<string, string>> = {}): OpenedSurvey {
  // People who ask their system for less motion get pages that change without SurveyJS's animation.
  settings.animationEnabled = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Asked before the model is built, so that IndexedDB reads meanwhile.
  const draftRead = loadDraft(identity);
  const survey = new AnswerCountingSurvey(json);
  applySkillscopeTheme(survey);
  for (const [name, value] of Object.entries(variables)) survey.setVariable(name, value);
  keepFrameworkTextLiteral(survey, json, Object.keys(variables));

  let saver: (() => void) | null = null;
  let unsaved = false;
  const changed = () => {
    if (saver === null) unsaved = true;
    else saver();
  };
  const restored = draftRead.then(
    (draft) => {
      if (survey.isDisposed) return false;
      if (draft) {
        survey.data = draft.data;
        if (draft.pageNo >= 0 && draft.pageNo < survey.pageCount) survey.currentPageNo = draft.pageNo;
      }
      survey.onValueChanged.add(changed);
      survey.onCurrentPageChanged.add(changed);
      return true;
    },
    () => false,
  );
  return {
    survey,
    restored,
    saveChangesWith: (save) => {
      saver = save;
      if (unsaved) {
        unsaved = false;
        save();
      }
    },
  };
}

/**
 * SurveyJS replaces `{name}` in any text with a variable's or an answer's value. Framework text
 * must show as typed (DESIGN.md), so only the variables the app sets are replaced, and nothing
 * at all in a statement's title: "Uses {pagecount} tabs" or "{rater_group}" stay literal.
 */
function keepFrameworkTextLiteral(survey: Model, json: SurveyJson, allowed: readonly string[]): void {
  const statements = new Set(json.pages.flatMap((page) => (page.elements ?? []).filter((e) => e.type === 'radiogroup' && e.name !== RATER_GROUP_QUESTION).map((e) => e.name)));
  survey.onProcessDynamicText.add((_, options) => {
    const element = (options as { element?: { name?: unknown } }).element;
    const inStatement = typeof element?.name === 'string' && statements.has(element.name);
    if (inStatement || !allowed.includes(options.name)) {
      options.isExists = false;
      options.value = undefined;
    }
  });
}
