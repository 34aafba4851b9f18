import { MIN_GROUP_RESPONSES } from '../../core/score/thresholds.ts';
import type { OtherGroup } from '../../core/model/response.ts';
import { GROUP_NAMES } from '../../core/score/group-names.ts';

/** Tells a rater, before they answer, how their answers will be shown (DESIGN.md's anonymity rule). */
export function AnonymityNote({ group, learnerName, endpoint }: { group: OtherGroup; learnerName: string; endpoint: string | null }) {
  return (
    <section className="panel" aria-labelledby="anonymity-title">
      <h2 id="anonymity-title">How your answers will be shown</h2>
      {/* Issue 10: the open 360 says plainly what its anonymity does not cover. */}
      <p className="banner banner-warn">
        <strong>{learnerName} can read each of your answers.</strong> The response you send back holds every rating and comment you give, and {learnerName} can open it. The grouping below is only how this app shows the figures; for answers that only a coach can read, ask for a confidential 360.
      </p>
      <ul>
        {group === 'manager' ? (
          <li>As a manager, your ratings are shown to {learnerName} on their own, labelled "Manager", unless that would let someone work out another group's answers; then they are combined with the others.</li>
        ) : (
          <li>
            Your ratings are combined with those of the other {GROUP_NAMES[group].plural.toLowerCase()}. {learnerName} sees the {GROUP_NAMES[group].plural.toLowerCase()}' figures only when at least {MIN_GROUP_RESPONSES} of you respond; with fewer, your answers are folded into "All others" (itself shown only from {MIN_GROUP_RESPONSES} responses) or not shown at all.
          </li>
        )}
        <li>Your name is never asked and never shown. Comments are shown under your group, never in the order they were sent.</li>
        <li>{endpoint ? `When you submit, your response is sent to ${new URL(endpoint).host}, the collection address in your invitation, and you also get a file to keep.` : `When you submit, you get a response file and a short code to send back to ${learnerName}. Nothing is sent anywhere by this page.`}</li>
      </ul>
    </section>
  );
}
