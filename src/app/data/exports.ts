import { writeChangeCsv } from '../../core/io/change-csv.ts';
import { writeReliabilityCsv } from '../../core/io/reliability-csv.ts';
import { writeResponsesLongCsv } from '../../core/io/responses-long-csv.ts';
import { writeResponsesWideCsv } from '../../core/io/responses-wide-csv.ts';
import { writeStatementsCsv } from '../../core/io/statements-csv.ts';
import { writeSummaryCsv } from '../../core/io/summary-csv.ts';
import type { Framework } from '../../core/model/framework.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { scoreReliability } from '../../core/score/reliability.ts';
import { scoreCohort } from '../../core/score/score-cohort.ts';
import { slug } from '../../core/model/ids.ts';

export type ExportName = 'responses-long.csv' | 'responses-wide.csv' | 'summary.csv' | 'statements.csv' | 'change.csv' | 'reliability.csv';
export const EXPORT_NAMES: readonly ExportName[] = ['summary.csv', 'statements.csv', 'change.csv', 'reliability.csv', 'responses-long.csv', 'responses-wide.csv'];

export const EXPORT_DESCRIPTIONS: Record<ExportName, string> = {
  'summary.csv': 'Figures per person, framework, axis and shown group: mean, percent, spread, attained level.',
  'statements.csv': 'Per statement: self, others, the gap, agreement and blind-spot flags.',
  'change.csv': 'Per axis: the latest self-assessment against the one before it.',
  'reliability.csv': 'Per axis: how consistently its statements measure one thing (Cronbach\'s alpha).',
  'responses-long.csv': 'Every answer on its own row, for any analysis tool.',
  'responses-wide.csv': 'One row per response, one column per statement.',
};

/** The same bytes `npm run score` writes for the same responses: both call the same core writers. */
export function buildExport(name: ExportName, responses: readonly SurveyResponse[], frameworks: ReadonlyMap<string, Framework>): string {
  const lookup = (id: string) => frameworks.get(id);
  switch (name) {
    case 'responses-long.csv': return writeResponsesLongCsv(responses, lookup);
    case 'responses-wide.csv': return writeResponsesWideCsv(responses, lookup);
    case 'summary.csv': return writeSummaryCsv(scoreCohort(frameworks, responses));
    case 'statements.csv': return writeStatementsCsv(scoreCohort(frameworks, responses), lookup);
    case 'change.csv': return writeChangeCsv(scoreCohort(frameworks, responses));
    case 'reliability.csv': return writeReliabilityCsv(scoreReliability(frameworks, responses));
  }
}

export function responseFileName(response: SurveyResponse): string {
  return `${slug(`response-${response.subjectId}-${response.frameworkId}-${response.raterGroup}-${response.submittedAt.slice(0, 19)}`, 200, 'response')}.json`;
}
