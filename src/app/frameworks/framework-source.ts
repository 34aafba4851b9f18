import { catalogue, loaders, surveyLoaders } from 'virtual:skillscope/catalogue';
import { buildRaterSurvey } from '../../core/generate/rater-survey.ts';
import { buildSelfSurvey } from '../../core/generate/self-survey.ts';
import type { SurveyJson } from '../../core/generate/survey-json.ts';
import type { Framework } from '../../core/model/framework.ts';
import { type FrameworkSummary as CoreSummary, summarizeFramework } from '../../core/model/framework-summary.ts';
import { listStoredFrameworks, loadStoredFramework } from '../storage/frameworks.ts';

export type LoadedFramework = { framework: Framework; selfSurvey: SurveyJson; raterSurvey: SurveyJson; builtin: boolean };

/** A framework without its surveys, for the pages that show none (the profile). */
export type FrameworkOnly = { framework: Framework; builtin: boolean };

export type FrameworkSummary = CoreSummary & { builtin: boolean };

/** An estimate, not a measurement: about 10 seconds to read and rate a statement. */
export const minutesFor = (statementCount: number): number => Math.max(2, Math.round((statementCount * 10) / 60));

export function isBuiltin(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(loaders, id);
}

export function summarize(framework: Framework, builtin: boolean): FrameworkSummary {
  return { ...summarizeFramework(framework), builtin };
}

/** The six built-in frameworks: they need no storage, so they are offered even when it is refused. */
export function builtinSummaries(): FrameworkSummary[] {
  return catalogue.map((entry) => ({ ...entry, builtin: true }));
}

/** The six built-in frameworks, then those the user opened from files, newest last. */
export async function listFrameworks(): Promise<FrameworkSummary[]> {
  const stored = await listStoredFrameworks();
  return [...builtinSummaries(), ...stored.map((entry) => summarize(entry.framework, false))];
}

/**
 * Built-in frameworks are part of this build and never change, so each loads once per page.
 * A framework opened from a file is read from storage every time: another tab may have
 * replaced or removed it. A built-in framework and its surveys are files of their own
 * (src/build/builtin-frameworks-plugin.ts): the profile downloads only the framework.
 */
function once<T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
  let loading = cache.get(id);
  if (!loading) {
    loading = load();
    cache.set(id, loading);
    // A failed download (the network) is tried again next time.
    loading.catch(() => cache.delete(id));
  }
  return loading;
}

const builtinFrameworks = new Map<string, Promise<Framework>>();
const builtinLoaded = new Map<string, Promise<LoadedFramework>>();

function builtinFramework(id: string, load: () => Promise<{ framework: Framework }>): Promise<Framework> {
  return once(builtinFrameworks, id, () => load().then((module) => module.framework));
}

/** The framework alone: a built-in one without downloading its surveys, a stored one without generating them. */
export async function loadFrameworkOnly(id: string): Promise<FrameworkOnly | undefined> {
  const builtin = isBuiltin(id) ? loaders[id] : undefined;
  if (builtin) return { framework: await builtinFramework(id, builtin), builtin: true };
  const stored = await loadStoredFramework(id);
  return stored ? { framework: stored.framework, builtin: false } : undefined;
}

/** The framework and its two surveys. */
export async function loadFramework(id: string): Promise<LoadedFramework | undefined> {
  const builtin = isBuiltin(id) ? loaders[id] : undefined;
  const surveys = isBuiltin(id) ? surveyLoaders[id] : undefined;
  if (builtin && surveys) {
    return once(builtinLoaded, id, async () => {
      const [framework, { selfSurvey, raterSurvey }] = await Promise.all([builtinFramework(id, builtin), surveys()]);
      return { framework, selfSurvey, raterSurvey, builtin: true };
    });
  }
  const stored = await loadStoredFramework(id);
  if (!stored) return undefined;
  return { framework: stored.framework, selfSurvey: buildSelfSurvey(stored.framework), raterSurvey: buildRaterSurvey(stored.framework), builtin: false };
}

/** Every framework this browser knows, for validating imports and scoring exports: no survey. */
export async function loadAllFrameworks(): Promise<Map<string, FrameworkOnly>> {
  const summaries = await listFrameworks();
  const loaded = await Promise.all(summaries.map((summary) => loadFrameworkOnly(summary.id)));
  return new Map(loaded.flatMap((entry) => (entry ? [[entry.framework.id, entry] as const] : [])));
}
