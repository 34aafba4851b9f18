import { type Framework, LEVEL_IDS, type LevelId, type Statement } from '../../src/core/model/framework.ts';

/** Small frameworks made for tests, so that core tests do not depend on the seed parsers. */
export function testFramework(id: string, statements: Statement[], levelled: boolean, domains: string[]): Framework {
  return {
    id,
    title: id,
    version: '1',
    description: '',
    attributions: [],
    levels: levelled ? LEVEL_IDS.map((level) => ({ id: level, label: level, description: '' })) : [],
    standardLevel: 'proficient',
    domains: domains.map((domain) => ({ id: domain, title: domain, kind: 'domain', description: '', mandatory: true })),
    statements,
    info: [],
    alignments: [],
  };
}

export function testStatement(id: string, level: LevelId | null, domain: string | null): Statement {
  return { id, text: `Statement ${id}`, level, domain, source: '' };
}
