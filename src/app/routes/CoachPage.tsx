import { useCallback, useEffect, useId, useState } from 'react';
import { CampaignForm } from '../coach/CampaignForm.tsx';
import { CampaignView } from '../coach/CampaignView.tsx';
import { KeyPanel } from '../coach/KeyPanel.tsx';
import { useUnlockedKey } from '../coach/unlocked-key.ts';
import { coachFingerprint } from '../../core/confidential/coach-signing-key.ts';
import { type CoachCampaign, type CoachCampaigns, loadCampaigns } from '../storage/campaigns.ts';
import '../confidential/confidential.css';
import '../profile/profile.css';
import '../report/report.css';
import '../coach/coach.css';

/**
 * The coach's page (issue 10): the key, the campaigns with their rater links, and for each the
 * sealed responses opened into the 360 and the signed report for the learner. Everything stays in
 * this browser; the key only ever wrapped by the coach's passphrase.
 */
export default function CoachPage() {
  const id = useId();
  const unlocked = useUnlockedKey();
  const [campaigns, setCampaigns] = useState<CoachCampaigns | 'loading' | 'failed'>('loading');
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const refresh = useCallback(() => loadCampaigns().then(setCampaigns, () => setCampaigns('failed')), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const list = typeof campaigns === 'object' ? campaigns.campaigns : [];
  // Only campaigns made with the unlocked key can be opened with it.
  const madeWith = (campaign: CoachCampaign) => coachFingerprint(campaign.manifest.coach.signing_key, campaign.manifest.coach.recipient);
  const mine = unlocked === null ? [] : list.filter((campaign) => madeWith(campaign) === unlocked.fingerprint);
  const otherKeys = unlocked === null ? 0 : list.length - mine.length;
  const selected = mine.find((campaign) => campaign.campaignId === chosen) ?? mine[0];

  return (
    <section aria-labelledby={`${id}-title`} className="coach-page">
      <h1 id={`${id}-title`}>Coach: confidential 360</h1>
      <p className="lead">
        Run a 360 whose raters' answers only you can read. Create your key, set up a campaign for a learner and send each rater their own link; raters
        send back sealed responses that open only with your key; you give the learner a signed report with what the anonymity rules allow.
      </p>
      <KeyPanel />
      {unlocked === null ? (
        <p className="hint">Unlock your key above to see your campaigns and create new ones.</p>
      ) : (
        <>
          {campaigns === 'loading' && <p role="status">Reading your campaigns…</p>}
          {campaigns === 'failed' && <p className="banner banner-error" role="alert">Your campaigns could not be read from this browser's storage.</p>}
          {typeof campaigns === 'object' && campaigns.unreadable > 0 && (
            <p className="banner banner-warn">{campaigns.unreadable} stored campaign{campaigns.unreadable === 1 ? '' : 's'} no longer read{campaigns.unreadable === 1 ? 's' : ''} back (the signature or the content no longer checks out) and {campaigns.unreadable === 1 ? 'is' : 'are'} left out.</p>
          )}
          {otherKeys > 0 && <p className="hint">{otherKeys} campaign{otherKeys === 1 ? ' was' : 's were'} made with another key; restore that key to open {otherKeys === 1 ? 'it' : 'them'}.</p>}
          {mine.length > 1 && (
            <nav aria-label="Campaigns" className="campaign-picker">
              <h2>Your campaigns</h2>
              <ul>
                {mine.map((campaign) => (
                  <li key={campaign.campaignId}>
                    <button type="button" className="link-button" aria-current={campaign === selected ? 'true' : undefined} onClick={() => { setChosen(campaign.campaignId); setCreating(false); }}>
                      {campaign.manifest.learner.name}: {campaign.manifest.framework.title} (closes {campaign.manifest.closes_on})
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {creating || mine.length === 0 ? (
            <CampaignForm
              unlocked={unlocked}
              coachName={mine[0]?.manifest.coach.name ?? ''}
              onCreated={(campaignId) => {
                setChosen(campaignId);
                setCreating(false);
                void refresh();
              }}
            />
          ) : (
            <p><button type="button" className="secondary" onClick={() => setCreating(true)}>New campaign</button></p>
          )}
          {!creating && selected !== undefined && <CampaignView key={selected.campaignId} campaign={selected} unlocked={unlocked} onChanged={() => void refresh()} />}
        </>
      )}
    </section>
  );
}
