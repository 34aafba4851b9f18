import type { Framework } from '../model/framework.ts';
import type { SurveyJson } from './survey-json.ts';
import { surveyShell } from './survey-metadata.ts';
import { statementPages } from './survey-pages.ts';

const HOW_TO_RATE =
  'For each statement, choose how you do this today: Not yet, With support, Independently, or Consistently, and can guide others. Choose "Not part of my role" where it does not apply to you.';

/** The learner's self-assessment: one page per level or domain, the whole scale on every statement. */
export function buildSelfSurvey(framework: Framework): SurveyJson {
  return {
    ...surveyShell(framework, 'self', `${framework.title}: self-assessment`, 'Rate yourself against each statement. Your answers are saved in this browser as you go.'),
    pages: statementPages(framework, 'self', HOW_TO_RATE, 'Anything to add about'),
  };
}
