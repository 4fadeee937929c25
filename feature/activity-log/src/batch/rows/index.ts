import type { EventStore } from '../../store/index.ts';
import type { RowChecker } from './checker.ts';
import { jsRowChecker } from './js-checker.ts';
import { wasmRowChecker } from './wasm-checker.ts';

export {
  type RowChecker,
  SCRATCH_BLOCK_LIST,
  SCRATCH_BLOCKS,
  SCRATCH_LIST,
  SCRATCH_REFUSALS,
  VERDICT_ACTION,
  VERDICT_TIMESTAMP,
  VERDICT_USER_ID,
} from './checker.ts';
export { fillCodeCounts } from './codes.ts';
export { jsRowChecker } from './js-checker.ts';
export { simdRowChecksAvailable, wasmRowChecker } from './wasm-checker.ts';

/** The row checks for `store` in this thread: WebAssembly SIMD where it runs, else JavaScript. */
export function rowCheckerFor(store: EventStore): RowChecker {
  return wasmRowChecker(store) ?? jsRowChecker(store);
}
