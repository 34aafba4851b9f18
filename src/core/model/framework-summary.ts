import type { Framework } from './framework.ts';

/** What a catalogue shows of a framework without loading its statements. */
export type FrameworkSummary = {
  id: string;
  title: string;
  publisher: string;
  statementCount: number;
  groupCount: number;
  /** `level` where the framework has no domains, else its domains' kind. */
  groupKind: string;
};

export function summarizeFramework(framework: Framework): FrameworkSummary {
  return {
    id: framework.id,
    title: framework.title,
    publisher: framework.attributions.map((a) => a.publisher).join('; '),
    statementCount: framework.statements.length,
    groupCount: framework.domains.length > 0 ? framework.domains.length : framework.levels.length,
    groupKind: framework.domains[0]?.kind ?? 'level',
  };
}
