import { isActionCode, isTimeAccepted, isUserIdWords } from '../../rules.ts';
import { type EventStore, HIGH_WORD, LOW_WORD, WINDOW_ROWS } from '../../store/index.ts';
import {
  BLOCK_ROWS,
  type RowChecker,
  SCRATCH_BLOCK_LIST,
  SCRATCH_BLOCKS,
  SCRATCH_LIST,
  SCRATCH_REFUSALS,
  VERDICT_ACTION,
  VERDICT_TIMESTAMP,
  VERDICT_USER_ID,
} from './checker.ts';

/** The verdict of one stored row by the shared rules (0: accepted). */
function verdictOf(store: EventStore, row: number, latestMs: number): number {
  const words = store.userWords;
  if (!isUserIdWords(words[2 * row + LOW_WORD] ?? 0, words[2 * row + HIGH_WORD] ?? 0)) {
    return VERDICT_USER_ID;
  }
  if (!isActionCode(store.actionCodes[row] ?? 0xff)) return VERDICT_ACTION;
  if (!isTimeAccepted(store.timestamps[row] ?? Number.NaN, latestMs)) return VERDICT_TIMESTAMP;
  return 0;
}

function countCode(scratch: Int32Array, code: number): void {
  scratch[0] = (scratch[0] ?? 0) + (code & 1);
  scratch[1] = (scratch[1] ?? 0) + ((code >>> 1) & 1);
  scratch[2] = (scratch[2] ?? 0) + (code & (code >>> 1) & 1);
}

function moveRow(store: EventStore, from: number, to: number): void {
  store.userWords[2 * to] = store.userWords[2 * from] ?? 0;
  store.userWords[2 * to + 1] = store.userWords[2 * from + 1] ?? 0;
  store.timestamps[to] = store.timestamps[from] ?? Number.NaN;
  store.actionCodes[to] = store.actionCodes[from] ?? 0;
}

/**
 * The row checks in plain JavaScript, for engines without WebAssembly SIMD, and the reference
 * the WebAssembly module is tested against: the per-row rules of `rules.ts`, row by row.
 */
export function jsRowChecker(store: EventStore): RowChecker {
  const scratch = new Int32Array(SCRATCH_LIST + WINDOW_ROWS);
  const listBlock = (row: number): void => {
    const listed = scratch[SCRATCH_BLOCKS] ?? 0;
    scratch[SCRATCH_BLOCK_LIST + listed] = row;
    scratch[SCRATCH_BLOCKS] = listed + 1;
  };
  const check = (from: number, rows: number, latestMs: number): number => {
    scratch.fill(0, 0, SCRATCH_BLOCK_LIST);
    let flags = 0;
    for (let block = 0; block < rows; block += BLOCK_ROWS) {
      let blockFlags = 0;
      for (let row = from + block; row < from + Math.min(rows, block + BLOCK_ROWS); row++) {
        blockFlags |= verdictOf(store, row, latestMs);
        countCode(scratch, store.actionCodes[row] ?? 0);
      }
      if (blockFlags !== 0) listBlock(block);
      flags |= blockFlags;
    }
    return flags;
  };
  const compact = (from: number, rows: number, latestMs: number): number => {
    let out = 0;
    let listed = 0;
    for (let row = 0; row < rows; row++) {
      const verdict = verdictOf(store, from + row, latestMs);
      if (verdict === 0) {
        if (out !== row) moveRow(store, from + row, from + out);
        out++;
        continue;
      }
      scratch[SCRATCH_LIST + listed] = (row << 2) | verdict;
      listed++;
    }
    scratch[SCRATCH_REFUSALS] = listed;
    return out;
  };
  return { check, compact, scratch, engine: 'javascript' };
}
