import { catalogue, loaders } from 'virtual:skillscope/catalogue';
import { buildRaterSurvey } from '../../core/generate/rater-survey.ts';
import { buildSelfSurvey } from '../../core/generate/self-survey.ts';
import type { SurveyJson } from '../../core/generate/survey-json.ts';
import type { Framework } from '../../core/model/framework.ts';
import { type FrameworkSummary as CoreSummary, summarizeFramework } from '../../core/model/framework-summary.ts';
import { listStoredFrameworks, loadStoredFramework } from '../storage/frameworks.ts';

export type LoadedFramework = { framework: Framework; selfSurvey: SurveyJson; raterSurvey: SurveyJson; builtin: boolean };

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
 * replaced or removed it.
 */
const builtinCache = new Map<string, Promise<LoadedFramework>>();

export async function loadFramework(id: string): Promise<LoadedFramework | undefined> {
  const builtin = isBuiltin(id) ? loaders[id] : undefined;
  if (builtin) {
    let loading = builtinCache.get(id);
    if (!loading) {
      loading = builtin().then((loaded) => ({ ...loaded, builtin: true }));
      builtinCache.set(id, loading);
      loading.catch(() => builtinCache.delete(id));
    }
    return loading;
  }
  const stored = await loadStoredFramework(id);
  if (!stored) return undefined;
  return { framework: stored.framework, selfSurvey: buildSelfSurvey(stored.framework), raterSurvey: buildRaterSurvey(stored.framework), builtin: false };
}

/** Every framework this browser knows, for validating imports and scoring exports. */
export async function loadAllFrameworks(): Promise<Map<string, LoadedFramework>> {
  const summaries = await listFrameworks();
  const loaded = await Promise.all(summaries.map((summary) => loadFramework(summary.id)));
  return new Map(loaded.flatMap((entry) => (entry ? [[entry.framework.id, entry] as const] : [])));
}
