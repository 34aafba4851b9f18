import type { CampaignManifest } from '../../core/confidential/campaign-manifest.ts';
import type { OtherGroup } from '../../core/model/response.ts';
import { visibilityLines } from './visibility-lines.ts';

/** Issue 10: before answering, the rater learns who can read the answers and who cannot, with the coach's own thresholds. */
export function WhoCanRead({ manifest, group }: { manifest: CampaignManifest; group: OtherGroup }) {
  const coach = manifest.coach.name;
  const learner = manifest.learner.name;
  const lines = visibilityLines(manifest, group);
  return (
    <section className="panel" aria-labelledby="who-can-read-title">
      <h2 id="who-can-read-title">Who can read your answers</h2>
      <p>
        <strong>Only {coach}, the coach running this 360, can read your answers.</strong> When you press Complete, this page seals them in your browser to {coach}'s key: only that key opens them. Nothing is sent anywhere by this page.
      </p>
      <p>
        {/* A group shown from one response is not anonymous: its rater is told so below, not promised otherwise here. */}
        <strong>{learner} cannot {manifest.thresholds[group] === 1 ? 'open your response' : 'read your answers'}</strong>, even when your sealed response passes through their hands. {learner} gets a report from {coach} with group figures only (averages, spread and counts per statement), never one person's answers, and only for a group that reaches its threshold:
      </p>
      <ul>{lines.groups.map((line) => <li key={line}>{line}</li>)}</ul>
      <p>{lines.yours}</p>
      <p>Your name is never asked. Until you press Complete, your answers are saved in this browser as you go; once sealed, only the sealed response is kept here.</p>
    </section>
  );
}
