import type { PipelineLine } from './pipeline-layout.ts';
import { tabCells } from './pipeline-layout.ts';
import { findTierRowReading, normaliseTierRow } from './pipeline-tier-readings.ts';

/**
 * The tier pyramid of the PIPELINE document: tier headings ("Workplace Competencies") with the
 * rows of boxes under them. The document's top tier comes first.
 */

export type Tier = { title: string; items: string[] };

export type Tiers = {
  tiers: Tier[];
  /** What the OCR damaged beyond repair, one sentence per loss. */
  lost: string[];
};

const TIER_HEADING = /^[A-Z][A-Za-z-]*(?: [A-Z][A-Za-z-]*)* (?:Competencies|Requirements)\*?$/;

/**
 * A row that is nothing but known competency names run together (the occupation-specific tier
 * lists exactly the competencies defined later), split into those names; null otherwise.
 */
function splitIntoNames(row: string, names: readonly string[]): string[] | null {
  const longestFirst = [...names].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  let rest = row;
  while (rest !== '') {
    const name = longestFirst.find((candidate) => rest === candidate || rest.startsWith(`${candidate} `));
    if (name === undefined) return null;
    found.push(name);
    rest = rest.slice(name.length).trim();
  }
  return found.length > 0 ? found : null;
}

export function readTiers(lines: readonly PipelineLine[], competencyNames: readonly string[]): Tiers {
  const tiers: Tier[] = [];
  const lost: string[] = [];
  for (const line of lines) {
    const cells = tabCells(line);
    while (cells.length > 0 && TIER_HEADING.test(cells[0] as string)) {
      tiers.push({ title: cells.shift() as string, items: [] });
    }
    if (cells.length === 0) continue;

    const row = normaliseTierRow(cells);
    const reading = findTierRowReading(row);
    const names = reading === undefined ? splitIntoNames(row, competencyNames) : null;
    const items = reading?.items ?? names ?? [row];
    if (reading !== undefined) lost.push(...reading.lost);
    else if (names === null) lost.push(`Row ${line.row} of the tier pyramid is kept as it stands, unchecked: "${row}".`);

    const tier = tiers.at(-1);
    if (tier === undefined) tiers.push({ title: '', items: [...items] });
    else tier.items.push(...items);
  }
  return { tiers, lost };
}

/** One line per tier: `Workplace Competencies: Teamwork; Planning and Organizing; ...`. */
export function describeTier(tier: Tier): string {
  if (tier.items.length === 0) return tier.title;
  if (tier.title === '') return tier.items.join('; ');
  return `${tier.title}: ${tier.items.join('; ')}`;
}
