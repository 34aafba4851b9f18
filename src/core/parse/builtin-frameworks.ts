import type { Framework } from '../model/framework.ts';
import { type Issue, type Result } from '../model/result.ts';
import { parseCssText } from './css-text.ts';
import { parseItGeneralist } from './it-generalist.ts';
import { parseOnetExport } from './onet-json.ts';
import { parsePipeline } from './pipeline.ts';
import { parseScqf } from './scqf.ts';

/** The five seed documents (DESIGN.md's table), by file name in seeds/. */
export const SEED_FILES = {
  pipeline: '000_555f8d7572f5c499.txt',
  css: '001_328dda3a84282345.txt',
  scqf: '002_3d0578821ae78574.txt',
  itGeneralist: '003_dc02c747e2b8d488.txt',
  onet: '004_eed0be7385241fbd.txt',
} as const;

export const BUILTIN_FRAMEWORK_IDS = [
  'css-occupational', 'css-ai-at-work', 'css-durable-skills', 'scqf-it-support', 'it-generalist', 'pipeline-it-support',
] as const;

/**
 * The six built-in frameworks, in catalogue order, from the seed texts. css-occupational comes
 * from 004's JSON export; 001 repeats its statements as text, which a test checks agree.
 */
export function parseBuiltinFrameworks(readSeed: (fileName: string) => string): Result<Framework[]> {
  const issues: Issue[] = [];
  const take = <T>(result: Result<T>): T | undefined => {
    if (result.ok) return result.value;
    issues.push(...result.issues);
    return undefined;
  };
  const occupational = take(parseOnetExport(readSeed(SEED_FILES.onet), SEED_FILES.onet));
  const css = take(parseCssText(readSeed(SEED_FILES.css), SEED_FILES.css));
  const scqf = take(parseScqf(readSeed(SEED_FILES.scqf), SEED_FILES.scqf));
  const itGeneralist = take(parseItGeneralist(readSeed(SEED_FILES.itGeneralist), SEED_FILES.itGeneralist));
  const pipeline = take(parsePipeline(readSeed(SEED_FILES.pipeline), SEED_FILES.pipeline));
  if (issues.length > 0 || !occupational || !css || !scqf || !itGeneralist || !pipeline) return { ok: false, issues };
  return { ok: true, value: [occupational, css.aiAtWork, css.durableSkills, scqf, itGeneralist, pipeline] };
}
