import type { Attribution } from '../model/framework.ts';
import type { SourceTag } from './css-source-tags.ts';

/**
 * Attributions for the three 001 frameworks, from what the page itself says: the citation
 * chips (who each statement cites), and the footer "Sources: O*NET v30.2 (CC BY 4.0), …,
 * Pathsmith Durable Skills Framework. © 2026 EBSCOed." (licences and the page's copyright).
 */

export type PageFooter = {
  /** "O*NET v30.2 (CC BY 4.0)", "SkillsCrosswalk.com", … */
  entries: string[];
  /** "© 2026 EBSCOed", or null where the page has none. */
  copyright: string | null;
};

export const NO_FOOTER: PageFooter = { entries: [], copyright: null };

export function parseFooter(line: string): PageFooter {
  const [list = '', copyright] = line.replace(/^Sources:\s*/, '').split('©');
  const entries = list
    .trim()
    .replace(/\.$/, '')
    .split(/,\s*(?![^()]*\))/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return { entries, copyright: copyright === undefined ? null : `© ${copyright.trim().replace(/\.$/, '')}` };
}

/**
 * Who publishes what a chip cites, where the chip's label is not already the publisher's name.
 * Only names the page gives (in the chip's title or the footer).
 */
const PUBLISHERS: ReadonlyMap<string, string> = new Map([
  ['Pathsmith Durable Skills', 'Pathsmith (America Succeeds + CompTIA)'],
  ['O*NET v30.2', 'O*NET Resource Center'],
  ['Jadhav & Danve, 2026', 'Jadhav & Danve (SAFI)'],
]);

/** One attribution per distinct cited source, in the order first cited. */
export function attributeSourceTags(tags: readonly SourceTag[], footer: PageFooter, sourceFile: string): Attribution[] {
  const byTitle = new Map<string, Attribution>();
  for (const tag of tags) {
    if (byTitle.has(tag.title)) continue;
    const licence = licenceOf(tag.label, footer);
    byTitle.set(tag.title, {
      publisher: PUBLISHERS.get(tag.label) ?? tag.label,
      text: licence === null ? tag.title : `${tag.title}, ${licence}`,
      licence,
      sourceFile,
    });
  }
  return [...byTitle.values()];
}

/** The page's own copyright, which covers the statements as worded on it. */
export function attributePage(frameworkTitle: string, footer: PageFooter, sourceFile: string): Attribution[] {
  if (footer.copyright === null) return [];
  const holder = footer.copyright.replace(/^©\s*\d{4}\s*/, '');
  return [{ publisher: holder, text: `${frameworkTitle}, ${footer.copyright}`, licence: null, sourceFile }];
}

/** A footer entry "O*NET v30.2 (CC BY 4.0)" gives the licence of the chip labelled "O*NET v30.2". */
function licenceOf(label: string, footer: PageFooter): string | null {
  for (const entry of footer.entries) {
    if (!entry.startsWith(label)) continue;
    const licence = /\((CC[ -]BY[^)]*)\)/.exec(entry)?.[1];
    if (licence !== undefined) return licence;
  }
  return null;
}
