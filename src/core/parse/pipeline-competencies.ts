import type { Issue } from '../model/result.ts';
import type { PipelineSection } from './pipeline-layout.ts';

/**
 * The competency definitions of the PIPELINE document: "Name – definition." entries, mostly one
 * to a line, though OCR ran two together on one line ("... customer issues. Company Specific
 * Software – Demonstrate ..."). A line with no entry start continues the definition above it.
 */

export type Competency = { name: string; definition: string; row: number };

type Issues = Omit<Issue, 'file'>[];

/**
 * An entry starts at the start of a line or after a sentence: a name of capitalised words (with
 * "&", "/", "and", "of") and a dash with spaces around it. Hyphens inside words
 * ("re-occurrence") have no spaces, so they never start an entry.
 */
const ENTRY_START = /(?<=^|[.!?]\s+)([A-Z][\w/&'’]*(?:\s+(?:[A-Z&][\w/&'’]*|and|of))*)\s+[–—-]\s+/g;

export function readCompetencies(section: PipelineSection, path: string, issues: Issues): Competency[] {
  const competencies: Competency[] = [];
  for (const line of section.lines) {
    if (line.text === '') continue;
    const starts = [...line.text.matchAll(ENTRY_START)];
    const firstStart = starts[0]?.index ?? line.text.length;
    const before = line.text.slice(0, firstStart).trim();
    if (before !== '') {
      const last = competencies.at(-1);
      if (last === undefined) {
        issues.push({
          code: 'pipeline.unreadable-line',
          row: line.row,
          path,
          message: `"${before}" is not a competency: a competency reads "Name – definition".`,
        });
      } else {
        last.definition = `${last.definition} ${before}`.trim();
      }
    }
    starts.forEach((match, index) => {
      const end = starts[index + 1]?.index ?? line.text.length;
      const definition = line.text.slice((match.index ?? 0) + match[0].length, end).trim();
      competencies.push({ name: (match[1] ?? '').trim(), definition, row: line.row });
    });
  }

  const seen = new Set<string>();
  for (const competency of competencies) {
    if (competency.definition === '') {
      issues.push({ code: 'pipeline.missing-definition', row: competency.row, path, message: `Competency "${competency.name}" has no definition after its dash.` });
    } else if (!/[.!?]$/.test(competency.definition)) {
      issues.push({
        code: 'pipeline.truncated-definition',
        row: competency.row,
        path,
        message: `The definition of "${competency.name}" stops mid-sentence ("…${competency.definition.slice(-30)}"): the file may be cut short.`,
      });
    }
    if (seen.has(competency.name.toLowerCase())) {
      issues.push({ code: 'pipeline.duplicate-competency', row: competency.row, path, message: `Competency "${competency.name}" is defined twice.` });
    }
    seen.add(competency.name.toLowerCase());
  }
  if (competencies.length === 0) {
    issues.push({ code: 'pipeline.empty-section', row: section.row, path, message: `The section "${section.heading}" defines no competency ("Name – definition").` });
  }
  return competencies;
}
