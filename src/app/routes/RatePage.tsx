import { useEffect, useMemo, useState } from 'react';
import 'survey-core/survey-core.fontless.min.css';
import { buildRaterSurvey } from '../../core/generate/rater-survey.ts';
import { buildSelfSurvey } from '../../core/generate/self-survey.ts';
import type { Issue } from '../../core/model/result.ts';
import { decodeInvitation, type Invitation } from '../../core/share/invitation.ts';
import { isBuiltin, loadFramework, type LoadedFramework } from '../frameworks/framework-source.ts';
import { RaterSurvey } from '../rate/RaterSurvey.tsx';

/** A rater opens an invitation link: everything they need is in the link's fragment. */
export default function RatePage({ payload }: { payload: string }) {
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

function BadLink({ issues }: { issues: readonly Issue[] }) {
  return (
    <section aria-labelledby="bad-link-title">
      <h1 id="bad-link-title">This invitation link does not work</h1>
      <p className="lead">Nothing is wrong on your side: the link is damaged, incomplete or not a Skillscope invitation. Ask the person who invited you to send it again, and copy the whole link.</p>
      {/* Not IssueList: its import wording ("nothing was imported") and field paths mean nothing to a rater. */}
      <div className="banner banner-error" role="alert">
        <p><strong>What is wrong with the link:</strong></p>
        <ul className="issue-list">{[...new Set(issues.map((issue) => issue.message))].map((message) => <li key={message}>{message}</li>)}</ul>
      </div>
    </section>
  );
}
