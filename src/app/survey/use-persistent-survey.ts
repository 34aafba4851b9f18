import { useEffect, useState } from 'react';
import type { SurveyJson } from '../../core/generate/survey-json.ts';
import { type DraftIdentity, saveDraft } from '../storage/drafts.ts';
import { askForPersistentStorage } from '../storage/settings.ts';
import type { AnswerCountingSurvey } from './answer-counting-survey.ts';
import { earlySurvey, takeEarlySurvey } from './early-self-survey.ts';
import { openSurvey } from './open-survey.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saved'; at: Date; persistent: 'granted' | 'denied' | 'unsupported' }
  | { kind: 'failed' };

/**
 * A survey-core model whose answers and comments are saved to IndexedDB on every change and
 * whose page is remembered, so a reload or a new tab resumes exactly where the user was. On the
 * first page of a visit the model may have been opened before the app's first render
 * (early-self-survey.ts): it is then shown at once, with the answers read then.
 */
export function usePersistentSurvey(json: SurveyJson, identity: DraftIdentity, variables: Readonly<Record<string, string>> = {}) {
  const key = JSON.stringify(identity);
  const [model, setModel] = useState<AnswerCountingSurvey | null>(() => earlySurvey(json, key)?.opened.survey ?? null);
  const [saveState, setSaveState] = useState<SaveState>(() => (earlySurvey(json, key)?.restored === false ? { kind: 'failed' } : { kind: 'idle' }));

  useEffect(() => {
    let cancelled = false;
    // Asked once per model, after the first save; every save waits for the browser's answer.
    let persistent: Promise<'granted' | 'denied' | 'unsupported'> | null = null;
    const early = takeEarlySurvey(json, key);
    if (early === null) setModel(null); // a model of an earlier render is disposed below
    const opened = early?.opened ?? openSurvey(json, identity, variables);
    const { survey } = opened;

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

    void opened.restored.then((restored) => {
      if (cancelled) return;
      if (restored) opened.saveChangesWith(() => void save());
      else setSaveState({ kind: 'failed' }); // answer, but save nothing
      setModel(survey);
    });
    return () => {
      cancelled = true;
      survey.dispose();
    };
    // The identity's JSON form is the dependency: a new survey or rater means a new model.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [json, key]);

  return { model, saveState };
}
