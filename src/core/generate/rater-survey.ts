import type { Framework } from '../model/framework.ts';
import { OTHER_GROUPS } from '../model/response.ts';
import type { PageJson, SurveyJson } from './survey-json.ts';
import { LEARNER_VARIABLE, RATER_GROUP_QUESTION } from './survey-identity.ts';
import { surveyShell } from './survey-metadata.ts';
import { statementPages } from './survey-pages.ts';

const LEARNER = `{${LEARNER_VARIABLE}}`;
const GROUP_LABELS: Record<(typeof OTHER_GROUPS)[number], string> = {
  manager: `I am ${LEARNER}'s manager`,
  peer: `I am ${LEARNER}'s peer`,
  'direct-report': `${LEARNER} is my manager (I am a direct report)`,
  other: 'Other (for example a client, coach or colleague from another team)',
};

const HOW_TO_RATE = `For each statement, choose what you have seen ${LEARNER} do: Not yet, With support, Independently, or Consistently, and can guide others. Choose "Not observed" where you have not seen it.`;

function relationshipPage(): PageJson {
  return {
    name: 'relationship',
    title: `About you and ${LEARNER}`,
    description: `Your answers are combined with those of others in your group; ${LEARNER} sees them without your name.`,
    elements: [{
      type: 'radiogroup',
      name: RATER_GROUP_QUESTION,
      title: `How do you work with ${LEARNER}?`,
      choices: OTHER_GROUPS.map((group) => ({ value: group, text: GROUP_LABELS[group] })),
      colCount: 1,
      isRequired: true,
    }],
  };
}

/**
 * The 360 rater survey: the same statements and scale as the self survey, so the two compare,
 * addressing the learner through the `learner` survey variable that the app sets from the link.
 */
export function buildRaterSurvey(framework: Framework): SurveyJson {
  return {
    ...surveyShell(framework, '360', `${framework.title}: 360 feedback for ${LEARNER}`, `You have been asked to rate ${LEARNER}. Your answers are saved in this browser as you go.`),
    pages: [relationshipPage(), ...statementPages(framework, 'rater', HOW_TO_RATE, `Anything to add for ${LEARNER} about`)],
  };
}
