/**
 * The part of the WebAssembly JavaScript API the scan uses. Node.js has it everywhere, but
 * TypeScript declares it only in its DOM libraries, so it is looked up and checked here.
 */
export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => {
    readonly exports: Readonly<Record<string, unknown>>;
  };
}

function isWebAssemblyApi(value: unknown): value is WebAssemblyApi {
  if (typeof value !== 'object' || value === null) return false;
  return ['validate', 'Module', 'Instance'].every(
    (name) => typeof Reflect.get(value, name) === 'function',
  );
}

/** The engine's WebAssembly API, or undefined where it has none. */
export function webAssembly(): WebAssemblyApi | undefined {
  const api: unknown = Reflect.get(globalThis, 'WebAssembly');
  return isWebAssemblyApi(api) ? api : undefined;
}

/** The buffer of an exported `WebAssembly.Memory`, or undefined when `value` is none. */
export function memoryBuffer(value: unknown): ArrayBuffer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const buffer: unknown = Reflect.get(value, 'buffer');
  return buffer instanceof ArrayBuffer ? buffer : undefined;
}
