import { useCallback, useEffect, useId, useState } from 'react';
import type { Issue, Result } from '../../core/model/result.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { THRESHOLD_KEYS } from '../../core/score/thresholds.ts';
import { IssueList } from '../components/IssueList.tsx';
import { formatDay } from '../report/format-day.ts';
import type { CoachCampaign } from '../storage/campaigns.ts';
import { addCampaignInputs, loadCampaignInputs, removeCampaignInput, type SealedInputRecord } from '../storage/sealed-inputs.ts';
import { CampaignLinks } from './CampaignLinks.tsx';
import { Coach360 } from './Coach360.tsx';
import { type CampaignInput, type OpenedCampaign, openCampaign } from './open-campaign.ts';
import { ResponsesPanel } from './ResponsesPanel.tsx';
import type { UnlockedKey } from './unlocked-key.ts';

const sameData = (a: Uint8Array | string, b: Uint8Array | string): boolean =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.length === b.length && a.every((byte, index) => byte === b[index]);

/** Two raters' files often share a name (the rater's page names it for the learner): messages must tell them apart. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

type Props = { campaign: CoachCampaign; unlocked: UnlockedKey; onChanged: () => void };

/** One campaign: its settings, its links, what came back, and the 360 with its report. */
export function CampaignView({ campaign, unlocked, onChanged }: Props) {
  const id = useId();
  const { manifest } = campaign;
  const [inputs, setInputs] = useState<SealedInputRecord[] | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [opened, setOpened] = useState<Result<OpenedCampaign> | null>(null);

  /** Reads what is kept and opens it, unless `alreadyOpened` is that set opened a moment ago. */
  const reload = useCallback(async (alreadyOpened?: Result<OpenedCampaign>) => {
    try {
      const read = await loadCampaignInputs(campaign.campaignId);
      setInputs(read.inputs);
      setUnreadable(read.unreadable);
      setOpened(read.inputs.length === 0 ? null : (alreadyOpened ?? await openCampaign(campaign, unlocked.identity, read.inputs)));
    } catch (error) {
      setInputs([]);
      setOpened({ ok: false, issues: [{ code: 'storage.unreadable', path: '', message: `Your browser's storage could not be read (${String(error)}).` }] });
    }
  }, [campaign, unlocked.identity]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const importInputs = async (fresh: CampaignInput[]): Promise<Issue[]> => {
    const kept = inputs ?? [];
    const taken = new Set(kept.map((input) => input.name));
    const added = fresh
      .filter((input, index) => !kept.some((old) => sameData(old.data, input.data)) && !fresh.slice(0, index).some((other) => sameData(other.data, input.data)))
      .map((input) => ({ ...input, name: uniqueName(input.name, taken) }));
    if (added.length === 0) return [];
    // Everything is opened together first: stored inputs change only when the whole set still opens.
    const checked = await openCampaign(campaign, unlocked.identity, [...kept, ...added]);
    if (!checked.ok) return checked.issues;
    const stored = await addCampaignInputs(added.map((input) => ({ ...input, campaignId: campaign.campaignId })));
    if (!stored) return [{ code: 'storage.refused', path: '', message: 'Your browser did not save the responses (see the message at the top of the page); nothing was added.' }];
    // What is kept now is exactly what was just opened: no need to decrypt it all again.
    await reload(checked);
    return [];
  };

  return (
    <section aria-labelledby={`${id}-title`} className="campaign-view">
      <h2 id={`${id}-title`}>360 of {manifest.learner.name}</h2>
      <dl className="profile-facts">
        <div><dt>Framework</dt><dd>{manifest.framework.title}</dd></div>
        <div><dt>Created</dt><dd><time dateTime={manifest.created_on}>{formatDay(manifest.created_on)}</time></dd></div>
        <div><dt>Closes</dt><dd><time dateTime={manifest.closes_on}>{formatDay(manifest.closes_on)}</time></dd></div>
        <div><dt>Coach</dt><dd>{manifest.coach.name}</dd></div>
      </dl>
      <p className="campaign-thresholds">
        <span>Anonymity thresholds (responses needed):</span>{' '}
        <span className="inline-list" role="list" aria-label="Anonymity thresholds">
          {THRESHOLD_KEYS.map((key) => <span role="listitem" key={key}>{key === 'comments' ? 'Comments' : groupLabel(key)}: {manifest.thresholds[key]}</span>)}
        </span>
      </p>
      {/* Once responses arrive the links are needed less than the 360: folded, still one click away. */}
      {inputs !== null && (
        <details className="campaign-links-details" open={inputs.length === 0}>
          <summary>Invitation links ({campaign.invitations.length})</summary>
          <CampaignLinks campaign={campaign} fingerprint={unlocked.fingerprint} />
        </details>
      )}
      {unreadable > 0 && <p className="banner banner-warn">{unreadable} stored response{unreadable === 1 ? '' : 's'} of this campaign no longer read{unreadable === 1 ? 's' : ''} back (damaged) and {unreadable === 1 ? 'is' : 'are'} left out.</p>}
      {inputs === null ? <p role="status">Reading the responses…</p> : (
        <ResponsesPanel
          learnerName={manifest.learner.name}
          inputs={inputs}
          onImport={importInputs}
          onRemove={(inputId) => void removeCampaignInput(inputId).then(() => reload())}
        />
      )}
      {opened !== null && !opened.ok && <IssueList title="The responses kept for this campaign cannot all be opened." issues={opened.issues} />}
      {opened !== null && opened.ok && <Coach360 campaign={campaign} opened={opened.value} identity={unlocked.identity} onIssued={onChanged} />}
    </section>
  );
}
