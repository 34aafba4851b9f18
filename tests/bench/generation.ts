import { readFileSync } from 'node:fs';
import { SEEDS_DIR } from '../../src/cli/load-builtin-frameworks.ts';
import { surveyFiles } from '../../src/core/generate/survey-files.ts';
import { parseBuiltinFrameworks, SEED_FILES } from '../../src/core/parse/builtin-frameworks.ts';
import { parseOnetExport } from '../../src/core/parse/onet-json.ts';
import { atMost, type BenchSection, formatNumber, medianMs, megabytes } from './bench-table.ts';
import { syntheticOnetExports } from './synthetic-data.ts';

/**
 * Seeds to surveys in a warm process: the six built-in frameworks (what `npm run generate`
 * does, less the file writes), and 1,000 O*NET exports of seed 004's format.
 */

const SIX_RUNS = 40;
const MANY = 1_000;
const MANY_RUNS = 5;

export const generation: BenchSection = {
  name: 'generation',
  async run() {
    // The seed texts are read once: the figure is parsing and generating, not the disk.
    const seeds = new Map<string, string>(Object.values(SEED_FILES).map((name) => [name, readFileSync(`${SEEDS_DIR}${name}`, 'utf8')]));
    const readSeed = (name: string) => seeds.get(name) ?? '';
    let sixBytes = 0;
    let sixSurveys = 0;
    const generateSix = () => {
      const parsed = parseBuiltinFrameworks(readSeed);
      if (!parsed.ok) throw new Error(`The seeds did not parse: ${parsed.issues[0]?.message ?? ''}`);
      sixBytes = 0;
      sixSurveys = 0;
      for (const framework of parsed.value) {
        for (const file of surveyFiles(framework)) {
          sixBytes += file.content.length;
          sixSurveys += 1;
        }
      }
    };
    const six = await medianMs(generateSix, SIX_RUNS, 3);

    const exports = syntheticOnetExports(MANY);
    const exportChars = exports.reduce((total, text) => total + text.length, 0);
    let manySurveys = 0;
    const generateMany = () => {
      manySurveys = 0;
      exports.forEach((text, i) => {
        const parsed = parseOnetExport(text, `synthetic-${i}.json`);
        if (!parsed.ok) throw new Error(`Synthetic export ${i} did not parse: ${parsed.issues[0]?.message ?? ''}`);
        manySurveys += surveyFiles(parsed.value).length;
      });
    };
    const many = await medianMs(generateMany, MANY_RUNS, 1);

    return {
      title: 'generation: frameworks to SurveyJS surveys',
      figures: [
        { name: 'six built-in frameworks: parse seeds + generate 12 surveys', value: formatNumber(six, 1), unit: 'ms', target: atMost(six, 50, '< 50 ms') },
        { name: `${formatNumber(MANY)} O*NET exports: parse + generate ${formatNumber(2 * MANY)} surveys`, value: formatNumber(many, 0), unit: 'ms', target: atMost(many, 2000, '< 2,000 ms') },
        { name: `  per O*NET framework`, value: formatNumber(many / MANY, 2), unit: 'ms' },
      ],
      notes: [
        `six: median of ${SIX_RUNS} runs after 3 warm-ups; seed texts read once beforehand; ${sixSurveys} surveys, ${formatNumber(megabytes(sixBytes), 2)} MB of JSON.`,
        `O*NET: ${formatNumber(MANY)} synthetic exports of seed 004's format (4 levels x 10 statements of ~150 chars, distinct SOC codes, ${formatNumber(megabytes(exportChars), 1)} MB),`,
        `  parseOnetExport + surveyFiles each; median of ${MANY_RUNS} runs after 1 warm-up; ${formatNumber(manySurveys)} surveys per run.`,
      ],
    };
  },
};
