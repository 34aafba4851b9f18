import { openCampaignResponses } from '../../core/confidential/campaign-responses.ts';
import { buildReport } from '../../core/confidential/campaign-report.ts';
import { coachKeys } from '../../core/confidential/coach-signing-key.ts';
import { submissionDay } from '../../core/confidential/sealed-content.ts';
import type { Report360 } from '../../core/confidential/signed-report.ts';
import type { CountedInvitation } from '../../core/confidential/late-responses.ts';
import { readResponseInput } from '../../core/io/read-response-input.ts';
import type { Framework } from '../../core/model/framework.ts';
import { compareInstants } from '../../core/model/instant.ts';
import type { OtherGroup, SurveyResponse } from '../../core/model/response.ts';
import { fail, type Issue, type Result } from '../../core/model/result.ts';
import { scoreSubject } from '../../core/score/score-subject.ts';
import type { SubjectScore } from '../../core/score/subject-score.ts';
import { loadFrameworkOnly } from '../frameworks/framework-source.ts';
import type { CoachCampaign } from '../storage/campaigns.ts';
import type { SealedInputRecord } from '../storage/sealed-inputs.ts';

export type CampaignInput = Pick<SealedInputRecord, 'kind' | 'name' | 'data'>;

/** A campaign's responses opened and scored, as the coach sees them. */
export type OpenedCampaign = {
  framework: Framework;
  raters: SurveyResponse[];
  /** The learner's own self-assessment that counts (the latest), if one was added. */
  selfResponse: SurveyResponse | null;
  score: SubjectScore;
  /** Which invitations this score counts: what a report records for the late-response check. */
  counted: CountedInvitation[];
  /** The learner's report as it would be issued today (unsigned): what the page says the learner will see. */
  report: Report360;
};

/**
 * Opens everything imported for a campaign with the unlocked key (core's openCampaignResponses:
 * unknown and reused tokens refused, each group from the manifest) and scores it with the
 * campaign's thresholds. Every problem of every input is listed; nothing is scored half-way.
 */
export async function openCampaign(campaign: CoachCampaign, identity: string, inputs: readonly CampaignInput[]): Promise<Result<OpenedCampaign>> {
  const { manifest } = campaign;
  const { recipient } = await coachKeys(identity);
  if (recipient !== manifest.coach.recipient) {
    return fail([{ code: 'coach.other-coach', path: '', message: `Your key is not the one campaign ${manifest.campaign_id} was made with (coach ${manifest.coach.name}): restore that key to open its responses.` }]);
  }
  const loaded = await loadFrameworkOnly(manifest.framework.id).catch(() => undefined);
  if (loaded === undefined) {
    return fail([{ code: 'campaign.framework-missing', path: 'framework', message: `This browser no longer has the framework ${manifest.framework.title} (${manifest.framework.id}): open its file again on the Frameworks page.` }]);
  }
  const framework = loaded.framework;
  const sealed = inputs.flatMap((input) => (input.kind === 'sealed' ? [{ name: input.name, data: input.data }] : []));
  const raters = await openCampaignResponses(manifest, framework, identity, sealed);
  const issues: Issue[] = raters.ok ? [] : [...raters.issues];

  const selves: SurveyResponse[] = [];
  const lookup = (id: string) => (id === framework.id ? framework : undefined);
  for (const input of inputs) {
    if (input.kind !== 'self') continue;
    const text = typeof input.data === 'string' ? input.data : new TextDecoder().decode(input.data);
    const read = await readResponseInput({ kind: 'text', name: input.name, text }, lookup);
    if (!read.ok) {
      issues.push(...read.issues);
      continue;
    }
    for (const response of read.value) {
      if (response.raterGroup !== 'self') {
        issues.push({ code: 'coach.not-sealed', file: input.name, path: 'rater_group', message: 'Only the learner\'s own self-assessment may be added unsealed: a rater\'s response must come sealed to your key, through the link you sent.' });
        continue;
      }
      // The learner handed the coach their own file: it is theirs, whatever id their browser gave them.
      selves.push({ ...response, subjectId: manifest.learner.subject_id });
    }
  }
  if (!raters.ok || issues.length > 0) return fail(issues);
  const score = scoreSubject(framework, [...selves, ...raters.value], manifest.learner.subject_id, { thresholds: manifest.thresholds });
  const selfResponse = selves.reduce<SurveyResponse | null>((latest, response) => (latest === null || compareInstants(response.submittedAt, latest.submittedAt) > 0 ? response : latest), null);
  const counted = raters.value.map((response) => ({ invitationId: response.responseId, group: response.raterGroup as OtherGroup }));
  const report = await buildReport(manifest, score, identity, submissionDay(new Date()));
  return { ok: true, value: { framework, raters: raters.value, selfResponse, score, counted, report } };
}

/** A file told by its content: a plain response file (JSON) is the learner's self-assessment; anything else goes to the sealed reader. */
export function classifyFile(name: string, bytes: Uint8Array): CampaignInput {
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') ? { kind: 'self', name, data: new TextDecoder().decode(bytes) } : { kind: 'sealed', name, data: bytes };
}

/** Pasted sealed codes: chat apps wrap and space them, and no code character is white space or a dot. */
export function splitSealedCodes(text: string): string[] {
  return text.replace(/\s+/g, '').split(/(?=SKS1\.)/).filter((code) => code !== '');
}
