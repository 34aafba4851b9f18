/**
 * Figures kept by column in a Float64Array (statement-figures.ts, axis-figures.ts) stand for a
 * null, a figure with nothing to compute it from, by NaN: no real figure is NaN.
 */
export function figureAt(figures: Float64Array, at: number): number | null {
  const value = figures[at] ?? Number.NaN;
  return Number.isNaN(value) ? null : value;
}

/**
 * Zeroed Float64Arrays cut from larger blocks, for figure columns: a typed array of its own is a
 * system allocation, which cost more than computing a subject's figures. A block is freed once
 * nothing holds any array cut from it.
 */
export type FigureBlocks = { block: Float64Array; used: number };

/**
 * Blocks double from the first array's size up to 256 KB (about 40 subjects of an 84-statement
 * framework): one subject scored alone takes no more than it needs.
 */
const BLOCK_LENGTH = 32_768;

export function createFigureBlocks(): FigureBlocks {
  return { block: new Float64Array(0), used: 0 };
}

export function takeFigures(blocks: FigureBlocks, length: number): Float64Array {
  if (blocks.used + length > blocks.block.length) {
    blocks.block = new Float64Array(Math.max(length, Math.min(BLOCK_LENGTH, 2 * blocks.block.length)));
    blocks.used = 0;
  }
  const figures = blocks.block.subarray(blocks.used, blocks.used + length);
  blocks.used += length;
  return figures;
}
