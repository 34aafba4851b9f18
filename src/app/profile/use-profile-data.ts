import { useEffect, useState } from 'react';
import { earlyLoad, loadProfileData, type ProfileState, takeEarlyLoad } from './load-profile-data.ts';

export type { ProfileData, ProfileState, TeamAverage } from './load-profile-data.ts';

/** Reads the framework, the learner and the stored responses, and scores them with src/core. */
export function useProfileData(frameworkId: string, routeSubjectId: string | null): ProfileState {
  const [state, setState] = useState<ProfileState>(() => earlyLoad(frameworkId, routeSubjectId)?.loaded ?? { status: 'loading' });
  useEffect(() => {
    let live = true;
    const set = (next: ProfileState) => live && setState(next);
    const loading = takeEarlyLoad(frameworkId, routeSubjectId) ?? loadProfileData(frameworkId, routeSubjectId);
    loading.then(set, (error: unknown) =>
      set({ status: 'error', message: `Your saved responses could not be read from this browser's storage (${String(error)}).` }),
    );
    return () => {
      live = false;
    };
  }, [frameworkId, routeSubjectId]);
  return state;
}
