import { type Framework, isLevelled, type Statement } from '../model/framework.ts';
import { NOT_APPLICABLE_LABEL, RATING_LABELS, RATING_VALUES } from '../model/rating-scale.ts';
import type { ChoiceJson, ElementJson, PageJson } from './survey-json.ts';
import { commentQuestionName } from './survey-identity.ts';

export type Audience = 'self' | 'rater';

/** The value a survey stores for N/A; response files write it as null (DESIGN.md). */
export const NOT_APPLICABLE_VALUE = 'na';
const COMMENT_MAX_LENGTH = 2000;

export function ratingChoices(audience: Audience): ChoiceJson[] {
  return [
    ...RATING_VALUES.map((value) => ({ value, text: RATING_LABELS[value] })),
    { value: NOT_APPLICABLE_VALUE, text: NOT_APPLICABLE_LABEL[audience] },
  ];
}

/** A group of statements that becomes one survey page and one profile axis. */
type PageGroup = { name: string; title: string; intro: string; statements: Statement[] };

/**
 * DESIGN.md: one page per level or domain. A framework with domains gets a page per domain (the
 * statements run emerging to advanced inside it); a framework with levels only, a page per level.
 */
export function pageGroups(framework: Framework): PageGroup[] {
  if (framework.domains.length > 0) {
    return framework.domains.map((domain) => ({
      name: domain.id,
      title: domain.mandatory ? domain.title : `${domain.title} (optional)`,
      intro: domain.description,
      statements: framework.statements.filter((statement) => statement.domain === domain.id),
    }));
  }
  if (isLevelled(framework)) {
    return framework.levels.map((level) => ({
      name: level.id,
      title: level.label,
      intro: level.description,
      statements: framework.statements.filter((statement) => statement.level === level.id),
    }));
  }
  return [{ name: 'all', title: framework.title, intro: framework.description, statements: framework.statements }];
}

export function ratingQuestion(statement: Statement, audience: Audience): ElementJson {
  return { type: 'radiogroup', name: statement.id, title: statement.text, choices: ratingChoices(audience), colCount: 0 };
}

export function commentQuestion(pageName: string, pageTitle: string, prompt: string): ElementJson {
  return { type: 'comment', name: commentQuestionName(pageName), title: `${prompt} ${pageTitle} (optional)`, maxLength: COMMENT_MAX_LENGTH, rows: 3 };
}

/**
 * The attribution every survey shows on its first page: one source a line, as on the About page
 * (survey-core keeps the line breaks of a page description; the text stays plain text).
 */
export function attributionText(framework: Framework): string {
  return framework.attributions
    .map((a) => {
      const text = a.text.startsWith(a.publisher) ? a.text : `${a.publisher}. ${a.text}`;
      const line = `Source: ${text}${a.licence && !text.includes(a.licence) ? ` Licence: ${a.licence}.` : ''}`;
      // A line break inside a source's own text would make one source look like two.
      return line.replace(/\s+/g, ' ').trim();
    })
    .join('\n');
}

export function statementPages(framework: Framework, audience: Audience, howToRate: string, commentPrompt: string): PageJson[] {
  return pageGroups(framework).map((group, index) => ({
    name: group.name,
    title: group.title,
    description: [group.intro, howToRate, index === 0 ? attributionText(framework) : ''].filter((part) => part.trim() !== '').join('\n\n'),
    elements: [...group.statements.map((statement) => ratingQuestion(statement, audience)), commentQuestion(group.name, group.title, commentPrompt)],
  }));
}
