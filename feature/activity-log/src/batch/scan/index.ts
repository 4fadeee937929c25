import type { BatchColumns } from '../columns.ts';
import { scanRowsJs } from './scan-js.ts';
import { scanRowsSimd } from './scan-wasm.ts';

export { scanRowsJs } from './scan-js.ts';
export { scanRowsSimd, simdScanAvailable } from './scan-wasm.ts';

/**
 * Whether every one of the first `count` rows is valid, filling `counts` with the rows per
 * action code (meaningful only when it returns true): WebAssembly SIMD where the engine has it,
 * plain JavaScript elsewhere. Both answer exactly as the per-row rules do; a batch they reject
 * goes through the exact per-row check, which says which rows are wrong and why.
 */
export function scanRows(
  batch: BatchColumns,
  count: number,
  latestMs: number,
  counts: Uint32Array,
): boolean {
  return scanRowsSimd(batch, count, latestMs, counts) ?? scanRowsJs(batch, count, latestMs, counts);
}
