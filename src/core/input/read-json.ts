import { excerpt } from '../model/echo.ts';
import { pathKey } from '../model/json-value.ts';
import { MAX_JSON_DEPTH } from '../model/limits.ts';
import type { Issue, Result } from '../model/result.ts';

/**
 * The one way user JSON is read (files, codes, links, stored entries). `JSON.parse` alone takes
 * a duplicated key silently (the last one wins, so a file can show one rating and count
 * another), overflows its stack on deep nesting, turns `1e400` into Infinity, and in Node 20
 * says nowhere where a syntax error is. This scanner checks the text first, in one linear pass
 * with a fixed depth, and lists every duplicate key and the first syntax error with its line,
 * column and JSON path; only a text that passes reaches `JSON.parse`.
 */
export type JsonOptions = { file: string; maxDepth?: number };

export function readJson(text: string, options: JsonOptions): Result<unknown> {
  const { file } = options;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, issues: [{ code: 'json.empty', file, path: '', message: 'The file is empty.' }] };
  const problems = scanJson(source, options.maxDepth ?? MAX_JSON_DEPTH);
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((problem): Issue => {
        const { line, column } = lineAndColumn(source, problem.offset);
        const message = problem.code === 'syntax'
          ? `The file is not valid JSON at line ${line}, column ${column}: ${problem.message}.`
          : `${problem.message} (line ${line}, column ${column}).`;
        return { code: `json.${problem.code}`, file, row: line, path: problem.path, message };
      }),
    };
  }
  return { ok: true, value: JSON.parse(source) as unknown };
}

type Problem = { offset: number; code: string; path: string; message: string };

const MAX_DUPLICATES = 100;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_RUN = /[^"\\\u0000-\u001f]*/y;

class Stop extends Error {}

function scanJson(text: string, maxDepth: number): Problem[] {
  const problems: Problem[] = [];
  let at = 0;
  // Keys and indices down to the current value; formatted as a path only for a problem.
  const path: (string | number)[] = [];
  const here = () => path.reduce<string>((parent, segment) => (typeof segment === 'number' ? `${parent}[${segment}]` : pathKey(parent, segment)), '');

  const stop = (code: string, message: string): never => {
    problems.push({ offset: at, code, path: here(), message });
    throw new Stop();
  };
  const found = () => (at >= text.length ? 'the end of the text' : excerpt(text.charAt(at), 4));
  const space = () => {
    for (let code = text.charCodeAt(at); code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09; code = text.charCodeAt(at)) at += 1;
  };
  const expect = (char: string) => {
    if (text[at] !== char) stop('syntax', `expected "${char}" but found ${found()}`);
    at += 1;
  };

  /** Scans a string from its opening quote; returns its raw text between the quotes. */
  const string = (): string => {
    const start = at + 1;
    at = start;
    let escaped = false;
    for (;;) {
      STRING_RUN.lastIndex = at;
      STRING_RUN.exec(text);
      at = STRING_RUN.lastIndex;
      const char = text[at];
      if (char === '"') {
        at += 1;
        const raw = text.slice(start, at - 1);
        return escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
      if (char === '\\') {
        escaped = true;
        const escape = text[at + 1] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) stop('syntax', 'a \\u escape needs four hex digits');
          at += 6;
        } else if (escape !== '' && '"\\/bfnrt'.includes(escape)) {
          at += 2;
        } else {
          stop('syntax', `${excerpt(`\\${escape}`)} is not a JSON escape`);
        }
        continue;
      }
      if (char === undefined) stop('syntax', 'a string is not closed');
      stop('syntax', 'a line break or control character inside a string must be escaped');
    }
  };

  const number = () => {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (match === null) stop('syntax', `unexpected ${found()}`);
    const written = match?.[0] ?? '';
    if (!Number.isFinite(Number(written))) stop('number-too-large', `The number ${excerpt(written)} is too large to read`);
    at += written.length;
  };

  const value = (depth: number): void => {
    space();
    const char = text[at];
    if (char === '{' || char === '[') {
      if (depth >= maxDepth) stop('too-deep', `The JSON is nested more than ${maxDepth} levels deep; no Skillscope file is`);
      at += 1;
      space();
      if (char === '{') object(depth + 1);
      else array(depth + 1);
      return;
    }
    if (char === '"') {
      string();
      return;
    }
    const word = char === 't' ? 'true' : char === 'f' ? 'false' : char === 'n' ? 'null' : '';
    if (word !== '' && text.startsWith(word, at)) {
      at += word.length;
      return;
    }
    number();
  };

  const object = (depth: number) => {
    if (text[at] === '}') {
      at += 1;
      return;
    }
    const keys = new Set<string>();
    for (;;) {
      space();
      if (text[at] !== '"') stop('syntax', `expected a "quoted" key but found ${found()}`);
      const keyAt = at;
      const key = string();
      if (keys.has(key)) {
        if (problems.length < MAX_DUPLICATES) {
          problems.push({ offset: keyAt, code: 'duplicate-key', path: pathKey(here(), key), message: `The key ${excerpt(key)} appears more than once in the same object; each key may appear once` });
        }
      } else {
        keys.add(key);
      }
      space();
      expect(':');
      member(key, depth);
      if (!another('}')) return;
    }
  };

  const array = (depth: number) => {
    if (text[at] === ']') {
      at += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      member(index, depth);
      if (!another(']')) return;
    }
  };

  /** A value inside an object or array, with its path kept for the messages. */
  const member = (segment: string | number, depth: number) => {
    path.push(segment);
    value(depth);
    path.pop();
  };

  /** After a member: true at a comma (another member follows), false at the closing bracket. */
  const another = (close: string): boolean => {
    space();
    if (text[at] === ',') {
      at += 1;
      return true;
    }
    if (text[at] !== close) stop('syntax', `expected "," or "${close}" but found ${found()}`);
    at += 1;
    return false;
  };

  try {
    value(0);
    space();
    if (at < text.length) stop('syntax', `unexpected ${found()} after the end of the JSON value`);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return problems;
}

/** Lines end at LF, CRLF or a lone CR, as editors count them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const breaks = /\r\n?|\n/g;
  for (let match = breaks.exec(text); match !== null && match.index < offset; match = breaks.exec(text)) {
    line += 1;
    lineStart = match.index + match[0].length;
  }
  return { line, column: offset - lineStart + 1 };
}
