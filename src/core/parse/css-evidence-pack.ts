import type { InfoSection } from '../model/framework.ts';
import { kebab } from '../model/ids.ts';

/**
 * The AI-at-Work "Evidence pack": list items that alternate a heading ("AEI usage") and its
 * facts run together on one line ("Task observations: 3240Augment share: 95%…"). Metadata for
 * the learner to read, so it becomes info sections, never statements.
 */
export function parseEvidencePack(items: readonly string[]): InfoSection[] {
  const sections: InfoSection[] = [];
  for (let index = 0; index < items.length; index += 2) {
    const heading = items[index] ?? '';
    const facts = items[index + 1];
    sections.push({
      id: `evidence-${kebab(heading)}`,
      title: `Evidence pack: ${heading}`,
      items: facts === undefined ? [] : splitFacts(facts),
    });
  }
  return sections;
}

/**
 * "Task observations: 3240Augment share: 95%" -> two facts: a new fact starts where a capitalised
 * "Label: " follows a value's last character with no space. A display name glued to its own
 * snake_case id ("Artificial Intelligenceartificial_intelligence") is split into "name (id)".
 * A lower-case label glued to a value ("Q2_ai_augmentedprecision: exact") cannot be told apart
 * and is kept as the page has it.
 */
export function splitFacts(line: string): string[] {
  return line
    .split(/(?<=[a-z0-9%])(?=[A-Z][A-Za-z ]*: )/)
    .map((fact) => separateNameFromId(fact.trim()))
    .filter((fact) => fact !== '');
}

function separateNameFromId(fact: string): string {
  for (let split = 1; split < fact.length; split += 1) {
    const name = fact.slice(0, split);
    const id = fact.slice(split);
    if (id.includes('_') && snake(name) === id) return `${name} (${id})`;
  }
  return fact;
}

function snake(text: string): string {
  return kebab(text).replace(/-/g, '_');
}
