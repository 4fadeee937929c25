import { rowsOf, type BatchColumns } from '../columns.ts';
import { fillCodeCounts } from './codes.ts';
import { memoryBuffer, webAssembly } from './wasm-runtime.ts';
import {
  CHUNK_ROWS,
  CODES_AT,
  COUNTS_AT,
  IDS_AT,
  scanModuleBytes,
  TIMES_AT,
} from './wasm-module.ts';

/** The scan, compiled where this engine has WebAssembly with SIMD (each thread has its own). */
interface SimdScanner {
  readonly scan: (rows: number, latestMs: number) => number;
  readonly ids: Uint32Array;
  readonly times: Float64Array;
  readonly codes: Uint8Array;
  readonly counts: Int32Array;
}

function isScan(value: unknown): value is SimdScanner['scan'] {
  return typeof value === 'function';
}

/** Compiles the module, or gives undefined where WebAssembly or its SIMD is not available. */
function compileScanner(): SimdScanner | undefined {
  const api = webAssembly();
  if (!api?.validate(scanModuleBytes)) return undefined;
  const { exports } = new api.Instance(new api.Module(scanModuleBytes));
  const buffer = memoryBuffer(exports.memory); // never grown, so the views below stay valid
  const { scan } = exports;
  if (!isScan(scan) || buffer === undefined) return undefined;
  return {
    scan,
    ids: new Uint32Array(buffer, IDS_AT, CHUNK_ROWS * 2),
    times: new Float64Array(buffer, TIMES_AT, CHUNK_ROWS),
    codes: new Uint8Array(buffer, CODES_AT, CHUNK_ROWS),
    counts: new Int32Array(buffer, COUNTS_AT, 3),
  };
}

const scanner = compileScanner();

/** Whether this engine runs the WebAssembly SIMD scan (else the batch core scans in JavaScript). */
export const simdScanAvailable = scanner !== undefined;

/**
 * Copies rows `from` to `from + rows` into the module's memory and pads them to a multiple of
 * 16 rows with copies of the first one (valid whenever the chunk can be), code 0 (not counted).
 */
function stage(simd: SimdScanner, batch: BatchColumns, from: number, rows: number): number {
  simd.ids.set(rowsOf(batch.userWords, from, rows, 2));
  simd.times.set(rowsOf(batch.timestamps, from, rows, 1));
  simd.codes.set(rowsOf(batch.actionCodes, from, rows, 1));
  const padded = (rows + 15) & ~15;
  for (let row = rows; row < padded; row++) {
    simd.ids[2 * row] = simd.ids[0] ?? 0;
    simd.ids[2 * row + 1] = simd.ids[1] ?? 0;
    simd.times[row] = simd.times[0] ?? Number.NaN;
    simd.codes[row] = 0;
  }
  return padded;
}

/**
 * The batch scan on WebAssembly SIMD: whether every one of the first `count` rows is valid,
 * with the rows per action code in `counts` (meaningful only when it returns true). Each chunk
 * of 4,096 rows is copied into the module's memory in three bulk copies and checked sixteen
 * bytes at a time. Returns undefined where the engine has no WebAssembly SIMD.
 */
export function scanRowsSimd(
  batch: BatchColumns,
  count: number,
  latestMs: number,
  counts: Uint32Array,
): boolean | undefined {
  if (scanner === undefined) return undefined;
  let bit0 = 0;
  let bit1 = 0;
  let both = 0;
  for (let from = 0; from < count; from += CHUNK_ROWS) {
    const rows = Math.min(CHUNK_ROWS, count - from);
    if (scanner.scan(stage(scanner, batch, from, rows), latestMs) !== 0) return false;
    bit0 += scanner.counts[0] ?? 0;
    bit1 += scanner.counts[1] ?? 0;
    both += scanner.counts[2] ?? 0;
  }
  fillCodeCounts(counts, count, bit0, bit1, both);
  return true;
}
