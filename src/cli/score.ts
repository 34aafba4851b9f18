import { setFlagsFromString } from 'node:v8';
import { escapeControls } from '../core/model/echo.ts';
import type { Framework } from '../core/model/framework.ts';
import { formatIssue, type Issue, type Result } from '../core/model/result.ts';
import { mergeResponses, type ResponseBatch } from '../core/io/merge-responses.ts';
import { scoreCohortLazily } from '../core/score/score-cohort.ts';
import type { SubjectScore } from '../core/score/subject-score.ts';
import { withCasePartHint } from './case-part-hint.ts';
import { loadBuiltinFrameworks } from './load-builtin-frameworks.ts';
import { loadFrameworkFiles } from './load-framework-files.ts';
import { readResponseFile } from './file-response-input.ts';
import { parseScoreArgs, SCORE_HELP } from './score-args.ts';
import { scoreOutputFiles } from './score-output.ts';
import { describeFailedWrite, writeOutputFiles } from './write-output.ts';

// V8 moves an allocation site's objects to its old generation for good once a young collection
// finds them all alive. A collection that caught a batch of scores mid-write did that to the
// scoring pass in about one run in three, and a million responses' peak memory went from about
// 530 MB to about 1 GB. Set before any work; V8 reads it each time it weighs a site.
setFlagsFromString('--no-allocation-site-pretenuring');

async function main(argv: readonly string[]): Promise<number> {
  const args = parseScoreArgs(argv);
  if (args.help) {
    console.log(SCORE_HELP);
    return 0;
  }
  if (args.issues.length > 0) {
    for (const issue of args.issues) console.error(escapeControls(issue));
    console.error('Run with --help for usage.');
    return 2;
  }
  const progress = startProgress();
  const frameworks = await loadFrameworks(args.frameworkFiles, args.casePart);
  if (!frameworks.ok) return refuse(frameworks.issues, progress);
  const lookup = (id: string) => frameworks.value.get(id);

  const batches: ResponseBatch[] = [];
  const issues: Issue[] = [];
  for (const file of args.files) {
    progress.status = `Reading ${file}`;
    const read = await readResponseFile(file, lookup, (bytes) => (progress.status = `Reading ${file}: ${(bytes / 1024 / 1024).toFixed(0)} MB`));
    if (read.ok) batches.push({ file, responses: read.value });
    else issues.push(...read.issues);
  }
  // Conflicts between the files that did parse are listed with the other problems.
  const merged = mergeResponses(batches);
  if (!merged.ok) issues.push(...merged.issues);
  if (issues.length > 0 || !merged.ok) return refuse(issues, progress);

  const out = args.out ?? '.';
  progress.status = `Scoring ${merged.value.length.toLocaleString('en')} responses into ${out}`;
  // Cronbach's alpha is computed only when reliability.csv is to be written.
  // Every score is written as it comes and let go: its objects are made with it (objects-made.ts).
  const pass = scoreCohortLazily(frameworks.value, merged.value, { objects: 'at-once' }, args.outputs.includes('reliability'));
  const run = createRunCounts();
  // Every file goes in pieces (responses-long.csv of 100,000 responses is 1.3 GB, past V8's
  // longest string), and the score files are written as subjects are scored.
  const { files, interleaved } = scoreOutputFiles(args.outputs, pass, merged.value, lookup, (score) => countScore(run, score));
  const written = writeOutputFiles(out, files, interleaved);
  if (!written.ok) return refuse(written.issues, progress, describeFailedWrite(written));
  // With only responses-long.csv asked for, no file needed the scores: the closing line still counts them.
  if (run.scores === 0) for (const score of pass.scores) countScore(run, score);
  progress.stop();
  console.log(describeRun(run, merged.value.length, escapeControls(out)));
  return 0;
}

/** Built-in frameworks, then those of --framework files, which replace a built-in of the same id. */
async function loadFrameworks(files: readonly string[], casePart: string | null): Promise<Result<Map<string, Framework>>> {
  const builtin = loadBuiltinFrameworks();
  if (!builtin.ok) return builtin;
  const fromFiles = await loadFrameworkFiles(files, casePart);
  if (!fromFiles.ok) return fromFiles;
  return { ok: true, value: new Map([...builtin.value, ...fromFiles.value].map((framework) => [framework.id, framework])) };
}

/** What the closing line says, counted score by score as they pass. */
type RunCounts = { scores: number; subjects: Set<string>; shown: Map<string, number>; folded: Map<string, number>; hidden: Map<string, number> };

function createRunCounts(): RunCounts {
  return { scores: 0, subjects: new Set(), shown: new Map(), folded: new Map(), hidden: new Map() };
}

function countScore(run: RunCounts, score: SubjectScore): void {
  const count = (counts: Map<string, number>, group: string) => counts.set(group, (counts.get(group) ?? 0) + 1);
  run.scores += 1;
  run.subjects.add(score.subjectId);
  for (const group of score.visibility.shown) count(run.shown, group);
  for (const { group, reason } of score.visibility.hidden) count(reason === 'folded-to-protect-remainder' ? run.folded : run.hidden, group);
}

/** One line: how many subjects and responses, and which groups the anonymity rule showed or kept back. */
function describeRun(run: RunCounts, responses: number, out: string): string {
  const list = (counts: Map<string, number>) => (counts.size === 0 ? 'none' : [...counts].map(([group, n]) => `${group} ${n}`).join(', '));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `Scored ${plural(run.subjects.size, 'subject')} from ${plural(responses, 'response')} into ${out}. Groups (per subject and framework) shown: ${list(run.shown)}; folded: ${list(run.folded)}; hidden under 3: ${list(run.hidden)}.`;
}

type Progress = { status: string; stop(): void };

/** A status line on a terminal once a run takes over a second; nothing when stderr is a file or pipe. */
function startProgress(): Progress {
  const progress: Progress = { status: '', stop: () => undefined };
  if (!process.stderr.isTTY) return progress;
  const started = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    if (Date.now() - started < 1000) return;
    shown = true;
    process.stderr.write(`\r\x1b[K${escapeControls(progress.status)}...`);
  }, 250);
  timer.unref();
  progress.stop = () => {
    clearInterval(timer);
    if (shown) process.stderr.write('\r\x1b[K');
  };
  return progress;
}

function refuse(issues: readonly Issue[], progress: Progress, closing = `Nothing written: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`): number {
  progress.stop();
  for (const issue of issues) console.error(formatIssue(withCasePartHint(withFrameworkFlag(issue))));
  console.error(closing);
  return 1;
}

/** Core's sentence for a framework it does not know names no flag (the app has none): the CLI adds its own. */
function withFrameworkFlag(issue: Issue): Issue {
  const unknown = issue.code === 'response.unknown-framework' || issue.code === 'code.unknown-framework';
  return unknown ? { ...issue, message: `${issue.message} Give that framework file with --framework FILE.` } : issue;
}

process.exitCode = await main(process.argv.slice(2));
