import { describe, expect, it } from 'vitest';
import { countAnswered, responseFromSurveyData, surveyDataFromResponse } from '../../../src/core/generate/survey-data.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';

const framework = builtinFramework('css-durable-skills');
const meta = { responseId: 'r1', frameworkId: framework.id, surveyId: `${framework.id}.self`, subjectId: 'ana', raterGroup: 'self' as const, submittedAt: '2026-11-23T10:00:00Z' };

describe('responseFromSurveyData', () => {
  it('keeps ratings by statement id, N/A as null, and leaves unanswered statements out', () => {
    const response = responseFromSurveyData(framework, { 'communication-01': 3, 'communication-02': 'na', survey_id: 'x' }, meta);
    expect([...response.answers]).toEqual([['communication-01', 3], ['communication-02', null]]);
  });

  it('keeps page comments by page id and drops blank ones', () => {
    const response = responseFromSurveyData(framework, { comment_communication: '=I explain well', comment_leadership: '  ' }, meta);
    expect([...response.comments]).toEqual([['communication', '=I explain well']]);
  });

  it('ignores values that are not on the scale, and keys that are not statements', () => {
    const response = responseFromSurveyData(framework, { 'communication-01': 5, 'communication-03': '3', __proto__: 2, constructor: 1 }, meta);
    expect(response.answers.size).toBe(0);
  });

  it("takes the rater's own answer to the relationship question over the link's group", () => {
    const response = responseFromSurveyData(framework, { rater_group: 'manager' }, { ...meta, raterGroup: 'peer', surveyId: `${framework.id}.360` });
    expect(response.raterGroup).toBe('manager');
  });

  it('round-trips through the survey data', () => {
    const response = responseFromSurveyData(framework, { 'leadership-08': 4, 'fortitude-01': 'na', comment_character: 'kind' }, meta);
    expect(responseFromSurveyData(framework, surveyDataFromResponse(response), meta)).toEqual(response);
  });
});

describe('countAnswered', () => {
  it('counts ratings and N/A answers, not comments, the relationship or the survey identity', () => {
    const data = { 'communication-01': 3, 'communication-02': 'na', 'leadership-01': 4, comment_communication: 'ok', rater_group: 'peer', survey_id: 'x.self', 'leadership-02': 7 };
    expect(countAnswered(data)).toBe(3);
  });
});
