import type { Framework } from '../model/framework.ts';
import { buildRaterSurvey } from './rater-survey.ts';
import { buildSelfSurvey } from './self-survey.ts';

export type GeneratedFile = { name: string; content: string };

const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** DESIGN.md: `<framework-id>.self.json` and `<framework-id>.360.json`. */
export function surveyFiles(framework: Framework): GeneratedFile[] {
  return [
    { name: `${framework.id}.self.json`, content: toJson(buildSelfSurvey(framework)) },
    { name: `${framework.id}.360.json`, content: toJson(buildRaterSurvey(framework)) },
  ];
}
