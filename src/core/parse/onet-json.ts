import { type Attribution, type Framework, LEVEL_IDS, LEVEL_LABELS, type Level, type Statement } from '../model/framework.ts';
import { onetFrameworkId, statementId } from '../model/ids.ts';
import { type Issue, type Result, inFile } from '../model/result.ts';
import { validateFramework } from '../model/validate-framework.ts';
import { readJson } from '../input/read-json.ts';
import { isRecord, own } from '../model/json-value.ts';

/**
 * The O*NET-based JSON export of seed 004 (`schemaVersion`, `occupation`, `framework.levels`),
 * used for hundreds of occupations. The built-in occupation keeps its catalogue id; any other
 * becomes `onet-<soc>` (DESIGN.md).
 */
const BUILTIN_IDS: ReadonlyMap<string, string> = new Map([['15-1232.00', 'css-occupational']]);
const SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;

export function looksLikeOnetExport(value: unknown): boolean {
  return isRecord(value) && own(value, 'schemaVersion') !== undefined && isRecord(own(value, 'occupation'));
}

export function parseOnetExport(text: string, file: string): Result<Framework> {
  const json = readJson(text, { file });
  if (!json.ok) return json;
  return readOnetExport(json.value, file);
}

export function readOnetExport(value: unknown, file: string): Result<Framework> {
  const issues: Issue[] = [];
  const fail = (code: string, path: string, message: string) => issues.push({ code, file, path, message });

  if (!isRecord(value)) {
    return { ok: false, issues: [{ code: 'onet.not-an-object', file, path: '', message: 'The file must hold a JSON object.' }] };
  }
  const occupation = own(value, 'occupation');
  const body = own(value, 'framework');
  if (typeof own(value, 'schemaVersion') !== 'string') fail('onet.missing-field', 'schemaVersion', 'schemaVersion must be a string such as "1.0".');

  let soc = '';
  let title = '';
  if (!isRecord(occupation)) {
    fail('onet.missing-field', 'occupation', 'occupation must be an object with soc and title.');
  } else {
    const socValue = own(occupation, 'soc');
    const titleValue = own(occupation, 'title');
    if (typeof socValue !== 'string' || !SOC_CODE.test(socValue.trim())) {
      fail('onet.bad-soc', 'occupation.soc', 'occupation.soc must be an O*NET-SOC code such as "15-1232.00".');
    } else soc = socValue.trim();
    if (typeof titleValue !== 'string' || titleValue.trim() === '') {
      fail('onet.missing-field', 'occupation.title', 'occupation.title must be a non-empty string.');
    } else title = titleValue.trim();
  }

  const levels: Level[] = [];
  const statements: Statement[] = [];
  let version = 'unversioned';
  let description = '';
  if (!isRecord(body)) {
    fail('onet.missing-field', 'framework', 'framework must be an object with levels.');
  } else {
    const versionValue = own(body, 'version');
    if (typeof versionValue === 'string' && versionValue.trim() !== '') version = versionValue.trim();
    description = [own(body, 'description'), own(body, 'contextCovered')]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .join('\n\n');
    const levelMap = own(body, 'levels');
    if (!isRecord(levelMap)) {
      fail('onet.missing-field', 'framework.levels', 'framework.levels must be an object with emerging, developing, proficient and advanced.');
    } else {
      for (const key of Object.keys(levelMap)) {
        if (!(LEVEL_IDS as readonly string[]).includes(key)) {
          fail('onet.unknown-level', `framework.levels.${key}`, `"${key}" is not a level; the levels are ${LEVEL_IDS.join(', ')}.`);
        }
      }
      for (const levelId of LEVEL_IDS) {
        const path = `framework.levels.${levelId}`;
        const level = own(levelMap, levelId);
        if (!isRecord(level)) {
          fail('onet.missing-level', path, `Level "${levelId}" is missing.`);
          continue;
        }
        const label = own(level, 'label');
        levels.push({ id: levelId, label: typeof label === 'string' && label.trim() !== '' ? label.trim() : LEVEL_LABELS[levelId], description: '' });
        const list = own(level, 'statements');
        if (!Array.isArray(list)) {
          fail('onet.bad-type', `${path}.statements`, 'statements must be a list of strings.');
          continue;
        }
        if (list.length === 0) fail('onet.empty-level', `${path}.statements`, `Level "${levelId}" has no statements.`);
        list.forEach((entry: unknown, index) => {
          if (typeof entry !== 'string' || entry.trim() === '') {
            fail('onet.bad-type', `${path}.statements[${index}]`, 'Each statement must be a non-empty string.');
            return;
          }
          // Kept exactly: text that merely looks strange (HTML, formulas, RTL marks) stays text.
          statements.push({ id: statementId(levelId, index + 1), text: entry, level: levelId, domain: null, source: `O*NET ${soc}` });
        });
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const framework: Framework = {
    id: BUILTIN_IDS.get(soc) ?? onetFrameworkId(soc),
    title,
    version,
    description,
    attributions: onetAttributions(value, file),
    levels,
    standardLevel: 'proficient',
    domains: [],
    statements,
    info: occupationInfo(value, soc),
    alignments: [],
  };
  const problems = validateFramework(framework);
  return problems.length > 0 ? { ok: false, issues: inFile(file, problems) } : { ok: true, value: framework };
}

/**
 * Two credits: O*NET's (CC BY 4.0 requires it wherever the content goes) and the export's own
 * notice with the sources it names.
 */
function onetAttributions(value: Record<string, unknown>, file: string): Attribution[] {
  const sources = own(value, 'sources');
  const texts = isRecord(sources)
    ? Object.keys(sources).flatMap((key) => {
        const entry = own(sources, key);
        return typeof entry === 'string' ? [`${key}: ${entry}`] : [];
      })
    : [];
  const onet = isRecord(sources) ? own(sources, 'onet') : undefined;
  const notice = own(value, 'attribution');
  const version = typeof onet === 'string' ? ` ${onet.replace(/\(.*\)/, '').trim()}` : '';
  const credits: Attribution[] = [{
    publisher: `O*NET${version}, U.S. Department of Labor`,
    text: 'Includes information from O*NET OnLine by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license.',
    licence: 'CC BY 4.0',
    sourceFile: file,
  }];
  if ((typeof notice === 'string' && notice.trim() !== '') || texts.length > 0) {
    credits.push({
      publisher: typeof notice === 'string' && notice.trim() !== '' ? notice.trim() : 'Framework export',
      text: texts.length > 0 ? `Sources named in the file: ${texts.join('; ')}.` : '',
      licence: null,
      sourceFile: file,
    });
  }
  return credits;
}

function occupationInfo(value: Record<string, unknown>, soc: string) {
  const occupation = own(value, 'occupation');
  const items = [`O*NET-SOC code: ${soc}`];
  if (isRecord(occupation)) {
    for (const [key, label] of [['group', 'Occupation group'], ['jobZone', 'Job Zone'], ['sector', 'Sector']] as const) {
      const entry = own(occupation, key);
      if (typeof entry === 'string' || typeof entry === 'number') items.push(`${label}: ${entry}`);
    }
  }
  const exported = own(value, 'exportedAt');
  if (typeof exported === 'string') items.push(`Exported: ${exported}`);
  return [{ id: 'occupation', title: 'Occupation', items }];
}
