import {
  type AlignmentMatrix, type Attribution, type CaseItemRef, type Domain, type DomainKind, type Framework, type InfoSection,
  type Level, type Statement, isLevelId,
} from '../model/framework.ts';
import { MAX_ID_CHARS, MAX_NOTE_CHARS } from './limits.ts';
import { type Issue, type Result, inFile } from '../model/result.ts';
import { validateFramework } from '../model/validate-framework.ts';
import { isRecord, own } from './json-value.ts';

/**
 * Skillscope's own framework file: the Framework model as JSON, with a format tag. It is how a
 * framework of any source travels whole (an invitation link, an export, `generate -- FILE`).
 */
export const FRAMEWORK_FORMAT = 'skillscope-framework';
export const FRAMEWORK_FORMAT_VERSION = 1;
const DOMAIN_KINDS: readonly DomainKind[] = ['domain', 'competency-area', 'work-situation', 'competency-group'];

export function looksLikeSkillscopeFramework(value: unknown): boolean {
  return isRecord(value) && own(value, 'format') === FRAMEWORK_FORMAT;
}

/** A reader that records every type problem with its path and carries on. */
class Reader {
  readonly issues: Issue[] = [];
  constructor(private readonly file: string) {}

  problem(path: string, message: string, code = 'framework.bad-type'): void {
    this.issues.push({ code, file: this.file, path, message });
  }
  text(record: Record<string, unknown>, key: string, path: string): string {
    const value = own(record, key);
    if (typeof value === 'string') return value;
    this.problem(`${path}.${key}`, `${key} must be a string.`);
    return '';
  }
  nullableText(record: Record<string, unknown>, key: string, path: string): string | null {
    const value = own(record, key);
    return value === null ? null : this.text(record, key, path);
  }
  list(record: Record<string, unknown>, key: string, path: string): unknown[] {
    const value = own(record, key);
    if (Array.isArray(value)) return value;
    this.problem(`${path}.${key}`, `${key} must be a list.`);
    return [];
  }
  each<T>(record: Record<string, unknown>, key: string, path: string, read: (item: Record<string, unknown>, at: string) => T): T[] {
    return this.list(record, key, path).flatMap((item, index) => {
      const at = `${path}.${key}[${index}]`;
      if (isRecord(item)) return [read(item, at)];
      this.problem(at, 'Each entry must be an object.');
      return [];
    });
  }
  strings(record: Record<string, unknown>, key: string, path: string): string[] {
    return this.list(record, key, path).flatMap((item, index) => {
      if (typeof item === 'string') return [item];
      this.problem(`${path}.${key}[${index}]`, 'Each entry must be a string.');
      return [];
    });
  }
}

/** A statement's optional CASE item (src/core/case), its identifier and URI capped like other ids and notes. */
function readCaseItem(r: Reader, item: Record<string, unknown>, at: string): CaseItemRef | undefined {
  const value = own(item, 'caseItem');
  if (value === undefined) return undefined;
  const path = `${at}.caseItem`;
  if (!isRecord(value)) {
    r.problem(path, 'caseItem must be an object with identifier and uri.');
    return undefined;
  }
  const ref = { identifier: r.text(value, 'identifier', path), uri: r.text(value, 'uri', path) };
  if (ref.identifier.length > MAX_ID_CHARS) r.problem(`${path}.identifier`, `identifier has ${ref.identifier.length.toLocaleString('en')} characters; at most ${MAX_ID_CHARS} are allowed.`, 'framework.too-long');
  if (ref.uri.length > MAX_NOTE_CHARS) r.problem(`${path}.uri`, `uri has ${ref.uri.length.toLocaleString('en')} characters; at most ${MAX_NOTE_CHARS.toLocaleString('en')} are allowed.`, 'framework.too-long');
  return ref;
}

export function readSkillscopeFramework(value: unknown, file: string): Result<Framework> {
  const r = new Reader(file);
  if (!isRecord(value) || own(value, 'format') !== FRAMEWORK_FORMAT) {
    return { ok: false, issues: [{ code: 'framework.unknown-format', file, path: 'format', message: `format must be "${FRAMEWORK_FORMAT}".` }] };
  }
  if (own(value, 'version') !== FRAMEWORK_FORMAT_VERSION) {
    r.problem('version', `This Skillscope reads version ${FRAMEWORK_FORMAT_VERSION} framework files.`, 'framework.unsupported-version');
  }
  const body = own(value, 'framework');
  if (!isRecord(body)) {
    r.problem('framework', 'framework must be an object.');
    return { ok: false, issues: r.issues };
  }
  const p = 'framework';
  const standardLevel = own(body, 'standardLevel');
  if (!isLevelId(standardLevel)) r.problem(`${p}.standardLevel`, 'standardLevel must be a level id.');

  const framework: Framework = {
    id: r.text(body, 'id', p),
    title: r.text(body, 'title', p),
    version: r.text(body, 'version', p),
    description: r.text(body, 'description', p),
    attributions: r.each(body, 'attributions', p, (item, at): Attribution => ({
      publisher: r.text(item, 'publisher', at),
      text: r.text(item, 'text', at),
      licence: r.nullableText(item, 'licence', at),
      sourceFile: r.text(item, 'sourceFile', at),
    })),
    levels: r.each(body, 'levels', p, (item, at): Level => {
      const id = own(item, 'id');
      if (!isLevelId(id)) r.problem(`${at}.id`, 'id must be emerging, developing, proficient or advanced.');
      return { id: isLevelId(id) ? id : 'emerging', label: r.text(item, 'label', at), description: r.text(item, 'description', at) };
    }),
    standardLevel: isLevelId(standardLevel) ? standardLevel : 'proficient',
    domains: r.each(body, 'domains', p, (item, at): Domain => {
      const kind = own(item, 'kind');
      const mandatory = own(item, 'mandatory');
      if (!DOMAIN_KINDS.includes(kind as DomainKind)) r.problem(`${at}.kind`, `kind must be one of ${DOMAIN_KINDS.join(', ')}.`);
      if (typeof mandatory !== 'boolean') r.problem(`${at}.mandatory`, 'mandatory must be true or false.');
      return {
        id: r.text(item, 'id', at),
        title: r.text(item, 'title', at),
        kind: DOMAIN_KINDS.includes(kind as DomainKind) ? (kind as DomainKind) : 'domain',
        description: r.text(item, 'description', at),
        mandatory: mandatory !== false,
      };
    }),
    statements: r.each(body, 'statements', p, (item, at): Statement => {
      const level = own(item, 'level');
      if (level !== null && !isLevelId(level)) r.problem(`${at}.level`, 'level must be a level id or null.');
      const statement: Statement = {
        id: r.text(item, 'id', at),
        text: r.text(item, 'text', at),
        level: isLevelId(level) ? level : null,
        domain: r.nullableText(item, 'domain', at),
        source: r.text(item, 'source', at),
      };
      const caseItem = readCaseItem(r, item, at);
      return caseItem === undefined ? statement : { ...statement, caseItem };
    }),
    info: r.each(body, 'info', p, (item, at): InfoSection => ({
      id: r.text(item, 'id', at),
      title: r.text(item, 'title', at),
      items: r.strings(item, 'items', at),
    })),
    alignments: r.each(body, 'alignments', p, (item, at): AlignmentMatrix => ({
      id: r.text(item, 'id', at),
      title: r.text(item, 'title', at),
      rows: r.strings(item, 'rows', at),
      columns: r.strings(item, 'columns', at),
      cells: r.list(item, 'cells', at).map((row, index) =>
        Array.isArray(row) && row.every((cell) => typeof cell === 'boolean')
          ? (row as boolean[])
          : (r.problem(`${at}.cells[${index}]`, 'Each row of cells must be a list of true or false.'), []),
      ),
    })),
  };
  if (r.issues.length > 0) return { ok: false, issues: r.issues };
  const problems = validateFramework(framework);
  return problems.length > 0 ? { ok: false, issues: inFile(file, problems.map((issue) => ({ ...issue, path: `framework.${issue.path}` }))) } : { ok: true, value: framework };
}
