import { type Framework, isLevelId, LEVEL_IDS } from './framework.ts';
import { isKebabId } from './ids.ts';
import type { Issue } from './result.ts';

/**
 * Checks the structure every parser must produce: ids kebab and unique, statements pointing at
 * levels and domains that exist, a levelled framework with all four levels and a statement in
 * each. Parsers run it last, so a source that parses into something broken is refused whole.
 */
export function validateFramework(framework: Framework): Issue[] {
  const issues: Issue[] = [];
  const add = (code: string, path: string, message: string) => issues.push({ code, path, message });

  if (!isKebabId(framework.id)) add('framework.bad-id', 'id', `Framework id "${framework.id}" is not lower-case kebab.`);
  if (framework.title.trim() === '') add('framework.missing-title', 'title', 'The framework has no title.');
  if (framework.statements.length === 0) add('framework.no-statements', 'statements', 'The framework has no statements.');

  if (framework.levels.length > 0) {
    const ids = framework.levels.map((level) => level.id);
    for (const [index, id] of LEVEL_IDS.entries()) {
      if (ids[index] !== id) add('framework.missing-level', `levels.${id}`, `Level "${id}" is missing or out of order.`);
    }
    for (const id of LEVEL_IDS) {
      if (!framework.statements.some((s) => s.level === id)) {
        add('framework.empty-level', `levels.${id}`, `Level "${id}" has no statements.`);
      }
    }
  }

  const domainIds = new Set<string>();
  framework.domains.forEach((domain, index) => {
    if (!isKebabId(domain.id)) add('framework.bad-id', `domains[${index}].id`, `Domain id "${domain.id}" is not lower-case kebab.`);
    if (domainIds.has(domain.id)) add('framework.duplicate-id', `domains[${index}].id`, `Domain id "${domain.id}" is used twice.`);
    domainIds.add(domain.id);
  });

  const statementIds = new Set<string>();
  framework.statements.forEach((statement, index) => {
    const path = `statements[${index}]`;
    if (!isKebabId(statement.id)) add('framework.bad-id', `${path}.id`, `Statement id "${statement.id}" is not lower-case kebab.`);
    if (statementIds.has(statement.id)) add('framework.duplicate-id', `${path}.id`, `Statement id "${statement.id}" is used twice.`);
    statementIds.add(statement.id);
    if (statement.text.trim() === '') add('framework.empty-statement', `${path}.text`, `Statement "${statement.id}" has no text.`);
    if (framework.levels.length > 0 && !isLevelId(statement.level)) {
      add('framework.missing-level', `${path}.level`, `Statement "${statement.id}" has no level.`);
    }
    if (framework.levels.length === 0 && statement.level !== null) {
      add('framework.unexpected-level', `${path}.level`, `Statement "${statement.id}" has a level in a framework without levels.`);
    }
    if (statement.domain !== null && !domainIds.has(statement.domain)) {
      add('framework.unknown-domain', `${path}.domain`, `Statement "${statement.id}" names domain "${statement.domain}", which does not exist.`);
    }
    if (framework.domains.length > 0 && statement.domain === null) {
      add('framework.missing-domain', `${path}.domain`, `Statement "${statement.id}" belongs to no domain.`);
    }
  });
  return issues;
}
