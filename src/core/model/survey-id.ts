import type { RaterGroup } from './response.ts';

export type SurveyKind = 'self' | '360';

/** DESIGN.md: survey ids are `<framework-id>.self` and `<framework-id>.360`. */
export function surveyIdOf(frameworkId: string, kind: SurveyKind): string {
  return `${frameworkId}.${kind}`;
}

/** Self responses answer the self survey; every other group the 360 survey. */
export function surveyKindOf(group: RaterGroup): SurveyKind {
  return group === 'self' ? 'self' : '360';
}
