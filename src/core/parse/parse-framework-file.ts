import { decodeUtf8 } from '../input/decode-text.ts';
import { readJson } from '../input/read-json.ts';
import type { Framework } from '../model/framework.ts';
import type { Result } from '../model/result.ts';
import { looksLikeCssText, parseCssText } from './css-text.ts';
import { looksLikeItGeneralist, parseItGeneralist } from './it-generalist.ts';
import { looksLikeOnetExport, readOnetExport } from './onet-json.ts';
import { looksLikePipeline, parsePipeline } from './pipeline.ts';
import { looksLikeSkillscopeFramework, readSkillscopeFramework } from '../model/framework-file.ts';
import { sizeIssue } from './framework-size.ts';
import { looksLikeScqf, parseScqf } from './scqf.ts';

const one = (result: Result<Framework>): Result<Framework[]> => (result.ok ? { ok: true, value: [result.value] } : result);

/**
 * Any framework file Skillscope reads, its format detected from its content: an O*NET-style
 * JSON export, Skillscope's own framework JSON, or one of the seed documents' text formats.
 * One file may hold several frameworks (seed 001 holds three).
 */
export function parseFrameworkFile(text: string, file: string, bytes = text.length): Result<Framework[]> {
  const tooLarge = sizeIssue(bytes, file);
  if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
  if (text.trim() === '') return { ok: false, issues: [{ code: 'file.empty', file, path: '', message: 'The file is empty.' }] };

  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = readJson(text, { file });
    if (!json.ok) return json;
    if (looksLikeOnetExport(json.value)) return one(readOnetExport(json.value, file));
    if (looksLikeSkillscopeFramework(json.value)) return one(readSkillscopeFramework(json.value, file));
    return { ok: false, issues: [{ code: 'framework.unknown-format', file, path: '', message: 'This JSON is neither an O*NET framework export (schemaVersion, occupation, framework.levels) nor a Skillscope framework file.' }] };
  }
  if (looksLikeCssText(text)) {
    const parsed = parseCssText(text, file);
    return parsed.ok ? { ok: true, value: [parsed.value.occupational, parsed.value.aiAtWork, parsed.value.durableSkills] } : parsed;
  }
  if (looksLikeScqf(text)) return one(parseScqf(text, file));
  if (looksLikeItGeneralist(text)) return one(parseItGeneralist(text, file));
  if (looksLikePipeline(text)) return one(parsePipeline(text, file));
  return { ok: false, issues: [{ code: 'framework.unknown-format', file, path: '', message: 'Skillscope does not recognise this file: it reads O*NET framework exports (JSON), Skillscope framework files, and the text formats of its built-in sources.' }] };
}

/** A framework file as its bytes, from a disk or a browser: size first, then UTF-8, then the format. */
export function readFrameworkBytes(bytes: Uint8Array, file: string): Result<Framework[]> {
  const tooLarge = sizeIssue(bytes.length, file);
  if (tooLarge !== null) return { ok: false, issues: [tooLarge] };
  const text = decodeUtf8(bytes, file);
  return text.ok ? parseFrameworkFile(text.value, file, bytes.length) : text;
}
