import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory, in KiB. On Linux, VmHWM from /proc/self/status: the
 * peak of this program's own memory. process.resourceUsage().maxRSS is not that in a child the
 * bench spawns: Linux carries the forking process's peak over into its children's, so once the
 * bench process itself held 184 MB (after the scoring section), every child, even node doing
 * nothing, reported 184 MB. Elsewhere maxRSS is all there is.
 */
export function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Number(match[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}
