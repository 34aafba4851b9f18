import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { surveyFiles } from '../core/generate/survey-files.ts';
import { summarizeFramework } from '../core/model/framework-summary.ts';
import { formatIssue } from '../core/model/result.ts';
import { parseBuiltinFrameworks } from '../core/parse/builtin-frameworks.ts';

const CATALOGUE = 'virtual:skillscope/catalogue';
/** A built-in framework's module: this, then its id. */
export const FRAMEWORK_PREFIX = 'virtual:skillscope/framework/';
/**
 * A framework's two surveys, in a module (so a file) of their own: the profile needs only the
 * framework. This, its id, then SURVEYS_SUFFIX, which names the file (css-durable-skills-surveys-*.js).
 */
export const SURVEYS_PREFIX = 'virtual:skillscope/surveys/';
export const SURVEYS_SUFFIX = '-surveys';

/**
 * Parses the seeds at build time, so the browser receives each built-in framework as plain JSON,
 * loaded only when it is opened, and the home page carries just the catalogue (DESIGN.md's
 * first-page budget). Each framework's two generated surveys are a module of their own, loaded
 * only by the pages that need them: they were two thirds of the framework's file (issue 13: the
 * profile downloaded and compiled them for nothing). `seedsDir` is the project's seeds/ folder,
 * named by vite.config.ts.
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
      return id === CATALOGUE || id.startsWith(FRAMEWORK_PREFIX) || id.startsWith(SURVEYS_PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${CATALOGUE}`) {
        const entries = load().map(summarizeFramework);
        const loadersOf = (prefix: string, suffix: string) => entries.map((entry) => `${JSON.stringify(entry.id)}: () => import(${JSON.stringify(prefix + entry.id + suffix)})`).join(',');
        return `export const catalogue = ${JSON.stringify(entries)};\nexport const loaders = {${loadersOf(FRAMEWORK_PREFIX, '')}};\nexport const surveyLoaders = {${loadersOf(SURVEYS_PREFIX, SURVEYS_SUFFIX)}};`;
      }
      const builtin = (prefix: string, suffix = '') => {
        const frameworkId = id.slice(prefix.length + 1, id.length - suffix.length);
        const framework = load().find((f) => f.id === frameworkId);
        if (!framework) throw new Error(`No built-in framework ${frameworkId}`);
        return framework;
      };
      if (id.startsWith(`\0${FRAMEWORK_PREFIX}`)) return `export const framework = ${JSON.stringify(builtin(FRAMEWORK_PREFIX))};`;
      if (id.startsWith(`\0${SURVEYS_PREFIX}`)) {
        if (!id.endsWith(SURVEYS_SUFFIX)) throw new Error(`No built-in surveys ${id.slice(1)}`);
        const [self, rater] = surveyFiles(builtin(SURVEYS_PREFIX, SURVEYS_SUFFIX)).map((file) => file.content);
        return `export const selfSurvey = ${self};\nexport const raterSurvey = ${rater};`;
      }
      return null;
    },
  };
}
