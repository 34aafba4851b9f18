import { cpus } from 'node:os';

/**
 * What every bench section shares: a clock, a median, and one plain-text table per section, so
 * that the README can quote a figure with its unit and the target it was held to.
 */

export type Target = { text: string; pass: boolean };

export type Figure = {
  /**
   * The figure's name in `npm run bench -- --json` (issue 13's keys, e.g. `million_seconds`); its
   * value there is `json` when given, else `value` read as a number (thousands separators dropped).
   */
  key?: string;
  json?: number;
  name: string;
  value: string;
  unit: string;
  target?: Target;
};

export type SectionReport = {
  title: string;
  figures: Figure[];
  /** Lines printed under the table: what was measured, how, and anything a reader should know. */
  notes: string[];
};

export type BenchSection = {
  /** The name given on the command line: `npm run bench -- scoring`. */
  name: string;
  run(): Promise<SectionReport>;
};

export const now = (): number => performance.now();

/** `{ key: number }` for every figure with a key, in the order run; a figure not measured is null. */
export function keyedFigures(figures: readonly Figure[]): Record<string, number | null> {
  const json: Record<string, number | null> = Object.create(null) as Record<string, number | null>;
  for (const figure of figures) {
    if (figure.key === undefined) continue;
    const value = figure.json ?? Number(figure.value.replace(/,/g, ''));
    json[figure.key] = Number.isFinite(value) ? value : null;
  }
  return json;
}

/** Runs `work` once, in milliseconds. */
export async function timeOnce(work: () => unknown): Promise<number> {
  const start = now();
  await work();
  return now() - start;
}

/** The median of `runs` timed runs after `warmups` untimed ones, in milliseconds. */
export async function medianMs(work: () => unknown, runs: number, warmups = 1): Promise<number> {
  for (let i = 0; i < warmups; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await timeOnce(work));
  return median(times);
}

/**
 * The median time of each piece of work, the pieces timed in turn after their warm-ups: a figure
 * that compares two of them (scoring against its bound) then sees both at the same moments of a
 * busy machine, not one after the other.
 */
export async function alternatedMediansMs(works: readonly (() => unknown)[], runs: number, warmups = 1): Promise<number[]> {
  for (const work of works) for (let i = 0; i < warmups; i += 1) await work();
  const times = works.map((): number[] => []);
  for (let i = 0; i < runs; i += 1) {
    for (const [at, work] of works.entries()) times[at]?.push(await timeOnce(work));
  }
  return times.map(median);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A number with thousands separators and a fixed number of decimals. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Rates vary over orders of magnitude: keep three significant figures, at least. */
export function formatRate(value: number): string {
  if (value >= 1000) return formatNumber(value, 0);
  if (value >= 100) return formatNumber(value, 1);
  return formatNumber(value, 2);
}

export const megabytes = (bytes: number): number => bytes / 1_000_000;

export const atMost = (value: number, limit: number, text: string): Target => ({ text, pass: value <= limit });
export const atLeast = (value: number, limit: number, text: string): Target => ({ text, pass: value >= limit });

export function machineLines(): string[] {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown cpu';
  return [
    `machine: ${model}, ${cores.length} cores, node ${process.version}, ${process.platform}-${process.arch}`,
    `date:    ${new Date().toISOString()}`,
  ];
}

/** One section as a fixed-width table, then its notes. */
export function formatSection(report: SectionReport, seconds: number): string {
  const header = ['figure', 'value', 'unit', 'target', ''];
  const rows = report.figures.map((f) => [f.name, f.value, f.unit, f.target?.text ?? '', f.target === undefined ? '' : f.target.pass ? 'PASS' : 'MISS']);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const title = `== ${report.title} (${seconds.toFixed(1)} s)`;
  return [title, line(header), rule, ...rows.map(line), ...report.notes.map((note) => `  ${note}`)].join('\n');
}
