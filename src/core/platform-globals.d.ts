/**
 * The web-platform globals that core uses, which Node (20 and later) and every browser the app
 * supports both provide. Only tsconfig.core.json reads this file: the core project has neither
 * the DOM library nor @types/node, so a global not declared here (document, localStorage,
 * process, Buffer, ...) fails its type check. tsconfig.json excludes it, because there the DOM
 * library and @types/node declare the full versions.
 *
 * The shapes are the parts of the WHATWG and HTML specifications that core calls, no more; add
 * a member here only when core needs it, and only if Node and browsers both have it.
 */

interface TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };

interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder };

interface URL {
  href: string;
  readonly origin: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string, base?: string | URL): URL };

/** A browser's timer id is a number, Node's an object: core only hands it back to clearTimeout. */
interface TimerHandle {
  readonly timerHandle: never;
}
declare function setTimeout(handler: () => void, timeout?: number): TimerHandle;
declare function clearTimeout(handle: TimerHandle | undefined): void;

interface AbortSignal {
  readonly aborted: boolean;
}
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  credentials?: 'omit' | 'same-origin' | 'include';
  referrerPolicy?: '' | 'no-referrer' | 'no-referrer-when-downgrade' | 'origin' | 'origin-when-cross-origin' | 'same-origin' | 'strict-origin' | 'strict-origin-when-cross-origin' | 'unsafe-url';
}
interface Response {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}
declare function fetch(input: string, init?: RequestInit): Promise<Response>;
