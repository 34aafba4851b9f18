import { basename, dirname, join } from 'node:path';
import { buildReport } from '../core/confidential/campaign-report.ts';
import { openCampaignResponses, type SealedInput } from '../core/confidential/campaign-responses.ts';
import { type CampaignManifest, verifyManifest } from '../core/confidential/campaign-manifest.ts';
import { createCampaign } from '../core/confidential/campaign.ts';
import { encodeConfidentialInvitation } from '../core/confidential/confidential-invitation.ts';
import { generateCoachIdentity, readIdentityFile, unwrapIdentity, wrapIdentity, writeIdentityFile } from '../core/confidential/coach-identity.ts';
import { coachKeys } from '../core/confidential/coach-signing-key.ts';
import { submissionDay } from '../core/confidential/sealed-content.ts';
import { sealResponse } from '../core/confidential/sealed-response.ts';
import { signReport, verifyReport } from '../core/confidential/signed-report.ts';
import { type CountedInvitation, lateResponseIssues } from '../core/confidential/late-responses.ts';
import { decodeUtf8 } from '../core/input/decode-text.ts';
import { readCsv, writeCsv } from '../core/io/csv-format.ts';
import { readResponseInput } from '../core/io/read-response-input.ts';
import { writeResponsesLongCsvChunks } from '../core/io/responses-long-csv.ts';
import { writeStatementsCsv } from '../core/io/statements-csv.ts';
import { writeSummaryCsv } from '../core/io/summary-csv.ts';
import { escapeControls } from '../core/model/echo.ts';
import type { Framework } from '../core/model/framework.ts';
import { slug } from '../core/model/ids.ts';
import { OTHER_GROUPS, type OtherGroup, type SurveyResponse } from '../core/model/response.ts';
import { fail, formatIssue, type Issue, type Result } from '../core/model/result.ts';
import { scoreCohort } from '../core/score/score-cohort.ts';
import { checkThresholds, DEFAULT_THRESHOLDS } from '../core/score/thresholds.ts';
import { collectionEndpointProblem } from '../core/share/invitation.ts';
import { type CoachArgs, COACH_HELP, parseCoachArgs, parseCounts } from './coach-args.ts';
import { loadBuiltinFrameworks } from './load-builtin-frameworks.ts';
import { withCasePartHint } from './case-part-hint.ts';
import { loadFrameworkFiles } from './load-framework-files.ts';
import { readInputFile } from './read-input-file.ts';
import { describeFailedWrite, type OutputFile, writeOutputFiles } from './write-output.ts';

/** A key file, a manifest or a sealed response is small; anything far larger is not one. */
const MAX_SMALL_FILE_BYTES = 10 * 1024 * 1024;
const PASSPHRASE_VARIABLE = 'SKILLSCOPE_COACH_PASSPHRASE';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCoachArgs(argv);
  if (args.help) {
    console.log(COACH_HELP);
    return 0;
  }
  if (args.issues.length > 0 || args.command === null) {
    for (const issue of args.issues) console.error(escapeControls(issue));
    console.error('Run with --help for usage.');
    return 2;
  }
  const run = { keygen, campaign, seal, open }[args.command];
  const result = await run(args);
  if (!result.ok) return refuse(result.issues);
  const written = writeOutputFiles(result.value.dir, result.value.files);
  if (!written.ok) return refuse(written.issues, describeFailedWrite(written));
  console.log(escapeControls(result.value.summary));
  return 0;
}

type Done = { dir: string; files: OutputFile[]; summary: string };
const option = (args: CoachArgs, name: string): string => args.options.get(name) ?? '';

async function keygen(args: CoachArgs): Promise<Result<Done>> {
  const out = option(args, '--out');
  const identity = await generateCoachIdentity();
  const keyFile = await writeIdentityFile(identity, new Date());
  let content: string | Uint8Array = keyFile;
  if (args.flags.has('--passphrase')) {
    const passphrase = process.env[PASSPHRASE_VARIABLE] ?? '';
    if (passphrase.length < 12) return fail([{ code: 'coach.weak-passphrase', path: PASSPHRASE_VARIABLE, message: `Set ${PASSPHRASE_VARIABLE} to a passphrase of at least 12 characters.` }]);
    content = await wrapIdentity(keyFile, passphrase);
  }
  const { recipient, fingerprint } = await coachKeys(identity);
  return {
    ok: true,
    value: {
      dir: dirname(out),
      files: [{ name: basename(out), content, secret: true }],
      summary: `Wrote the coach's key to ${out}${args.flags.has('--passphrase') ? ', wrapped by the passphrase' : ''}. Public key: ${recipient}. Fingerprint: ${fingerprint}. Keep the key file to yourself; raters compare the fingerprint.`,
    },
  };
}

async function campaign(args: CoachArgs): Promise<Result<Done>> {
  const issues: string[] = [];
  const groups = parseCounts(option(args, '--groups'), '--groups', issues);
  const thresholdText = args.options.get('--thresholds');
  const givenThresholds = thresholdText === undefined ? new Map<string, number>() : parseCounts(thresholdText, '--thresholds', issues);
  for (const group of groups.keys()) if (!(OTHER_GROUPS as readonly string[]).includes(group)) issues.push(`--groups: ${group} is not a rater group (manager, peer, direct-report, other).`);
  if ([...groups.values()].every((count) => count === 0)) issues.push('--groups: invite at least one rater.');
  // Checked as the app checks it, before anything is signed: every link would carry it.
  const endpoint = args.options.get('--endpoint') ?? null;
  const endpointProblem = endpoint === null ? undefined : collectionEndpointProblem(endpoint);
  const usage: Issue[] = issues.map((message) => ({ code: 'coach.usage', path: '', message }));
  if (endpointProblem !== undefined) usage.push({ code: 'coach.bad-endpoint', path: '--endpoint', message: endpointProblem });
  if (usage.length > 0) return fail(usage);
  const thresholds = checkThresholds({ ...DEFAULT_THRESHOLDS, ...Object.fromEntries(givenThresholds) }, '--thresholds');
  if (!thresholds.ok) return thresholds;
  const closesOn = args.options.get('--closes') ?? submissionDay(new Date(Date.now() + 28 * 86_400_000));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(closesOn)) return fail([{ code: 'coach.usage', path: '--closes', message: 'The closing date is a day: YYYY-MM-DD.' }]);

  const [framework, identity] = await Promise.all([frameworkFrom(option(args, '--framework'), args.options.get('--case-part')), loadIdentity(option(args, '--key'))]);
  if (!framework.ok || !identity.ok) return fail([...(framework.ok ? [] : framework.issues), ...(identity.ok ? [] : identity.issues)]);
  const learner = option(args, '--learner');
  const made = await createCampaign(
    {
      framework: framework.value,
      learner: { name: learner, subjectId: args.options.get('--learner-id') ?? slug(learner, 32, 'learner') },
      coachName: args.options.get('--coach') ?? 'Your coach',
      groups: Object.fromEntries(groups) as Partial<Record<OtherGroup, number>>,
      thresholds: thresholds.value,
      createdOn: submissionDay(new Date()),
      closesOn,
    },
    identity.value,
  );
  const appUrl = args.options.get('--app-url') ?? '';
  const rows = made.invitations.map((invitation) => {
    return [invitation.invitationId, invitation.group, invitation.token, `${appUrl}#/rate/${encodeConfidentialInvitation(made.jws, invitation.invitationId, invitation.token, endpoint)}`];
  });
  const { fingerprint } = await coachKeys(identity.value);
  return {
    ok: true,
    value: {
      dir: option(args, '--out'),
      files: [
        { name: 'manifest.jws', content: `${made.jws}\n` },
        { name: 'invitations.csv', content: writeCsv(['invitation_id', 'group', 'token', 'link'], rows), secret: true },
      ],
      summary: `Campaign ${made.manifest.campaign_id} for ${learner}: ${made.invitations.length} invitations in ${option(args, '--out')}/invitations.csv (send each rater their own; never the learner). Fingerprint: ${fingerprint}.`,
    },
  };
}

async function seal(args: CoachArgs): Promise<Result<Done>> {
  const manifest = await readManifest(option(args, '--campaign'));
  if (!manifest.ok) return manifest;
  const framework = await campaignFramework(manifest.value, args);
  if (!framework.ok) return framework;
  const file = args.positional[0] ?? '';
  const bytes = readInputFile(file, MAX_SMALL_FILE_BYTES);
  if (!bytes.ok) return bytes;
  const read = await readResponseInput({ kind: 'bytes', name: file, size: bytes.value.length, bytes: async function* () { yield bytes.value; } }, (id) => (id === framework.value.id ? framework.value : undefined));
  if (!read.ok) return read;
  const [response, ...others] = read.value;
  if (response === undefined || others.length > 0) return fail([{ code: 'coach.one-response', file, path: '', message: 'Give one response file to seal.' }]);
  const sealed = await sealResponse(
    { campaignId: manifest.value.campaign_id, token: option(args, '--token'), submittedOn: response.submittedAt.slice(0, 10), answers: response.answers, comments: response.comments },
    manifest.value.coach.recipient,
  );
  const out = option(args, '--out');
  return { ok: true, value: { dir: dirname(out), files: [{ name: basename(out), content: sealed }], summary: `Sealed ${file} to coach ${manifest.value.coach.name} in ${out}.` } };
}

async function open(args: CoachArgs): Promise<Result<Done>> {
  const [folder = '', ...files] = args.positional;
  const [manifest, identity] = await Promise.all([readManifest(join(folder, 'manifest.jws')), loadIdentity(option(args, '--key'))]);
  if (!manifest.ok || !identity.ok) return fail([...(manifest.ok ? [] : manifest.issues), ...(identity.ok ? [] : identity.issues)]);
  const framework = await campaignFramework(manifest.value, args);
  if (!framework.ok) return framework;
  const { recipient } = await coachKeys(identity.value);
  if (recipient !== manifest.value.coach.recipient) {
    return fail([{ code: 'coach.other-coach', file: option(args, '--key'), path: '', message: `This key is not the one campaign ${manifest.value.campaign_id} was made with (coach ${manifest.value.coach.name}).` }]);
  }

  // Sealed files and codes go to the coach's key; a plain response file can only be the learner's own self-assessment.
  const issues: Issue[] = [];
  const sealed: SealedInput[] = [];
  const selfResponses: SurveyResponse[] = [];
  const lookup = (id: string) => (id === framework.value.id ? framework.value : undefined);
  for (const file of files) {
    const bytes = readInputFile(file, MAX_SMALL_FILE_BYTES);
    if (!bytes.ok) {
      issues.push(...bytes.issues);
      continue;
    }
    if (!looksPlain(bytes.value)) {
      sealed.push({ name: file, data: bytes.value });
      continue;
    }
    const plain = await readResponseInput({ kind: 'bytes', name: file, size: bytes.value.length, bytes: async function* () { yield bytes.value; } }, lookup);
    if (!plain.ok) issues.push(...plain.issues);
    for (const response of plain.ok ? plain.value : []) {
      if (response.raterGroup === 'self' && response.subjectId === manifest.value.learner.subject_id) selfResponses.push(response);
      else issues.push({ code: 'coach.not-sealed', file, path: 'rater_group', message: 'Only the learner\'s own self-assessment may be given unsealed: a rater\'s response must come sealed to your key.' });
    }
  }
  const raters = await openCampaignResponses(manifest.value, framework.value, identity.value, sealed);
  if (!raters.ok) issues.push(...raters.issues);
  if (issues.length > 0 || !raters.ok) return fail(issues);

  const thresholds = manifest.value.thresholds;
  const counted = raters.value.map((response) => ({ invitationId: response.responseId, group: response.raterGroup as OtherGroup }));
  const previous = args.options.get('--previous');
  if (previous !== undefined) {
    const before = await readCounted(previous, manifest.value);
    if (!before.ok) return before;
    const late = lateResponseIssues(before.value.counted, counted, thresholds, before.value.issuedOn);
    if (late.length > 0 && !args.flags.has('--accept-late')) return fail(late);
  }
  const responses = [...selfResponses, ...raters.value];
  const [score] = scoreCohort(new Map([[framework.value.id, framework.value]]), responses, { thresholds });
  if (score === undefined) return fail([{ code: 'coach.no-responses', path: '', message: 'No response could be scored.' }]);
  const report = await buildReport(manifest.value, score, identity.value, submissionDay(new Date()));
  const out = option(args, '--out');
  return {
    ok: true,
    value: {
      dir: out,
      files: [
        { name: 'summary.csv', content: writeSummaryCsv([score]) },
        { name: 'statements.csv', content: writeStatementsCsv([score], lookup) },
        { name: 'responses-long.csv', content: writeResponsesLongCsvChunks(responses, lookup), secret: true },
        { name: 'report.jws', content: `${await signReport(report, identity.value)}\n` },
        // The coach's own record of which invitations this report counted, for the late-response check.
        { name: 'counted.csv', content: writeCsv(['invitation_id', 'group'], counted.map((entry) => [entry.invitationId, entry.group])), secret: true },
      ],
      summary: `Opened ${raters.value.length} sealed response${raters.value.length === 1 ? '' : 's'} of campaign ${manifest.value.campaign_id} into ${out}: shown ${score.visibility.shown.join(', ') || 'none'}; ${report.notices.length} notice${report.notices.length === 1 ? '' : 's'}. Give the learner report.jws only.`,
    },
  };
}

/** What an earlier `open` counted, from its folder: its report (verified) and counted.csv. */
async function readCounted(dir: string, manifest: CampaignManifest): Promise<Result<{ counted: CountedInvitation[]; issuedOn: string }>> {
  const reportFile = join(dir, 'report.jws');
  const reportBytes = readInputFile(reportFile, MAX_SMALL_FILE_BYTES);
  const reportText = reportBytes.ok ? decodeUtf8(reportBytes.value, reportFile) : reportBytes;
  if (!reportText.ok) return reportText;
  const report = await verifyReport(reportText.value.trim(), reportFile, { campaignId: manifest.campaign_id });
  if (!report.ok) return report;
  const countedFile = join(dir, 'counted.csv');
  const countedBytes = readInputFile(countedFile, MAX_SMALL_FILE_BYTES);
  const countedText = countedBytes.ok ? decodeUtf8(countedBytes.value, countedFile) : countedBytes;
  if (!countedText.ok) return countedText;
  const table = readCsv(countedText.value, countedFile);
  if (!table.ok) return table;
  const groups = new Map(manifest.invitations.map((invitation) => [invitation.invitation_id, invitation.group]));
  const counted: CountedInvitation[] = [];
  const issues: Issue[] = [];
  table.value.rows.forEach((row, index) => {
    const group = groups.get(row[0] ?? '');
    if (group === undefined) issues.push({ code: 'coach.unknown-invitation', file: countedFile, row: index + 2, path: 'invitation_id', message: 'This invitation is not one of the campaign\'s.' });
    else counted.push({ invitationId: row[0] ?? '', group });
  });
  return issues.length > 0 ? fail(issues) : { ok: true, value: { counted, issuedOn: report.value.issued_on } };
}

/** A plain response file or CSV starts with `{` or a letter; a sealed file with age's header, armor or `SKS1.`. */
function looksPlain(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return !(start.startsWith('age-encryption.org/') || start.startsWith('-----BEGIN AGE') || start.startsWith('SKS1.'));
}

async function readManifest(file: string): Promise<Result<CampaignManifest>> {
  const bytes = readInputFile(file, MAX_SMALL_FILE_BYTES);
  const text = bytes.ok ? decodeUtf8(bytes.value, file) : bytes;
  return text.ok ? verifyManifest(text.value.trim(), file) : text;
}

/** The coach's identity from an age identity file, or from its passphrase backup. */
async function loadIdentity(file: string): Promise<Result<string>> {
  const bytes = readInputFile(file, MAX_SMALL_FILE_BYTES);
  if (!bytes.ok) return bytes;
  const text = decodeUtf8(bytes.value, file);
  if (text.ok && !text.value.trimStart().startsWith('-----BEGIN AGE') && !text.value.startsWith('age-encryption.org/')) return readIdentityFile(text.value, file);
  const passphrase = process.env[PASSPHRASE_VARIABLE];
  if (passphrase === undefined) return fail([{ code: 'coach.passphrase-needed', file, path: '', message: `This key is wrapped by a passphrase: set ${PASSPHRASE_VARIABLE}.` }]);
  return unwrapIdentity(bytes.value, passphrase, file);
}

/**
 * `--framework` names a built-in framework by id, or a framework file holding exactly one;
 * `--case-part` the part of a CASE package too large for one survey.
 */
async function frameworkFrom(idOrFile: string, casePart: string | undefined): Promise<Result<Framework>> {
  const builtin = loadBuiltinFrameworks();
  if (!builtin.ok) return builtin;
  const known = builtin.value.find((framework) => framework.id === idOrFile);
  if (known !== undefined) return { ok: true, value: known };
  const loaded = await loadFrameworkFiles([idOrFile], casePart ?? null);
  if (!loaded.ok) return loaded;
  const [only, ...more] = loaded.value;
  if (only === undefined || more.length > 0) return fail([{ code: 'coach.one-framework', file: idOrFile, path: '', message: 'This file holds several frameworks: a campaign rates one.' }]);
  return { ok: true, value: only };
}

/** The campaign's framework: built in, or from --framework; checked against the manifest's hash later. */
async function campaignFramework(manifest: CampaignManifest, args: CoachArgs): Promise<Result<Framework>> {
  return frameworkFrom(args.options.get('--framework') ?? manifest.framework.id, args.options.get('--case-part'));
}

function refuse(issues: readonly Issue[], closing = `Nothing written: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`): number {
  for (const issue of issues) console.error(formatIssue(withCasePartHint(issue)));
  console.error(closing);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
