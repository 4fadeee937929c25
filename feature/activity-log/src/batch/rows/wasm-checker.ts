import { type EventStore, isWebAssemblyMemory, WINDOW_ROWS } from '../../store/index.ts';
import { type RowChecker, SCRATCH_LIST } from './checker.ts';
import { ROWS_MODULE_BASE64 } from './rows-wasm.ts';

/** The part of the WebAssembly JavaScript API used here (TypeScript declares it only for the DOM). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (
    module: object,
    imports: Record<string, Record<string, unknown>>,
  ) => { readonly exports: Readonly<Record<string, unknown>> };
  readonly Global: new (descriptor: { value: 'i32'; mutable: false }, value: number) => object;
}

function webAssembly(): WebAssemblyApi | undefined {
  const api: unknown = Reflect.get(globalThis, 'WebAssembly');
  if (typeof api !== 'object' || api === null) return undefined;
  const named = ['validate', 'Module', 'Instance', 'Global'];
  return named.every((name) => typeof Reflect.get(api, name) === 'function')
    ? (api as WebAssemblyApi)
    : undefined;
}

type RowFunction = (from: number, rows: number, latestMs: number) => number;

const isRowFunction = (value: unknown): value is RowFunction => typeof value === 'function';

const moduleBytes = Uint8Array.from(atob(ROWS_MODULE_BASE64), (char) => char.charCodeAt(0));

/**
 * The module, compiled once per thread, or undefined where the engine has no WebAssembly or no
 * SIMD (it does not validate there).
 */
const compiled: { api: WebAssemblyApi; module: object } | undefined = (() => {
  const api = webAssembly();
  if (!api?.validate(moduleBytes)) return undefined;
  return { api, module: new api.Module(moduleBytes) };
})();

/** Whether this thread runs the row checks on WebAssembly SIMD. */
export const simdRowChecksAvailable = compiled !== undefined;

/**
 * The row checks on WebAssembly SIMD over the store's own column memory (rows.wat), or undefined
 * where they cannot run: no SIMD, or a store whose columns are a plain `SharedArrayBuffer`.
 */
export function wasmRowChecker(store: EventStore): RowChecker | undefined {
  if (compiled === undefined || !isWebAssemblyMemory(store.columns)) return undefined;
  const { api, module } = compiled;
  const global = (offset: number) => new api.Global({ value: 'i32', mutable: false }, offset);
  const layout = store.columnLayout;
  const { exports } = new api.Instance(module, {
    store: {
      memory: store.columns,
      ids: global(layout.userIdsOffset),
      times: global(layout.timestampsOffset),
      codes: global(layout.actionCodesOffset),
    },
  });
  const { check, compact } = exports;
  if (!isRowFunction(check) || !isRowFunction(compact)) return undefined;
  const scratch = new Int32Array(store.columns.buffer, 0, SCRATCH_LIST + WINDOW_ROWS);
  return { check, compact, scratch, engine: 'wasm-simd' };
}
