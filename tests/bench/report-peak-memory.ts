/**
 * Loaded with `node --import` before a command the bench runs: on exit, the process's peak
 * resident memory goes to stderr as the last line, so the bench needs no outside tool to read it.
 */
import { peakRssKb } from './peak-rss.ts';

process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${peakRssKb()}\n`);
});
