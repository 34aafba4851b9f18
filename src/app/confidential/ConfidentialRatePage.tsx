import { useEffect, useState } from 'react';
import { BadLink } from '../rate/BadLink.tsx';
import { ConfidentialRater } from './ConfidentialRater.tsx';
import { FrameworkProblem } from './FrameworkProblem.tsx';
import { type OpenedLink, openConfidentialLink } from './open-confidential-link.ts';
import './confidential.css';

/** A rater opens a confidential invitation link (issue 10): checked first, then answered and sealed. */
export default function ConfidentialRatePage({ payload }: { payload: string }) {
  const [opened, setOpened] = useState<OpenedLink | undefined>(undefined);

  useEffect(() => {
    let current = true;
    openConfidentialLink(payload).then(
      (result) => current && setOpened(result),
      () => current && setOpened({ kind: 'bad-link', issues: [{ code: 'invitation.unreadable', path: '', message: 'The invitation could not be checked in this browser.' }] }),
    );
    return () => {
      current = false;
    };
  }, [payload]);

  if (opened === undefined) return <p role="status">Checking the invitation…</p>;
  switch (opened.kind) {
    case 'bad-link': return <BadLink issues={opened.issues} />;
    case 'framework-missing': return <FrameworkProblem manifest={opened.manifest} differs={false} />;
    case 'framework-mismatch': return <FrameworkProblem manifest={opened.manifest} differs />;
    case 'ready': return <ConfidentialRater link={opened.link} />;
  }
}
