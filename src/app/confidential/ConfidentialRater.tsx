import { useEffect, useState } from 'react';
import { loadSealedSubmission, type SealedSubmission } from '../storage/sealed-submissions.ts';
import { ConfidentialSurvey } from './ConfidentialSurvey.tsx';
import type { ReadyLink } from './open-confidential-link.ts';
import { SealedThankYou } from './SealedThankYou.tsx';

type Stage =
  | { kind: 'loading' }
  | { kind: 'survey'; unreadable: boolean }
  | { kind: 'sealed'; submission: SealedSubmission; stored: boolean };

/** One invitation, one sealed response: a link already answered in this browser shows its sealed file and code again. */
export function ConfidentialRater({ link }: { link: ReadyLink }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const { invitationId, manifest } = link.invitation;

  useEffect(() => {
    let current = true;
    loadSealedSubmission(invitationId, manifest.campaign_id).then(
      (read) => current && setStage(read.state === 'readable' ? { kind: 'sealed', submission: read.submission, stored: true } : { kind: 'survey', unreadable: read.state === 'unreadable' }),
      // Storage refused: the shell's banner says so; the rater can still answer and take the file.
      () => current && setStage({ kind: 'survey', unreadable: false }),
    );
    return () => {
      current = false;
    };
  }, [invitationId, manifest.campaign_id]);

  switch (stage.kind) {
    case 'loading': return <p role="status">Checking the invitation…</p>;
    case 'survey': return <ConfidentialSurvey link={link} unreadable={stage.unreadable} onSealed={(submission, stored) => setStage({ kind: 'sealed', submission, stored })} />;
    case 'sealed': return <SealedThankYou submission={stage.submission} manifest={manifest} stored={stage.stored} endpoint={link.invitation.endpoint} />;
  }
}
