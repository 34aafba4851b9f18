import { useCallback, useEffect, useState } from 'react';
import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { loadAllFrameworks } from '../frameworks/framework-source.ts';
import { countDrafts } from '../storage/drafts.ts';
import { loadResponses } from '../storage/responses.ts';

/** What this browser holds, as the data and team pages show it. */
export type StoredData = {
  responses: SurveyResponse[];
  /** Stored responses left out because they no longer read back: damaged, or for a framework no longer here. */
  unreadable: number;
  frameworks: Map<string, Framework>;
  openedFromFiles: number;
  drafts: number;
};

/**
 * Reads every framework and every stored response; `refresh` reads again (after an import)
 * and keeps what was shown until the new reading is here. `readError` is why storage could not
 * be read, for the page to say.
 */
export function useStoredData(): { data: StoredData | null; readError: string | null; refresh: () => void } {
  const [data, setData] = useState<StoredData | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [reading, setReading] = useState(0);
  useEffect(() => {
    let live = true;
    readStoredData().then(
      (read) => {
        if (!live) return;
        setData(read);
        setReadError(null);
      },
      (error: unknown) => live && setReadError(String(error)),
    );
    return () => {
      live = false;
    };
  }, [reading]);
  const refresh = useCallback(() => setReading((n) => n + 1), []);
  return { data, readError, refresh };
}

async function readStoredData(): Promise<StoredData> {
  const [loaded, drafts] = await Promise.all([loadAllFrameworks(), countDrafts()]);
  const frameworks = new Map([...loaded].map(([id, entry]) => [id, entry.framework]));
  const { responses, unreadable } = await loadResponses((id) => frameworks.get(id));
  const openedFromFiles = [...loaded.values()].filter((entry) => !entry.builtin).length;
  return { responses, unreadable, frameworks, openedFromFiles, drafts };
}
