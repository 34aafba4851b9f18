import { Session } from 'node:inspector/promises';
import { formatNumber } from './bench-table.ts';

type CallFrame = { functionName: string; url: string };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/**
 * Where `work` spends its time in this process: V8's sampling profiler (every 100 µs) through
 * node:inspector, as self time per function, largest first ("tallyRatings rating-tally.ts 81 ms",
 * "(garbage collector) 64 ms"). The bench prints it under a figure that misses its target, so that
 * the README's explanation can be checked against a run.
 */
export async function selfTimeOf(work: () => unknown, top = 8): Promise<string[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await work();
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parentOf = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    // The inspector's own work (stopping the profiler, its messages) is not the work measured.
    const underInspector = (id: number): boolean => {
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)?.callFrame.url.startsWith('node:inspector') === true) return true;
      return false;
    };
    const totals = new Map<string, number>();
    profile.samples.forEach((id, index) => {
      const frame = byId.get(id)?.callFrame;
      if (frame === undefined || frame.functionName === '(idle)' || frame.functionName === '(program)' || underInspector(id)) return;
      const file = frame.url.split('/').pop() ?? '';
      const key = file === '' ? frame.functionName || '(anonymous)' : `${frame.functionName || '(anonymous)'} ${file}`;
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
    });
    const all = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
    return [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, ms]) => `${key} ${formatNumber(ms, 0)} ms (${formatNumber((100 * ms) / all, 0)} %)`);
  } finally {
    session.disconnect();
  }
}
