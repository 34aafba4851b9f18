import { type Domain, LEVEL_IDS, type Statement } from '../model/framework.ts';
import { kebab, statementId } from '../model/ids.ts';
import type { Issue } from '../model/result.ts';
import type { SourceTag } from './css-source-tags.ts';
import { isListItem, readTaggedItem, type SourceLine } from './css-statement-lines.ts';

/** DESIGN.md's durable-skill domains, in source order, and how many statements each has. */
export const DURABLE_DOMAIN_COUNTS: ReadonlyMap<string, number> = new Map([
  ['communication', 12],
  ['leadership', 8],
  ['metacognition', 8],
  ['critical-thinking', 8],
  ['collaboration', 8],
  ['character', 8],
  ['creativity', 8],
  ['growth-mindset', 8],
  ['mindfulness', 8],
  ['fortitude', 8],
]);

/** "1Communication12 statements": number, title and declared count run together. */
const DOMAIN_HEADING = /^(\d+)(\D.*?)(\d+) statements?$/;

export function isDomainHeading(line: SourceLine): boolean {
  return DOMAIN_HEADING.test(line.text);
}

export type DurableDomains = {
  domains: Domain[];
  statements: Statement[];
  tags: SourceTag[];
  /** Index in `lines` of the first line after the last domain. */
  end: number;
};

type DomainBlock = { domain: Domain; declared: number; row: number; items: SourceLine[] };

/**
 * Reads domain headings and their list items from `lines[start]` on. Within a domain the source
 * runs from emerging to advanced, a quarter of the statements per level (DESIGN.md).
 */
export function parseDurableDomains(lines: readonly SourceLine[], start: number, issues: Issue[]): DurableDomains {
  const blocks: DomainBlock[] = [];
  let end = start;
  for (; end < lines.length; end += 1) {
    const line = lines[end];
    if (line === undefined) break;
    const heading = DOMAIN_HEADING.exec(line.text);
    if (heading !== null) {
      const title = (heading[2] ?? '').trim();
      const domain: Domain = { id: kebab(title), title, kind: 'domain', description: '', mandatory: true };
      blocks.push({ domain, declared: Number(heading[3]), row: line.row, items: [] });
    } else if (isListItem(line) && blocks.length > 0) {
      blocks.at(-1)?.items.push(line);
    } else {
      break;
    }
  }

  checkDomainSet(blocks, issues);
  const statements: Statement[] = [];
  const tags: SourceTag[] = [];
  for (const block of blocks) {
    const { domain, items } = block;
    const path = `durableSkills.domains.${domain.id}`;
    const expected = DURABLE_DOMAIN_COUNTS.get(domain.id);
    if (items.length !== block.declared) {
      issues.push({ code: 'css.domain-count', row: block.row, path, message: `Domain "${domain.title}" says it has ${block.declared} statements but lists ${items.length}.` });
    } else if (expected !== undefined && items.length !== expected) {
      issues.push({ code: 'css.domain-count', row: block.row, path, message: `Domain "${domain.title}" should have ${expected} statements; it has ${items.length}.` });
    }
    if (items.length % LEVEL_IDS.length !== 0) {
      issues.push({ code: 'css.domain-levels', row: block.row, path, message: `Domain "${domain.title}" has ${items.length} statements, which do not split evenly over the four levels.` });
    }
    const perLevel = Math.max(1, Math.floor(items.length / LEVEL_IDS.length));
    items.forEach((line, index) => {
      const item = readTaggedItem(line, `${path}.statements[${index}]`, issues);
      tags.push(...item.tags);
      statements.push({
        id: statementId(domain.id, index + 1),
        text: item.text,
        level: LEVEL_IDS[Math.min(Math.floor(index / perLevel), LEVEL_IDS.length - 1)] ?? 'advanced',
        domain: domain.id,
        source: item.source,
      });
    });
  }
  return { domains: blocks.map((block) => block.domain), statements, tags, end };
}

function checkDomainSet(blocks: readonly DomainBlock[], issues: Issue[]): void {
  const found = new Set(blocks.map((block) => block.domain.id));
  for (const id of DURABLE_DOMAIN_COUNTS.keys()) {
    if (!found.has(id)) {
      issues.push({ code: 'css.missing-domain', path: `durableSkills.domains.${id}`, message: `The durable skills framework has no "${id}" domain.` });
    }
  }
  for (const block of blocks) {
    if (!DURABLE_DOMAIN_COUNTS.has(block.domain.id)) {
      issues.push({ code: 'css.unexpected-domain', row: block.row, path: `durableSkills.domains.${block.domain.id}`, message: `"${block.domain.title}" is not one of the ten durable-skill domains.` });
    }
  }
}
