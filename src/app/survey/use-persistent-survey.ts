import { useEffect, useState } from 'react';
import { type Model, settings } from 'survey-core';
import type { SurveyJson } from '../../core/generate/survey-json.ts';
import { RATER_GROUP_QUESTION } from '../../core/generate/survey-identity.ts';
import { type DraftIdentity, loadDraft, saveDraft } from '../storage/drafts.ts';
import { askForPersistentStorage } from '../storage/settings.ts';
import { AnswerCountingSurvey } from './answer-counting-survey.ts';
import { applySkillscopeTheme } from './survey-theme.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saved'; at: Date; persistent: 'granted' | 'denied' | 'unsupported' }
  | { kind: 'failed' };

/**
 * A survey-core model whose answers and comments are saved to IndexedDB on every change and
 * whose page is remembered, so a reload or a new tab resumes exactly where the user was.
 */
export function usePersistentSurvey(json: SurveyJson, identity: DraftIdentity, variables: Readonly<Record<string, string>> = {}) {
  const [model, setModel] = useState<AnswerCountingSurvey | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const key = JSON.stringify(identity);

  useEffect(() => {
    let cancelled = false;
    // Asked once per model, after the first save; every save waits for the browser's answer.
    let persistent: Promise<'granted' | 'denied' | 'unsupported'> | null = null;
    // People who ask their system for less motion get pages that change without SurveyJS's animation.
    settings.animationEnabled = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // Asked before the model is built (tens of milliseconds), so that IndexedDB reads meanwhile.
    const draftRead = loadDraft(identity);
    const survey = new AnswerCountingSurvey(json);
    applySkillscopeTheme(survey);
    for (const [name, value] of Object.entries(variables)) survey.setVariable(name, value);
    keepFrameworkTextLiteral(survey, json, Object.keys(variables));

    const save = async () => {
      const saved = await saveDraft(identity, { ...survey.data }, survey.currentPageNo);
      if (cancelled) return;
      if (!saved) {
        setSaveState({ kind: 'failed' });
        return;
      }
      persistent ??= askForPersistentStorage().catch(() => 'unsupported' as const);
      const answer = await persistent;
      if (!cancelled) setSaveState({ kind: 'saved', at: new Date(), persistent: answer });
    };

    draftRead.then(
      (draft) => {
        if (cancelled) return;
        if (draft) {
          survey.data = draft.data;
          if (draft.pageNo >= 0 && draft.pageNo < survey.pageCount) survey.currentPageNo = draft.pageNo;
        }
        survey.onValueChanged.add(() => void save());
        survey.onCurrentPageChanged.add(() => void save());
        setModel(survey);
      },
      () => {
        // An unreadable draft must not be overwritten by a blank one: answer, but save nothing.
        if (cancelled) return;
        setSaveState({ kind: 'failed' });
        setModel(survey);
      },
    );
    return () => {
      cancelled = true;
      survey.dispose();
    };
    // The identity's JSON form is the dependency: a new survey or rater means a new model.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [json, key]);

  return { model, saveState };
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
