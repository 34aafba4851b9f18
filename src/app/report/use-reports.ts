import { useCallback, useEffect, useState } from 'react';
import { type ImportedReports, loadReports } from '../storage/reports.ts';

export type ReportsState = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & ImportedReports);

/** The stored reports, each verified again as it is read; `refresh` after an import. */
export function useReports(): { state: ReportsState; refresh: () => Promise<void> } {
  const [state, setState] = useState<ReportsState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      setState({ status: 'ready', ...(await loadReports()) });
    } catch (error) {
      setState({ status: 'error', message: `Your browser's storage could not be read (${String(error)}).` });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { state, refresh };
}
