/**
 * The part of papaparse's API that core uses, typed without Node and without the DOM. Only
 * tsconfig.core.json reads this file (through `paths`): @types/papaparse opens with
 * `/// <reference types="node" />`, because its `LocalFile` is a browser File or a Node stream,
 * and that one line would hand the core project every Node global and defeat its purpose.
 * tsconfig.json still checks core against the real @types/papaparse, so a mistake here cannot
 * hide a misuse. When core starts using more of papaparse, copy the declaration from
 * @types/papaparse into this file.
 */

/** A browser File or a Node read stream: core hands it to papaparse and never looks inside. */
export interface LocalFile {
  readonly papaparseLocalFile: never;
}

export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
  message: string;
  row?: number | undefined;
  index?: number | undefined;
}

export interface ParseMeta {
  delimiter: string;
  linebreak: string;
  aborted: boolean;
  fields?: string[] | undefined;
  truncated: boolean;
  cursor: number;
}

export interface ParseStepResult<T> {
  data: T;
  errors: ParseError[];
  meta: ParseMeta;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
  meta: ParseMeta;
}

export interface Parser {
  abort(): void;
  pause(): void;
  resume(): void;
}

export interface ParseConfig<T = unknown> {
  delimiter?: string | ((input: string) => string) | undefined;
  newline?: '\r' | '\n' | '\r\n' | undefined;
  quoteChar?: string | undefined;
  escapeChar?: string | undefined;
  header?: boolean | undefined;
  preview?: number | undefined;
  comments?: false | string | undefined;
  skipEmptyLines?: boolean | 'greedy' | undefined;
  fastMode?: boolean | undefined;
  delimitersToGuess?: string[] | undefined;
  skipFirstNLines?: number | undefined;
  step?(results: ParseStepResult<T>, parser: Parser): void;
  complete?(results: ParseResult<T>): void;
}

/** A streamed read (a File, a Node stream): results arrive through `step`, `chunk` and `complete`. */
export interface ParseLocalConfig<T = unknown> extends ParseConfig<T> {
  chunkSize?: number | undefined;
  encoding?: string | undefined;
  chunk?(results: ParseResult<T>, parser: Parser): void;
  error?(error: Error): void;
}

export interface UnparseConfig {
  quotes?: boolean | boolean[] | ((value: unknown, columnIndex: number) => boolean) | undefined;
  quoteChar?: string | undefined;
  escapeChar?: string | undefined;
  delimiter?: string | undefined;
  header?: boolean | undefined;
  newline?: string | undefined;
  skipEmptyLines?: boolean | 'greedy' | undefined;
  columns?: string[] | undefined;
  escapeFormulae?: boolean | RegExp | undefined;
}

export interface UnparseObject<T> {
  fields: string[];
  data: T[];
}

declare const Papa: {
  /** A whole text, read synchronously. */
  parse<T>(csvString: string, config?: ParseConfig<T>): ParseResult<T>;
  /** A File or a Node stream, read asynchronously. */
  parse<T>(source: LocalFile, config: ParseLocalConfig<T>): void;
  unparse<T>(data: T[] | UnparseObject<T>, config?: UnparseConfig): string;
};

declare namespace Papa {
  export type { LocalFile, ParseConfig, ParseError, ParseLocalConfig, ParseMeta, ParseResult, ParseStepResult, Parser, UnparseConfig, UnparseObject };
}

export default Papa;
