import { useEffect, useState } from 'react';
import { LearnerGate } from '../components/LearnerGate.tsx';
import { type FrameworkOnly, loadFrameworkOnly } from '../frameworks/framework-source.ts';
import { InviteForm } from '../invite/InviteForm.tsx';
import { NominatePanel } from '../nominate/NominatePanel.tsx';
import { hrefOf } from '../shell/hash-route.ts';

export default function InvitePage({ frameworkId }: { frameworkId: string }) {
  const [loaded, setLoaded] = useState<FrameworkOnly | null | undefined>(undefined);
  useEffect(() => {
    loadFrameworkOnly(frameworkId).then((value) => setLoaded(value ?? null), () => setLoaded(null));
  }, [frameworkId]);
  if (loaded === undefined) return <p role="status">Loading…</p>;
  if (loaded === null) return <section><h1>Framework not found</h1><p><a href={hrefOf({ name: 'home' })}>Choose a framework</a>.</p></section>;
  return <LearnerGate>{(learner) => <><InviteForm loaded={loaded} learner={learner} /><NominatePanel framework={loaded.framework} learner={learner} /></>}</LearnerGate>;
}
