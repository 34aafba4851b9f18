import { sameResponseContent } from '../io/merge-responses.ts';
import { excerpt } from '../model/echo.ts';
import type { Framework } from '../model/framework.ts';
import type { Issue, Result } from '../model/result.ts';
import type { SurveyResponse } from '../model/response.ts';
import { surveyIdOf } from '../model/survey-id.ts';
import { type CampaignManifest, frameworkSha256, tokenSha256 } from './campaign-manifest.ts';
import { openSealed } from './sealed-response.ts';

/** A sealed file or pasted sealed code, named for messages. */
export type SealedInput = { name: string; data: Uint8Array | string };

/**
 * The coach's side of a campaign: every sealed response opened with the coach's identity and
 * made a response of the campaign's learner, in the group of the invitation whose token it
 * carries (never a group it claims). A token the manifest does not hold, a token used by two
 * different responses, or a response of another campaign is refused, naming the files; the same
 * response sent twice (a file and its code) counts once.
 */
export async function openCampaignResponses(
  manifest: CampaignManifest,
  framework: Framework,
  identity: string,
  inputs: readonly SealedInput[],
): Promise<Result<SurveyResponse[]>> {
  if (framework.id !== manifest.framework.id || frameworkSha256(framework) !== manifest.framework.sha256) {
    return {
      ok: false,
      issues: [{ code: 'campaign.other-framework', path: 'framework', message: `The campaign was made for framework ${excerpt(manifest.framework.id)} version ${excerpt(manifest.framework.version)}, and the one loaded here differs: load the same framework file.` }],
    };
  }
  const invitations = new Map(manifest.invitations.map((invitation) => [invitation.token_sha256, invitation]));
  const lookup = (campaignId: string) => (campaignId === manifest.campaign_id ? framework : undefined);
  const issues: Issue[] = [];
  const byInvitation = new Map<string, { file: string; response: SurveyResponse }>();
  const allOpened = await mapConcurrently(inputs, OPEN_AT_ONCE, (input) => openSealed(input.data, identity, lookup, input.name));
  for (const [index, input] of inputs.entries()) {
    const opened = allOpened[index];
    if (opened === undefined) continue;
    if (!opened.ok) {
      issues.push(...opened.issues);
      continue;
    }
    const content = opened.value;
    const invitation = invitations.get(tokenSha256(content.token));
    if (invitation === undefined) {
      issues.push({ code: 'campaign.unknown-token', file: input.name, path: 'token', message: 'This response carries a token that no invitation of this campaign has: it was not sent through one of your links.' });
      continue;
    }
    const response: SurveyResponse = {
      responseId: invitation.invitation_id,
      frameworkId: framework.id,
      surveyId: surveyIdOf(framework.id, '360'),
      subjectId: manifest.learner.subject_id,
      raterGroup: invitation.group,
      submittedAt: `${content.submittedOn}T00:00:00Z`,
      answers: content.answers,
      comments: content.comments,
    };
    const before = byInvitation.get(invitation.invitation_id);
    if (before === undefined) {
      byInvitation.set(invitation.invitation_id, { file: input.name, response });
    } else if (!sameResponseContent(before.response, response)) {
      issues.push({
        code: 'campaign.reused-token',
        file: input.name,
        path: 'token',
        message: `This response and the one in ${before.file} use the same invitation with different answers: one invitation counts once. Ask the rater which one stands, and remove the other.`,
      });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: [...byInvitation.values()].map((entry) => entry.response) };
}

/**
 * How many sealed files are opened at once. In a browser, age's X25519 runs on WebCrypto, whose
 * every call is a hop to another thread: one file at a time spends most of its time waiting.
 */
const OPEN_AT_ONCE = 32;

/** `work` over every item, at most `limit` at a time; results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
