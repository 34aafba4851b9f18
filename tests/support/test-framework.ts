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

/**
 * A small framework file in the O*NET export format (seed 004's), for command-line tests: two
 * statements a level, its id `onet-` and the SOC code with dashes.
 */
export function onetExportFile(soc: string, title: string) {
  return {
    schemaVersion: '1.0',
    occupation: { soc, title, group: 'Test', sector: '54', jobZone: 3, jobZoneInferred: false },
    framework: {
      version: 'v1',
      description: '',
      contextCovered: 'Tests.',
      levels: {
        emerging: { label: 'Emerging', statements: ['Do a first thing.', 'Do a second thing.'] },
        developing: { label: 'Developing', statements: ['Do a third thing.', 'Do a fourth thing.'] },
        proficient: { label: 'Proficient', statements: ['Do a fifth thing.', 'Do a sixth thing.'] },
        advanced: { label: 'Advanced', statements: ['Do a seventh thing.', 'Do an eighth thing.'] },
      },
    },
  };
}
