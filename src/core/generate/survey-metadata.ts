import type { Framework } from '../model/framework.ts';
import type { CalculatedValueJson, SurveyJson } from './survey-json.ts';
import { type SurveyKind, surveyIdOf } from '../model/survey-id.ts';
import { surveyVersionOf } from './survey-identity.ts';

/**
 * The survey's identity travels inside the JSON as constant calculated values, which survey-core
 * adds to the result data. (SurveyJS's own `surveyId` property would make survey-core load the
 * survey from SurveyJS's cloud service: a third-party request DESIGN.md rules out.)
 */
function identity(framework: Framework, kind: SurveyKind): CalculatedValueJson[] {
  const constant = (name: string, value: string): CalculatedValueJson => ({
    name,
    expression: `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    includeIntoResult: true,
  });
  return [
    constant('survey_id', surveyIdOf(framework.id, kind)),
    constant('framework_id', framework.id),
    constant('survey_version', surveyVersionOf(framework)),
  ];
}

/**
 * Settings both surveys share: a progress bar that counts answered questions (a bar of pages
 * says "done" for a page left blank), no numbering, comments saved as typed.
 */
export function surveyShell(framework: Framework, kind: SurveyKind, title: string, description: string): Omit<SurveyJson, 'pages'> {
  return {
    title,
    description,
    showProgressBar: true,
    progressBarLocation: 'aboveheader',
    progressBarType: 'questions',
    showQuestionNumbers: 'off',
    textUpdateMode: 'onTyping',
    checkErrorsMode: 'onValueChanged',
    calculatedValues: identity(framework, kind),
  };
}
