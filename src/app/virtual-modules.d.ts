declare module 'virtual:skillscope/catalogue' {
  import type { Framework } from '../core/model/framework.ts';
  import type { SurveyJson } from '../core/generate/survey-json.ts';

  export type CatalogueEntry = import('../core/model/framework-summary.ts').FrameworkSummary;
  export const catalogue: CatalogueEntry[];
  export const loaders: Record<string, () => Promise<{ framework: Framework; selfSurvey: SurveyJson; raterSurvey: SurveyJson }>>;
}
