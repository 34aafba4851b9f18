import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatNumber } from './bench-table.ts';

/**
 * Where a page's main thread spends its time: V8's sampling profiler through the DevTools
 * protocol, on the unminified build, whose `// node_modules/...` and `// src/...` module comments
 * name the package or source file of every sampled line.
 */

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** Starts sampling every 200 µs; the returned function stops and returns the profile. */
export async function startProfiler(page: Page): Promise<() => Promise<CpuProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile as unknown as CpuProfile;
  };
}

/**
 * Opens `origin/hash` under the profiler, coming from a blank page of the same origin: the
 * profiler then runs in the app's renderer from navigation on, and nothing of the app is cached.
 * The returned function stops the profiler and returns the profile.
 */
export async function openProfiled(page: Page, origin: string, hash: string): Promise<() => Promise<CpuProfile>> {
  const blank = `${origin}/__bench-blank.html`;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
  await page.goto(blank);
  await page.unroute(blank);
  const stop = await startProfiler(page);
  await page.goto(`${origin}/${hash}`, { waitUntil: 'commit' });
  return stop;
}

const IDLE = '(idle)';
const PROGRAM = '(program)';
const MODULE_COMMENT = /^\/\/ (?:\0|\\0)?((?:node_modules|src)\/\S+|\S+\.js)$/;
const INLINED_CJS = /^var import_([a-z0-9_$]+?)(?:_min)? = .*__commonJSMin/i;

/** Maps a script URL and 0-based line to its module: a package name, or a source file under src/. */
export function moduleNamer(outDir: string): (url: string, line: number) => string {
  const starts = new Map<string, { line: number; name: string }[]>();
  const modulesOf = (url: string) => {
    let found = starts.get(url);
    if (found === undefined) {
      found = [];
      try {
        const lines = readFileSync(join(outDir, new URL(url).pathname), 'utf8').split('\n');
        let current = '';
        let inlined: string | null = null;
        lines.forEach((text, line) => {
          const match = MODULE_COMMENT.exec(text);
          if (match?.[1] !== undefined) {
            current = packageOf(match[1]);
            found?.push({ line, name: current });
          }
          // A CommonJS package imported by one module is wrapped inside that module's part.
          const wrapped = INLINED_CJS.exec(text);
          if (wrapped?.[1] !== undefined) {
            inlined = wrapped[1];
            found?.push({ line, name: inlined });
          } else if (inlined !== null && text.startsWith('})))')) {
            inlined = null;
            found?.push({ line: line + 1, name: current });
          }
        });
      } catch {
        // Not one of the build's files (an inline or browser script).
      }
      starts.set(url, found);
    }
    return found;
  };
  return (url, line) => {
    if (url === '') return '(browser)';
    let name = new URL(url).pathname.split('/').pop() ?? url;
    for (const start of modulesOf(url)) {
      if (start.line > line) break;
      name = start.name;
    }
    return name;
  };
}

function packageOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'node_modules') return path;
  return parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2] ?? ''}` : (parts[1] ?? path);
}

type Sample = { node: ProfileNode; ms: number };

function samplesOf(profile: CpuProfile): Sample[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  return profile.samples.flatMap((id, index) => {
    const node = byId.get(id);
    return node === undefined ? [] : [{ node, ms: (profile.timeDeltas[index + 1] ?? 0) / 1000 }];
  });
}

/** Milliseconds per key, largest first, as "key 123 ms" items. */
function ranked(totals: Map<string, number>, top: number): string[] {
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top).map(([key, ms]) => `${key} ${formatNumber(ms, 0)} ms`);
}

function add(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

/** Self time by module over the whole profile, idle included: where a load's wall time went. */
export function timeByModule(profile: CpuProfile, nameOf: (url: string, line: number) => string, top = 8): string[] {
  const totals = new Map<string, number>();
  for (const { node, ms } of samplesOf(profile)) {
    const { functionName, url, lineNumber } = node.callFrame;
    add(totals, functionName.startsWith('(') ? functionName : nameOf(url, lineNumber), ms);
  }
  return ranked(totals, top);
}

/**
 * The longest stretch of script samples (the script part of a long task, as the profiler saw
 * it) and what ran in it: by module and function, and by the innermost src/ function that led there.
 */
export function longestBusyStretch(profile: CpuProfile, nameOf: (url: string, line: number) => string, top = 5): { ms: number; byFunction: string[]; bySource: string[] } {
  const samples = samplesOf(profile);
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  let best = { from: 0, to: 0, ms: 0 };
  let from = 0;
  let ms = 0;
  samples.forEach((sample, index) => {
    // Native work outside script ("(program)": input, file handles, layout) cannot be traced to a source: it ends a stretch.
    if (sample.node.callFrame.functionName === IDLE || sample.node.callFrame.functionName === PROGRAM) {
      from = index + 1;
      ms = 0;
      return;
    }
    ms += sample.ms;
    if (ms > best.ms) best = { from, to: index + 1, ms };
  });
  const byFunction = new Map<string, number>();
  const bySource = new Map<string, number>();
  for (const { node, ms: sampleMs } of samples.slice(best.from, best.to)) {
    const { functionName, url, lineNumber } = node.callFrame;
    add(byFunction, functionName.startsWith('(') ? functionName : `${functionName || '(anonymous)'} [${nameOf(url, lineNumber)}]`, sampleMs);
    let source = '(no src/ frame)';
    for (let current: ProfileNode | undefined = node; current !== undefined; current = parentOf.get(current.id)) {
      const frame = current.callFrame;
      const name = frame.url === '' ? '' : nameOf(frame.url, frame.lineNumber);
      if (name.startsWith('src/')) {
        source = `${frame.functionName || '(anonymous)'} [${name}]`;
        break;
      }
    }
    add(bySource, source, sampleMs);
  }
  return { ms: best.ms, byFunction: ranked(byFunction, top), bySource: ranked(bySource, top) };
}
