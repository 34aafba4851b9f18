import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import 'survey-core/survey-core.fontless.min.css';
import { buildRaterSurvey } from '../../core/generate/rater-survey.ts';
import { buildSelfSurvey } from '../../core/generate/self-survey.ts';
import { decodeInvitation, type Invitation } from '../../core/share/invitation.ts';
import { isBuiltin, loadFramework, type LoadedFramework } from '../frameworks/framework-source.ts';
import { BadLink } from '../rate/BadLink.tsx';
import { RaterSurvey } from '../rate/RaterSurvey.tsx';
import { isConfidentialInvitation } from '../../core/confidential/confidential-prefix.ts';

/** Loaded only for a confidential link: the open 360's page never downloads the sealing code. */
const ConfidentialRatePage = lazy(() => import('../confidential/ConfidentialRatePage.tsx'));

/** A rater opens an invitation link: everything they need is in the link's fragment. */
export default function RatePage({ payload }: { payload: string }) {
  if (isConfidentialInvitation(payload)) {
    return (
      <Suspense fallback={<p role="status">Checking the invitation…</p>}>
        <ConfidentialRatePage payload={payload} />
      </Suspense>
    );
  }
  return <OpenRatePage payload={payload} />;
}

function OpenRatePage({ payload }: { payload: string }) {
  const decoded = useMemo(() => decodeInvitation(payload, isBuiltin), [payload]);
  const [loaded, setLoaded] = useState<LoadedFramework | null | undefined>(undefined);
  const invitation = decoded.ok ? decoded.value : null;

  useEffect(() => {
    if (!invitation) return;
    if (invitation.framework) {
      const framework = invitation.framework;
      setLoaded({ framework, selfSurvey: buildSelfSurvey(framework), raterSurvey: buildRaterSurvey(framework), builtin: false });
      return;
    }
    loadFramework(invitation.frameworkId).then((value) => setLoaded(value ?? null), () => setLoaded(null));
  }, [invitation]);

  if (!decoded.ok) return <BadLink issues={decoded.issues} />;
  if (loaded === undefined) return <p role="status">Loading the survey…</p>;
  if (loaded === null || !invitation) return <BadLink issues={[{ code: 'invitation.unknown-framework', path: '', message: 'The framework of this link could not be loaded.' }]} />;
  return <RaterSurvey loaded={loaded} invitation={invitation satisfies Invitation} />;
}
