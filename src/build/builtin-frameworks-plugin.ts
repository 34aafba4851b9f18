import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { surveyFiles } from '../core/generate/survey-files.ts';
import { summarizeFramework } from '../core/model/framework-summary.ts';
import { formatIssue } from '../core/model/result.ts';
import { parseBuiltinFrameworks } from '../core/parse/builtin-frameworks.ts';

const CATALOGUE = 'virtual:skillscope/catalogue';
const FRAMEWORK_PREFIX = 'virtual:skillscope/framework/';

/**
 * Parses the seeds at build time, so the browser receives each built-in framework as plain JSON,
 * loaded only when it is opened, and the home page carries just the catalogue (DESIGN.md's
 * first-page budget). Each framework module also holds its two generated surveys. `seedsDir` is
 * the project's seeds/ folder, named by vite.config.ts.
 */
export function builtinFrameworksPlugin(seedsDir: string): Plugin {
  const load = () => {
    const loaded = parseBuiltinFrameworks((name) => readFileSync(join(seedsDir, name), 'utf8'));
    if (!loaded.ok) throw new Error(`The seeds do not parse:\n${loaded.issues.map(formatIssue).join('\n')}`);
    return loaded.value;
  };
  return {
    name: 'skillscope-builtin-frameworks',
    resolveId(id) {
      return id === CATALOGUE || id.startsWith(FRAMEWORK_PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${CATALOGUE}`) {
        const entries = load().map(summarizeFramework);
        const loaders = entries.map((entry) => `${JSON.stringify(entry.id)}: () => import(${JSON.stringify(FRAMEWORK_PREFIX + entry.id)})`);
        return `export const catalogue = ${JSON.stringify(entries)};\nexport const loaders = {${loaders.join(',')}};`;
      }
      if (id.startsWith(`\0${FRAMEWORK_PREFIX}`)) {
        const frameworkId = id.slice(FRAMEWORK_PREFIX.length + 1);
        const framework = load().find((f) => f.id === frameworkId);
        if (!framework) throw new Error(`No built-in framework ${frameworkId}`);
        const [self, rater] = surveyFiles(framework).map((file) => file.content);
        return `export const framework = ${JSON.stringify(framework)};\nexport const selfSurvey = ${self};\nexport const raterSurvey = ${rater};`;
      }
      return null;
    },
  };
}
