import { type Framework, LEVEL_LABELS } from '../model/framework.ts';
import { NOT_APPLICABLE_LABEL, RATING_LABELS, RATING_VALUES } from '../model/rating-scale.ts';
import type { CaseEndpoint } from './case-export-ids.ts';
import type { CaseLink, CaseRubric } from './case-package.ts';

type RubricContext = {
  statementLinks: ReadonlyMap<string, CaseLink>;
  memberId: (name: string) => string;
  uri: (identifier: string, endpoint: CaseEndpoint) => string;
  when: string;
};

/** What each rating means, written into each level's description. */
const RATING_MEANINGS: Readonly<Record<(typeof RATING_VALUES)[number], string>> = {
  1: 'The learner does not do this yet.',
  2: 'The learner does this with help or supervision.',
  3: 'The learner does this on their own.',
  4: 'The learner does this consistently and can guide others in it.',
};

/**
 * The rating scale as a CFRubric ([IM11] §3.1): one criterion per statement, aligned to its item
 * by CFItemURI, each with the four scale points as criterion levels (quality = the label raters
 * see, score and position = 1 to 4). It is the scale the answers use, not the framework's levels,
 * which are items in the tree; N/A is not a scale point and is excluded from every mean.
 */
export function ratingScaleRubric(framework: Framework, context: RubricContext): CaseRubric {
  const { memberId, uri, when } = context;
  const rubricId = memberId('rubric:rating-scale');
  const domainTitles = new Map(framework.domains.map((domain) => [domain.id, domain.title]));
  return {
    identifier: rubricId,
    uri: uri(rubricId, 'CFRubrics'),
    title: `${framework.title}: rating scale`,
    description: `The four-point scale a learner and their raters use for every statement: ${RATING_VALUES.map((value) => `${value} ${RATING_LABELS[value]}`).join(', ')}. "${NOT_APPLICABLE_LABEL.self}" (self) and "${NOT_APPLICABLE_LABEL.rater}" (raters) are not scale points: they are left out of every mean.`,
    lastChangeDateTime: when,
    CFRubricCriteria: framework.statements.flatMap((statement, index) => {
      const link = context.statementLinks.get(statement.id);
      if (link === undefined) return [];
      const criterionId = memberId(`criterion:${statement.id}`);
      const category = (statement.domain === null ? undefined : domainTitles.get(statement.domain)) ?? (statement.level === null ? framework.title : LEVEL_LABELS[statement.level]);
      return [{
        identifier: criterionId,
        uri: uri(criterionId, 'CFRubricCriteria'),
        category,
        CFItemURI: link,
        position: index + 1,
        rubricId,
        lastChangeDateTime: when,
        CFRubricCriterionLevels: RATING_VALUES.map((value) => {
          const levelId = memberId(`criterion-level:${statement.id}:${value}`);
          return {
            identifier: levelId,
            uri: uri(levelId, 'CFRubricCriterionLevels'),
            description: RATING_MEANINGS[value],
            quality: RATING_LABELS[value],
            score: value,
            position: value,
            rubricCriterionId: criterionId,
            lastChangeDateTime: when,
          };
        }),
      }];
    }),
  };
}
