import { useEffect, useId, useState } from 'react';
import { subjectNameField } from '../../core/io/response-fields.ts';
import { OTHER_GROUPS, type OtherGroup } from '../../core/model/response.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import { UnreadableNotice } from '../components/UnreadableNotice.tsx';
import type { FrameworkOnly } from '../frameworks/framework-source.ts';
import { hrefOf } from '../shell/hash-route.ts';
import { appendInvitations, loadInvitations, type SentInvitation, type SentInvitations } from '../storage/invitations.ts';
import type { Learner } from '../storage/settings.ts';
import { anonymityWarnings } from './anonymity-preview.ts';
import { InvitationList } from './InvitationList.tsx';
import { collectionAddressProblem } from './collection-address.ts';


const NONE: Record<OtherGroup, number> = { manager: 0, peer: 0, 'direct-report': 0, other: 0 };

/** The learner plans invitations per group, sees the anonymity consequences, then gets links. */
export function InviteForm({ loaded, learner }: { loaded: FrameworkOnly; learner: Learner }) {
  const { framework, builtin } = loaded;
  const id = useId();
  const [planned, setPlanned] = useState<Record<OtherGroup, number>>({ ...NONE, manager: 1, peer: 3 });
  const [note, setNote] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [stored, setStored] = useState<SentInvitations>({ sent: [], unreadable: 0 });

  useEffect(() => {
    loadInvitations(framework.id, learner.subjectId).then(setStored, () => setStored({ sent: [], unreadable: 0 }));
  }, [framework.id, learner.subjectId]);

  const warnings = anonymityWarnings(planned);
  const endpointError = collectionAddressProblem(endpoint.trim());
  const total = OTHER_GROUPS.reduce((sum, group) => sum + planned[group], 0);

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    if (endpointError || total === 0) return;
    const createdAt = new Date().toISOString();
    const fresh: SentInvitation[] = OTHER_GROUPS.flatMap((group) =>
      Array.from({ length: planned[group] }, () => ({
        createdAt,
        invitation: {
          invitationId: crypto.randomUUID(),
          frameworkId: framework.id,
          // The rater's response carries this name as its subject_name: cleaned as a response's would be.
          learnerName: subjectNameField(learner.displayName).subjectName ?? learner.subjectId,
          subjectId: learner.subjectId,
          group,
          note,
          endpoint: endpoint.trim() === '' ? null : endpoint.trim(),
          framework: builtin ? null : framework,
        },
      })),
    );
    const all = await appendInvitations(framework.id, learner.subjectId, fresh);
    if (all) setStored(all);
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Invite raters: {framework.title}</h1>
      <p className="lead">
        Each person gets their own link. They rate you on the same statements; you import what they send back on <a href={hrefOf({ name: 'data' })}>Your data</a>.
        The link holds everything they need, after the # sign, which is never sent to any server.
      </p>
      <form onSubmit={(event) => void create(event)} className="panel" aria-describedby={`${id}-warnings`}>
        <fieldset>
          <legend>How many people in each group?</legend>
          <div className="group-counts">
            {OTHER_GROUPS.map((group) => (
              <p key={group}>
                <label htmlFor={`${id}-${group}`}>{GROUP_NAMES[group].plural}</label>
                <input id={`${id}-${group}`} type="number" min={0} max={30} inputMode="numeric" value={planned[group]}
                  onChange={(event) => setPlanned({ ...planned, [group]: Math.max(0, Math.min(30, Math.floor(Number(event.target.value) || 0))) })} />
              </p>
            ))}
          </div>
        </fieldset>
        <div id={`${id}-warnings`} aria-live="polite">
          {warnings.length > 0 ? (
            <div className="banner banner-warn">
              <p><strong>Before you send: anonymity</strong></p>
              <ul>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>
            </div>
          ) : total > 0 ? <p className="banner banner-ok">If everyone responds, every group you invite is shown on its own.</p> : null}
        </div>
        <label htmlFor={`${id}-note`}>A note for your raters (optional)</label>
        <textarea id={`${id}-note`} rows={3} value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} />
        <details>
          <summary>Collection address (optional, for teams)</summary>
          <label htmlFor={`${id}-endpoint`}>HTTPS address that also receives each response</label>
          <input id={`${id}-endpoint`} type="url" value={endpoint} onChange={(event) => setEndpoint(event.target.value)} aria-invalid={endpointError !== null} aria-describedby={`${id}-endpoint-error`} placeholder="https://" />
          <p id={`${id}-endpoint-error`} className="error-text">{endpointError}</p>
        </details>
        <button type="submit" disabled={total === 0 || endpointError !== null}>Create {total} link{total === 1 ? '' : 's'}</button>
      </form>
      <UnreadableNotice count={stored.unreadable} kind="invitation" leftOutOf="your invitation links" />
      <InvitationList sent={stored.sent} frameworkTitle={framework.title} />
    </section>
  );
}
