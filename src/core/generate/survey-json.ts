/** The subset of SurveyJS's JSON schema that Skillscope generates: plain data, no survey-core. */

export type ChoiceJson = { value: number | string; text: string };

export type ElementJson =
  | {
      type: 'radiogroup';
      name: string;
      title: string;
      description?: string;
      choices: ChoiceJson[];
      colCount: number;
      isRequired?: boolean;
    }
  | { type: 'comment'; name: string; title: string; maxLength: number; rows: number };

export type PageJson = { name: string; title: string; description: string; elements: ElementJson[] };

export type CalculatedValueJson = { name: string; expression: string; includeIntoResult: boolean };

export type SurveyJson = {
  title: string;
  description: string;
  showProgressBar: boolean;
  progressBarLocation: 'aboveheader';
  progressBarType: 'questions';
  showQuestionNumbers: 'off';
  textUpdateMode: 'onTyping';
  checkErrorsMode: 'onValueChanged';
  calculatedValues: CalculatedValueJson[];
  pages: PageJson[];
};
