import { useEffect, useId, useState } from 'react';
import { createCampaign } from '../../core/confidential/campaign.ts';
import { MAX_NOMINEES_PER_GROUP, type Nomination, nominatedCounts, pairNominees } from '../../core/confidential/nomination.ts';
import { submissionDay } from '../../core/confidential/sealed-content.ts';
import { slug } from '../../core/model/ids.ts';
import { MAX_NAME_CHARS } from '../../core/model/limits.ts';
import { OTHER_GROUPS, type OtherGroup } from '../../core/model/response.ts';
import type { Issue } from '../../core/model/result.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';
import { checkThresholds, DEFAULT_THRESHOLDS, LOWEST_THRESHOLDS, THRESHOLD_KEYS, type AnonymityThresholds } from '../../core/score/thresholds.ts';
import { IssueList } from '../components/IssueList.tsx';
import { type FrameworkSummary, listFrameworks, loadFrameworkOnly } from '../frameworks/framework-source.ts';
import { saveCampaign } from '../storage/campaigns.ts';
import { previewCampaign } from './campaign-preview.ts';
import { collectionAddressProblem } from '../invite/collection-address.ts';
import { NominationImport } from './NominationImport.tsx';
import type { UnlockedKey } from './unlocked-key.ts';

const NONE: Record<OtherGroup, number> = { manager: 0, peer: 0, 'direct-report': 0, other: 0 };
const THRESHOLD_LABELS: Record<keyof AnonymityThresholds, string> = {
  manager: 'Manager', peer: 'Peers', 'direct-report': 'Direct reports', other: 'Other raters', others: 'All others (pooled)', comments: 'Comments',
};
const DAY_MS = 86_400_000;
const count = (text: string, max: number) => Math.max(0, Math.min(max, Math.floor(Number(text) || 0)));

type Props = { unlocked: UnlockedKey; coachName: string; onCreated: (campaignId: string) => void };

/** Issue 10, step 2: the coach sets up one learner's 360 and sees, before creating it, what anonymity will fold or hide. */
export function CampaignForm({ unlocked, coachName, onCreated }: Props) {
  const id = useId();
  const [frameworks, setFrameworks] = useState<FrameworkSummary[]>([]);
  const [frameworkId, setFrameworkId] = useState('');
  const [learner, setLearner] = useState('');
  const [coach, setCoach] = useState(coachName);
  const [planned, setPlanned] = useState<Record<OtherGroup, number>>({ ...NONE, manager: 1, peer: 3 });
  const [thresholds, setThresholds] = useState<Record<keyof AnonymityThresholds, string>>(
    Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, String(DEFAULT_THRESHOLDS[key])])) as Record<keyof AnonymityThresholds, string>,
  );
  const [closesOn, setClosesOn] = useState(submissionDay(new Date(Date.now() + 28 * DAY_MS)));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [nomination, setNomination] = useState<{ file: string; value: Nomination } | null>(null);
  const [endpoint, setEndpoint] = useState('');

  useEffect(() => {
    listFrameworks().then((list) => {
      setFrameworks(list);
      setFrameworkId((current) => current || (list[0]?.id ?? ''));
    }, () => setFrameworks([]));
  }, []);

  const checked = checkThresholds(Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, thresholds[key].trim() === '' ? Number.NaN : Number(thresholds[key])])), 'thresholds');
  const total = OTHER_GROUPS.reduce((sum, group) => sum + planned[group], 0);
  const preview = checked.ok ? previewCampaign(planned, checked.value) : null;
  const endpointError = collectionAddressProblem(endpoint.trim());
  // Who would get no link with the counts as they stand (the coach may have lowered one).
  const slots = OTHER_GROUPS.flatMap((group) => Array.from({ length: planned[group] }, (_, index) => ({ invitationId: `${group}-${index}`, group })));
  const uninvited = nomination === null ? [] : pairNominees(slots, nomination.value.raters).uninvited;

  const startFrom = (value: Nomination, file: string) => {
    setNomination({ file, value });
    setLearner(value.learner.name);
    setFrameworkId(value.frameworkId);
    setPlanned(nominatedCounts(value.raters));
    setIssues([]);
  };

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    const today = submissionDay(new Date());
    const problems: Issue[] = checked.ok ? [] : [...checked.issues];
    if (learner.trim() === '') problems.push({ code: 'campaign.no-learner', path: 'learner', message: 'Give the learner\'s name: raters see whom they rate.' });
    if (coach.trim() === '') problems.push({ code: 'campaign.no-coach', path: 'coach', message: 'Give your name: raters and the learner see who runs the 360.' });
    if (total === 0) problems.push({ code: 'campaign.no-raters', path: 'groups', message: 'Invite at least one rater.' });
    if (endpointError !== null) problems.push({ code: 'campaign.bad-endpoint', path: 'endpoint', message: endpointError });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn) || closesOn < today) problems.push({ code: 'campaign.bad-closing-day', path: 'closes_on', message: `The closing day must be today (${today}) or later.` });
    const loaded = frameworkId === '' ? undefined : await loadFrameworkOnly(frameworkId).catch(() => undefined);
    if (loaded === undefined) problems.push({ code: 'campaign.no-framework', path: 'framework', message: 'Choose a framework this browser has.' });
    setIssues(problems);
    if (problems.length > 0 || loaded === undefined || !checked.ok) return;
    setBusy(true);
    try {
      const name = learner.trim();
      // The learner's own subject id when the campaign is for the learner who nominated.
      const subjectId = nomination !== null && nomination.value.learner.name === name ? nomination.value.learner.subjectId : slug(name, 32, 'learner');
      const made = await createCampaign({
        framework: loaded.framework,
        learner: { name, subjectId },
        coachName: coach.trim(),
        groups: planned,
        thresholds: checked.value,
        createdOn: today,
        closesOn,
      }, unlocked.identity);
      const { named } = pairNominees(made.invitations, nomination?.value.raters ?? []);
      const raters = made.invitations.flatMap(({ invitationId }) => {
        const rater = named.get(invitationId);
        return rater === undefined ? [] : [{ invitationId, name: rater.name, email: rater.email }];
      });
      if (await saveCampaign(made, { raters, endpoint: endpoint.trim() === '' ? null : endpoint.trim() })) onCreated(made.manifest.campaign_id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void create(event)} className="panel campaign-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New campaign</h2>
      <p>One campaign is one learner's 360. Creating it signs it with your key and makes one secret link per rater. Nothing of it goes to the learner.</p>
      <NominationImport hasFramework={(frameworkIdToFind) => frameworks.some((framework) => framework.id === frameworkIdToFind)} onImported={startFrom} />
      {nomination !== null && (
        <div className="nominated" aria-live="polite">
          <p>From {nomination.file}: {nomination.value.learner.name} nominated {nomination.value.raters.length} rater{nomination.value.raters.length === 1 ? '' : 's'}. Each gets a link labelled with their name, and its e-mail is addressed to them.</p>
          <ul aria-label="Nominated raters">
            {nomination.value.raters.map((rater) => <li key={rater.email}>{rater.name}, {GROUP_NAMES[rater.group].singular.toLowerCase()}: {rater.email}</li>)}
          </ul>
          {uninvited.length > 0 && (
            <p className="banner banner-warn">With the counts below, no link is made for {uninvited.map((rater) => `${rater.name} (${GROUP_NAMES[rater.group].singular.toLowerCase()})`).join(', ')}: the last nominees of a group go without when its count is lowered.</p>
          )}
        </div>
      )}
      <label htmlFor={`${id}-framework`}>Framework</label>
      <select id={`${id}-framework`} value={frameworkId} onChange={(event) => setFrameworkId(event.target.value)}>
        {frameworks.map((framework) => <option key={framework.id} value={framework.id}>{framework.title}{framework.builtin ? '' : ' (opened from a file)'}</option>)}
      </select>
      <p className="hint">A framework opened from a file must also be opened in each rater's browser.</p>
      <label htmlFor={`${id}-learner`}>Learner's name</label>
      <input id={`${id}-learner`} value={learner} onChange={(event) => setLearner(event.target.value)} maxLength={MAX_NAME_CHARS} autoComplete="off" />
      <label htmlFor={`${id}-coach`}>Your name, as raters and the learner will see it</label>
      <input id={`${id}-coach`} value={coach} onChange={(event) => setCoach(event.target.value)} maxLength={MAX_NAME_CHARS} autoComplete="name" />
      <fieldset>
        <legend>How many raters in each group?</legend>
        <div className="group-counts">
          {OTHER_GROUPS.map((group) => (
            <p key={group}>
              <label htmlFor={`${id}-count-${group}`}>{GROUP_NAMES[group].plural}</label>
              <input id={`${id}-count-${group}`} type="number" min={0} max={MAX_NOMINEES_PER_GROUP} inputMode="numeric" value={planned[group]}
                onChange={(event) => setPlanned({ ...planned, [group]: count(event.target.value, MAX_NOMINEES_PER_GROUP) })} />
            </p>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Anonymity thresholds: responses needed before a group is shown</legend>
        <p className="hint">None may be below {LOWEST_THRESHOLDS.peer} except the manager's, who may be shown alone from 1. The comment threshold also applies to each group's comments.</p>
        <div className="group-counts">
          {THRESHOLD_KEYS.map((key) => (
            <p key={key}>
              <label htmlFor={`${id}-threshold-${key}`}>{THRESHOLD_LABELS[key]}</label>
              <input id={`${id}-threshold-${key}`} type="number" min={LOWEST_THRESHOLDS[key]} max={99} inputMode="numeric" value={thresholds[key]}
                onChange={(event) => setThresholds({ ...thresholds, [key]: event.target.value })} />
            </p>
          ))}
        </div>
      </fieldset>
      <label htmlFor={`${id}-closes`}>Closing day</label>
      <input id={`${id}-closes`} type="date" value={closesOn} onChange={(event) => setClosesOn(event.target.value)} />
      <label htmlFor={`${id}-endpoint`}>Collection address (optional)</label>
      <p className="hint" id={`${id}-endpoint-hint`}>An HTTPS address that also receives each sealed response; only your key opens them. Leave it empty to collect the sealed files and codes yourself.</p>
      <input id={`${id}-endpoint`} type="url" size={50} value={endpoint} onChange={(event) => setEndpoint(event.target.value)} placeholder="https://"
        aria-invalid={endpointError !== null} aria-describedby={`${id}-endpoint-hint ${id}-endpoint-error`} />
      <p id={`${id}-endpoint-error`} className="error-text">{endpointError}</p>
      <div aria-live="polite" className="campaign-preview">
        {!checked.ok ? <IssueList title="These thresholds cannot be used." issues={checked.issues} /> : preview !== null && total > 0 && (
          <>
            <p>If everyone responds, the report shows: {preview.shown.join(', ') || 'no rater group'}.</p>
            {preview.warnings.length > 0 && (
              <div className="banner banner-warn">
                <p><strong>Before you send: anonymity</strong></p>
                <ul>{preview.warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
              </div>
            )}
          </>
        )}
      </div>
      <button type="submit" disabled={busy || total === 0 || endpointError !== null}>Create the campaign and {total} link{total === 1 ? '' : 's'}</button>
      {issues.length > 0 && <IssueList title="The campaign was not created." issues={issues} />}
    </form>
  );
}
