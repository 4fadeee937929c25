/**
 * The shared memory holding a store's hot columns: a shared `WebAssembly.Memory` where the
 * engine has WebAssembly (so the batch row checks run over it in place), else a plain
 * `SharedArrayBuffer` wrapped alike. Either way it crosses `postMessage` and `structuredClone`
 * with its memory shared, never copied.
 */
import { PAGE_BYTES } from './layout.ts';

/** What a store keeps of its column memory: a `WebAssembly.Memory`, or `{ buffer }` without one. */
export interface ColumnMemory {
  readonly buffer: SharedArrayBuffer;
}

/** The part of `WebAssembly.Memory` used here (TypeScript declares it only in its DOM libraries). */
type MemoryConstructor = new (descriptor: {
  initial: number;
  maximum: number;
  shared: boolean;
}) => ColumnMemory;

function memoryConstructor(): MemoryConstructor | undefined {
  const api: unknown = Reflect.get(globalThis, 'WebAssembly');
  if (typeof api !== 'object' || api === null) return undefined;
  const memory: unknown = Reflect.get(api, 'Memory');
  return typeof memory === 'function' ? (memory as MemoryConstructor) : undefined;
}

/** New zeroed column memory of `byteLength` bytes (whole pages), never grown. */
export function createColumnMemory(byteLength: number): ColumnMemory {
  const Memory = memoryConstructor();
  if (Memory === undefined) return Object.freeze({ buffer: new SharedArrayBuffer(byteLength) });
  const pages = byteLength / PAGE_BYTES;
  return new Memory({ initial: pages, maximum: pages, shared: true });
}

/** Whether `value` is a `WebAssembly.Memory` (so WebAssembly can run over it). */
export function isWebAssemblyMemory(value: unknown): boolean {
  const Memory = memoryConstructor();
  return Memory !== undefined && value instanceof Memory;
}

/** Why `value` cannot be a store's column memory of at least `byteLength` bytes, if it cannot. */
export function columnMemoryProblem(value: unknown, byteLength: number): string | undefined {
  if (typeof value !== 'object' || value === null) return 'columns is not a memory';
  const buffer: unknown = Reflect.get(value, 'buffer');
  if (!(buffer instanceof SharedArrayBuffer)) return 'columns has no shared buffer';
  if (buffer.byteLength !== byteLength) {
    return `columns holds ${buffer.byteLength} bytes, not the layout's ${byteLength}`;
  }
  return undefined;
}
