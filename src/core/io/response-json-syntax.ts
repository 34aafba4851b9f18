/**
 * Where a JSON text stops being JSON. `JSON.parse` says so only in some engines' messages (V8
 * in Node 20 gives no position), and a person fixing a hand-edited response file needs the line
 * and column: this scanner finds the first offending character.
 */
export type JsonSyntaxError = { line: number; column: number; message: string };

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;

  const fail = (message: string): never => {
    throw new SyntaxErrorAt(at, message);
  };
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at] ?? '')) at += 1;
  };
  const describe = () => (at >= text.length ? 'the end of the file' : `"${text[at]}"`);
  const expect = (char: string) => {
    if (text[at] !== char) fail(`expected "${char}" but found ${describe()}`);
    at += 1;
  };

  const string = () => {
    expect('"');
    while (at < text.length) {
      const char = text[at] ?? '';
      if (char === '"') {
        at += 1;
        return;
      }
      if (char === '\\') {
        at += 1;
        const escape = text[at] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('a \\u escape needs four hex digits');
          at += 5;
        } else if ('"\\/bfnrt'.includes(escape) && escape !== '') {
          at += 1;
        } else {
          fail(`"\\${escape}" is not a JSON escape`);
        }
      } else if (char < ' ') {
        fail('a line break or control character inside a string must be escaped');
      } else {
        at += 1;
      }
    }
    fail('a string is not closed');
  };

  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (match === null) fail(`unexpected ${describe()}`);
    at += match?.[0].length ?? 0;
  };

  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      at += 1;
      space();
      if (text[at] === '}') {
        at += 1;
        return;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail(`expected a "quoted" key but found ${describe()}`);
        string();
        space();
        expect(':');
        value();
        space();
        if (text[at] === ',') {
          at += 1;
          continue;
        }
        if (text[at] === '}') {
          at += 1;
          return;
        }
        fail(`expected "," or "}" but found ${describe()}`);
      }
    }
    if (char === '[') {
      at += 1;
      space();
      if (text[at] === ']') {
        at += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[at] === ',') {
          at += 1;
          continue;
        }
        if (text[at] === ']') {
          at += 1;
          return;
        }
        fail(`expected "," or "]" but found ${describe()}`);
      }
    }
    if (char === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return;
      }
    }
    number();
  };

  try {
    value();
    space();
    if (at < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxErrorAt)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { line, column, message: error.message };
  }
}

class SyntaxErrorAt extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}
