import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { createCampaign } from '../../src/core/confidential/campaign.ts';
import { generateCoachIdentity, writeIdentityFile } from '../../src/core/confidential/coach-identity.ts';
import { sealedCode, sealResponse } from '../../src/core/confidential/sealed-response.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/score/thresholds.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { atMost, type BenchSection, formatNumber, medianMs } from './bench-table.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * The confidential 360 (issue 10): sealing one response (what the rater's page does on Complete),
 * and `npm run coach -- open` of 10,000 sealed files, its time and peak memory in a process of
 * its own.
 */
const FRAMEWORK_ID = 'css-durable-skills';
const SEALED_FILES = 10_000;
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

export const confidential: BenchSection = {
  name: 'confidential',
  async run() {
    const framework = builtinFramework(FRAMEWORK_ID);
    const identity = await generateCoachIdentity();
    const campaign = await createCampaign(
      { framework, learner: { name: 'Ana Ruiz', subjectId: 'ana-ruiz' }, coachName: 'Dana Lee', groups: { peer: SEALED_FILES }, thresholds: DEFAULT_THRESHOLDS, createdOn: '2026-11-29', closesOn: '2026-12-31' },
      identity,
    );
    const answers = (seed: number) => answersFromEntries(framework.statements.map((statement, index) => [statement.id, (((seed + index) % 4) + 1) as Rating]), framework);
    const content = (index: number) => ({
      campaignId: campaign.manifest.campaign_id,
      token: campaign.invitations[index]?.token ?? '',
      submittedOn: '2026-11-29',
      answers: answers(index),
      comments: new Map(index % 10 === 0 ? [['general', 'Explains clearly and follows up.']] : []),
    });
    const recipient = campaign.manifest.coach.recipient;
    const sealFile = await medianMs(() => sealResponse(content(1), recipient), 50, 5);
    const sealCode = await medianMs(() => sealedCode(content(1), framework, recipient), 50, 5);

    const dir = mkdtempSync(join(tmpdir(), 'skillscope-bench-coach-'));
    try {
      mkdirSync(join(dir, 'campaign'));
      writeFileSync(join(dir, 'campaign', 'manifest.jws'), `${campaign.jws}\n`);
      writeFileSync(join(dir, 'coach.key'), await writeIdentityFile(identity, new Date()));
      const files: string[] = [];
      for (let index = 0; index < SEALED_FILES; index += 1) {
        const file = join(dir, `sealed-${index}.age`);
        writeFileSync(file, await sealResponse(content(index), recipient));
        files.push(file);
      }
      const started = performance.now();
      const run = spawnSync('node', ['--import', 'tsx', '--import', './tests/bench/report-peak-memory.ts', 'src/cli/coach.ts', 'open', join(dir, 'campaign'), ...files, '--key', join(dir, 'coach.key'), '--out', join(dir, 'results')], {
        cwd: PROJECT,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(`coach open failed: ${run.stderr.slice(0, 2000)}`);
      const kilobytes = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
      const summary = Papa.parse<string[]>(readFileSync(join(dir, 'results', 'summary.csv'), 'utf8').replace(/^\uFEFF/, '')).data;
      const peerRow = summary.find((row) => row[2] === 'framework' && row[4] === 'peer');
      return {
        title: `confidential: sealing, and coach open of ${formatNumber(SEALED_FILES)} sealed files`,
        figures: [
          { name: 'seal one response (84 statements) to a file, Node', value: formatNumber(sealFile, 2), unit: 'ms', target: atMost(sealFile, 50, '<= 50 ms') },
          { name: 'seal the same as a code, Node', value: formatNumber(sealCode, 2), unit: 'ms', target: atMost(sealCode, 50, '<= 50 ms') },
          { name: `npm run coach -- open, ${formatNumber(SEALED_FILES)} sealed files`, value: formatNumber(seconds, 1), unit: 's' },
          { name: '  peak memory (maximum resident set size)', value: formatNumber(kilobytes / 1024, 0), unit: 'MB' },
        ],
        notes: [
          `Sealing: median of 50 runs after 5 warm-ups in this Node process (age X25519, the same code the rater's page runs).`,
          `open: one campaign of ${formatNumber(SEALED_FILES)} peer invitations, every one answered (~10% with a comment), sealed beforehand (untimed);`,
          `  \`node --import tsx src/cli/coach.ts open ...\`, timed from spawn to exit (node and tsx start-up included);`,
          `  peak memory (VmHWM, peak-rss.ts) at exit; peers counted in summary.csv: ${peerRow?.[5] ?? '?'}.`,
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
