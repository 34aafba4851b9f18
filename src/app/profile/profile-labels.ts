import { type Framework, LEVEL_LABELS, isLevelId } from '../../core/model/framework.ts';
import type { HiddenGroup, Visibility } from '../../core/score/anonymity.ts';
import type { AttainedLevel } from '../../core/score/attained-level.ts';
import type { AxisKind } from '../../core/score/axes.ts';
import { groupLabel } from '../../core/score/group-names.ts';
import { MANAGER_SHOWN_ALONE, MIN_GROUP_RESPONSES } from '../../core/score/thresholds.ts';

/** A remainder the folding rule does not allow: "1 or 2" at DESIGN.md's threshold of 3. */
const FEW = MIN_GROUP_RESPONSES === 3 ? '1 or 2' : `1 to ${MIN_GROUP_RESPONSES - 1}`;


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
    const left = `the ${FEW} raters left over could then be worked out by subtraction`;
    return othersShown
      ? `${name} (${count}): not shown on its own, because ${left} from "${groupLabel('others')}". The group's ratings and comments are combined into "${groupLabel('others')}".`
      : `${name} (${count}): not shown on its own, because ${left}; with fewer than ${MIN_GROUP_RESPONSES} responses from raters in all, no rater figures are shown yet.`;
  }
  return othersShown
    ? `${name} (${count}): fewer than ${MIN_GROUP_RESPONSES} responses, so not shown on their own. Their ratings and comments are combined into "${groupLabel('others')}".`
    : `${name} (${count}): fewer than ${MIN_GROUP_RESPONSES} responses, so not shown, to keep each rater anonymous.`;
}

const FOLDED_NAMES: Readonly<Record<HiddenGroup['group'], string>> = {
  manager: 'the manager',
  peer: 'the peers',
  'direct-report': 'the direct reports',
  other: 'the other raters',
  others: 'all others',
};

/**
 * The notice's first sentence: the anonymity rule as it applied here (DESIGN.md "Anonymity"). A
 * manager is shown alone unless that would leave 1 or 2 other raters, whose answers subtraction
 * would then reveal: when the folding rule folded a group, the sentence says that it can happen
 * and why, so the line about that group below does not contradict it (issue 14).
 */
export function visibilityRule(visibility: Visibility): string {
  const base = `To keep raters anonymous, peers, direct reports and other raters are each shown as a group only from ${MIN_GROUP_RESPONSES} responses; a manager is shown on their own from ${MANAGER_SHOWN_ALONE}.`;
  const folded = visibility.hidden.filter((hidden) => hidden.reason === 'folded-to-protect-remainder').map((hidden) => hidden.group);
  if (folded.length === 0) return base;
  const names = folded.map((group) => FOLDED_NAMES[group]);
  const who = names.length === 1 ? names[0] ?? '' : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  const verb = folded.length === 1 && folded[0] === 'manager' ? 'is' : 'are';
  return `${base} But even a group with enough responses is not shown on its own when that would leave only ${FEW} other raters, since subtracting its figures from "${groupLabel('others')}" would then give away those raters' answers. That is why ${who} ${verb} not shown on their own here.`;
}
