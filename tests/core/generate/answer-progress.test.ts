import { describe, expect, it } from 'vitest';
import { answerProgress, isAnswered, pagesWithUnanswered, statementsByPage } from '../../../src/core/generate/answer-progress.ts';
import { buildRaterSurvey } from '../../../src/core/generate/rater-survey.ts';
import { buildSelfSurvey } from '../../../src/core/generate/self-survey.ts';
import { builtinFramework } from '../../support/builtin-frameworks.ts';

const framework = builtinFramework('css-ai-at-work');
const pages = statementsByPage(buildSelfSurvey(framework));

describe('answer progress: what the progress bar and the check before Complete count', () => {
  it('counts statements only: no comment box and no "How do you work with…?" question', () => {
    const rater = statementsByPage(buildRaterSurvey(framework));
    expect(rater.map((page) => page.name)).toEqual(['emerging', 'developing', 'proficient', 'advanced']);
    expect(rater).toEqual(pages);
    expect(answerProgress(pages, { rater_group: 'peer', comment_emerging: 'Good', 'emerging-01': 3 })).toMatchObject({ answered: 1, total: 13 });
  });

  it('counts N/A as an answer, and a value that is no answer (a stray 7, an empty string) as unanswered', () => {
    const progress = answerProgress(pages, { 'emerging-01': 'na', 'emerging-02': 7, 'developing-01': '', 'developing-02': 4 });
    expect(progress.answered).toBe(2);
    expect(pagesWithUnanswered(progress)).toEqual([
      { name: 'emerging', title: 'Emerging', unanswered: 1, total: 2 },
      { name: 'developing', title: 'Developing', unanswered: 2, total: 3 },
      { name: 'proficient', title: 'Proficient', unanswered: 4, total: 4 },
      { name: 'advanced', title: 'Advanced', unanswered: 4, total: 4 },
    ]);
  });

  it('lists no page once every statement is answered', () => {
    const data = Object.fromEntries(framework.statements.map((statement) => [statement.id, 2]));
    const progress = answerProgress(pages, data);
    expect(progress).toMatchObject({ answered: 13, total: 13 });
    expect(pagesWithUnanswered(progress)).toEqual([]);
  });

  it('reads only the data of its own statements: an inherited "__proto__" or "toString" is no answer', () => {
    const data = JSON.parse('{"__proto__": 3}') as Record<string, unknown>;
    expect(isAnswered(data, '__proto__')).toBe(true);
    expect(isAnswered({}, '__proto__')).toBe(false);
    expect(isAnswered({}, 'toString')).toBe(false);
  });
});
