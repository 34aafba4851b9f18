import { type Framework, LEVEL_LABELS, isLevelId } from '../../core/model/framework.ts';
import type { HiddenGroup } from '../../core/score/anonymity.ts';
import type { AttainedLevel } from '../../core/score/attained-level.ts';
import type { AxisKind } from '../../core/score/axes.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { MIN_GROUP_RESPONSES } from '../../core/score/thresholds.ts';


const DOMAIN_NOUNS: Readonly<Record<string, [string, string]>> = {
  domain: ['domain', 'domains'],
  'competency-area': ['competency area', 'competency areas'],
  'work-situation': ['work situation', 'work situations'],
  'competency-group': ['competency group', 'competency groups'],
};

/** "domain" / "domains", or what the framework's source calls its groups of statements. */
export function domainNoun(framework: Framework, plural: boolean): string {
  const [one, many] = DOMAIN_NOUNS[framework.domains[0]?.kind ?? 'domain'] ?? ['domain', 'domains'];
  return plural ? many : one;
}

export function levelLabel(framework: Framework, id: string): string {
  return framework.levels.find((level) => level.id === id)?.label ?? (isLevelId(id) ? LEVEL_LABELS[id] : id);
}

export function domainLabel(framework: Framework, id: string): string {
  return framework.domains.find((domain) => domain.id === id)?.title ?? id;
}

export function axisLabel(framework: Framework, kind: AxisKind, id: string): string {
  if (kind === 'framework') return 'Whole framework';
  return kind === 'level' ? levelLabel(framework, id) : domainLabel(framework, id);
}

/**
 * A framework without levels has one bar, its standard: the attained level is then
 * `standardLevel` or not-yet, said as "Meets the standard" / "Not yet" (README).
 */
export function attainedLabel(framework: Framework, attained: AttainedLevel | null): string {
  if (attained === null) return '—';
  if (attained === 'not-yet') return 'Not yet';
  return framework.levels.length === 0 ? 'Meets the standard' : levelLabel(framework, attained);
}

/** A page id of the survey (a level or domain id) or `general`, as a reader would name it. */
export function topicLabel(framework: Framework, topic: string): string {
  if (topic === 'general') return 'General';
  if (framework.domains.some((domain) => domain.id === topic)) return domainLabel(framework, topic);
  if (isLevelId(topic)) return levelLabel(framework, topic);
  return topic;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** DESIGN.md "Anonymity", told plainly: which group is missing, how many responses it has, why. */
export function hiddenGroupNotice(hidden: HiddenGroup, othersShown: boolean): string {
  const name = groupLabel(hidden.group);
  const count = plural(hidden.responses, 'response', 'responses');
  if (hidden.group === 'others') {
    return `${name} (${count}): fewer than ${MIN_GROUP_RESPONSES} responses from raters in total, so no rater figures or comments are shown yet, to keep every rater anonymous.`;
  }
  if (hidden.reason === 'folded-to-protect-remainder') {
    return `${name} (${count}): not shown on its own, because the raters left over could then be worked out by subtraction from "${groupLabel('others')}". The group's ratings and comments are combined into "${groupLabel('others')}".`;
  }
  return othersShown
    ? `${name} (${count}): fewer than ${MIN_GROUP_RESPONSES} responses, so not shown on their own. Their ratings and comments are combined into "${groupLabel('others')}".`
    : `${name} (${count}): fewer than ${MIN_GROUP_RESPONSES} responses, so not shown, to keep each rater anonymous.`;
}
