import { Model } from 'survey-core';
import { type AnswerProgress, answerProgress, statementsByPage } from '../../core/generate/answer-progress.ts';
import type { SurveyData } from '../../core/generate/survey-data.ts';
import type { SurveyJson } from '../../core/generate/survey-json.ts';

type ProgressInfo = ReturnType<Model['getProgressInfo']>;
type StatementPages = ReturnType<typeof statementsByPage>;

/**
 * A survey-core model whose progress bar counts answered statements, and whose progress text
 * names the page in full. survey-core's own "questions" count takes in the optional comment
 * boxes and the rater's "How do you work with…?", so a learner who rated every statement would
 * never see a full bar; and its bar of page titles cuts every title short on a phone.
 */
export class AnswerCountingSurvey extends Model {
  // survey-core may ask for progress while its constructor runs, before this is set (so not a
  // #private field, which would throw there).
  private statementPages: StatementPages | undefined;

  constructor(json: SurveyJson) {
    super(json);
    this.statementPages = statementsByPage(json);
    this.onGetProgressText.add((_, options) => {
      options.text = this.progressLine();
    });
  }

  /** How many statements are answered (a rating or N/A), in all and page by page. */
  answerProgress(): AnswerProgress {
    return answerProgress(this.statementPages ?? [], this.data as SurveyData);
  }

  override getProgressInfo(): ProgressInfo {
    const { answered, total } = this.answerProgress();
    return { questionCount: total, answeredQuestionCount: answered, requiredQuestionCount: 0, requiredAnsweredQuestionCount: 0 };
  }

  /** "Communication · page 1 of 10 · 3 of 84 statements answered": the page's whole name, then the count. */
  progressLine(): string {
    const page = this.currentPage;
    if (page === null || page === undefined) return '';
    const { answered, total } = this.answerProgress();
    return `${page.processedTitle} · page ${this.visiblePages.indexOf(page) + 1} of ${this.visiblePages.length} · ${answered} of ${total} statements answered`;
  }
}
