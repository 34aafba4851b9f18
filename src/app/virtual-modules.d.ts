declare module 'virtual:skillscope/catalogue' {
  import type { Framework } from '../core/model/framework.ts';
  import type { SurveyJson } from '../core/generate/survey-json.ts';

  export type CatalogueEntry = import('../core/model/framework-summary.ts').FrameworkSummary;
  export const catalogue: CatalogueEntry[];
  /** Each built-in framework, by id. */
  export const loaders: Record<string, () => Promise<{ framework: Framework }>>;
  /** Each built-in framework's two surveys, by the framework's id: a file of their own. */
  export const surveyLoaders: Record<string, () => Promise<{ selfSurvey: SurveyJson; raterSurvey: SurveyJson }>>;
}
