import { excerpt } from './echo.ts';
import { type Framework, isLevelId, LEVEL_IDS } from './framework.ts';
import { isKebabId } from './ids.ts';
import { MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS } from './limits.ts';
import type { Issue } from './result.ts';

/**
 * Checks the structure every parser must produce: ids kebab and unique, statements pointing at
 * levels and domains that exist, a levelled framework with all four levels and a statement in
 * each. Parsers run it last, so a source that parses into something broken is refused whole.
 */
export function validateFramework(framework: Framework): Issue[] {
  const issues: Issue[] = [];
  const add = (code: string, path: string, message: string) => issues.push({ code, path, message });

  // Length first: a kebab test or a message should never have to walk a 50 MB id.
  const tooLong = (path: string, text: string, max: number, what: string) => {
    if (text.length <= max) return false;
    add('framework.too-long', path, `${what} has ${text.length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')} are allowed.`);
    return true;
  };
  tooLong('title', framework.title, MAX_NAME_CHARS, 'The title');
  tooLong('description', framework.description, MAX_TEXT_CHARS, 'The description');
  framework.levels.forEach((level, index) => {
    tooLong(`levels[${index}].label`, level.label, MAX_NAME_CHARS, 'The label');
    tooLong(`levels[${index}].description`, level.description, MAX_TEXT_CHARS, 'The description');
  });
  framework.attributions.forEach((attribution, index) => {
    tooLong(`attributions[${index}].publisher`, attribution.publisher, MAX_NAME_CHARS, 'The publisher');
    tooLong(`attributions[${index}].text`, attribution.text, MAX_TEXT_CHARS, 'The text');
  });
  framework.info.forEach((section, index) => section.items.forEach((item, at) => tooLong(`info[${index}].items[${at}]`, item, MAX_TEXT_CHARS, 'The item')));
  if (tooLong('id', framework.id, MAX_ID_CHARS, 'The framework id')) return issues;
  if (!isKebabId(framework.id)) add('framework.bad-id', 'id', `Framework id ${excerpt(framework.id)} is not lower-case kebab.`);
  if (framework.title.trim() === '') add('framework.missing-title', 'title', 'The framework has no title.');
  if (framework.statements.length === 0) add('framework.no-statements', 'statements', 'The framework has no statements.');

  if (framework.levels.length > 0) {
    const ids = framework.levels.map((level) => level.id);
    for (const [index, id] of LEVEL_IDS.entries()) {
      if (ids[index] !== id) add('framework.missing-level', `levels.${id}`, `Level ${excerpt(id)} is missing or out of order.`);
    }
    for (const id of LEVEL_IDS) {
      if (!framework.statements.some((s) => s.level === id)) {
        add('framework.empty-level', `levels.${id}`, `Level ${excerpt(id)} has no statements.`);
      }
    }
  }

  const domainIds = new Set<string>();
  framework.domains.forEach((domain, index) => {
    tooLong(`domains[${index}].title`, domain.title, MAX_NAME_CHARS, 'The title');
    tooLong(`domains[${index}].description`, domain.description, MAX_TEXT_CHARS, 'The description');
    if (tooLong(`domains[${index}].id`, domain.id, MAX_ID_CHARS, 'The domain id')) return;
    if (!isKebabId(domain.id)) add('framework.bad-id', `domains[${index}].id`, `Domain id ${excerpt(domain.id)} is not lower-case kebab.`);
    if (domainIds.has(domain.id)) add('framework.duplicate-id', `domains[${index}].id`, `Domain id ${excerpt(domain.id)} is used twice.`);
    domainIds.add(domain.id);
  });

  const statementIds = new Set<string>();
  framework.statements.forEach((statement, index) => {
    const path = `statements[${index}]`;
    tooLong(`${path}.text`, statement.text, MAX_TEXT_CHARS, 'The statement');
    tooLong(`${path}.source`, statement.source, MAX_TEXT_CHARS, 'The source');
    if (tooLong(`${path}.id`, statement.id, MAX_ID_CHARS, 'The statement id')) return;
    if (!isKebabId(statement.id)) add('framework.bad-id', `${path}.id`, `Statement id ${excerpt(statement.id)} is not lower-case kebab.`);
    if (statementIds.has(statement.id)) add('framework.duplicate-id', `${path}.id`, `Statement id ${excerpt(statement.id)} is used twice.`);
    statementIds.add(statement.id);
    if (statement.text.trim() === '') add('framework.empty-statement', `${path}.text`, `Statement ${excerpt(statement.id)} has no text.`);
    if (framework.levels.length > 0 && !isLevelId(statement.level)) {
      add('framework.missing-level', `${path}.level`, `Statement ${excerpt(statement.id)} has no level.`);
    }
    if (framework.levels.length === 0 && statement.level !== null) {
      add('framework.unexpected-level', `${path}.level`, `Statement ${excerpt(statement.id)} has a level in a framework without levels.`);
    }
    if (statement.domain !== null && !domainIds.has(statement.domain)) {
      add('framework.unknown-domain', `${path}.domain`, `Statement ${excerpt(statement.id)} names domain ${excerpt(statement.domain)}, which does not exist.`);
    }
    if (framework.domains.length > 0 && statement.domain === null) {
      add('framework.missing-domain', `${path}.domain`, `Statement ${excerpt(statement.id)} belongs to no domain.`);
    }
  });
  return issues;
}
