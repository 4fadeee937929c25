/**
 * Just enough of the WebAssembly binary format to write the scan module by hand (there is no
 * WAT compiler at build time): LEB128 numbers, sections, and the opcodes the module uses, by
 * name. Opcode values are those of the WebAssembly core and SIMD specifications.
 */

/** Unsigned LEB128. */
export function unsigned(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return bytes;
}

/** Signed LEB128, for `i32.const`. */
export function signed(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

/** A vector: its length, then its items. */
export const vector = (items: readonly (readonly number[])[]): number[] => [
  ...unsigned(items.length),
  ...items.flat(),
];

export const section = (id: number, content: readonly number[]): number[] => [
  id,
  ...unsigned(content.length),
  ...content,
];

export const utf8Name = (text: string): number[] =>
  vector([...new TextEncoder().encode(text)].map((byte) => [byte]));

export const SECTION = { type: 1, function: 3, memory: 5, export: 7, code: 10 } as const;
export const TYPE = { i32: 0x7f, f64: 0x7c, v128: 0x7b, function: 0x60, emptyBlock: 0x40 } as const;
export const EXPORT_KIND = { function: 0, memory: 2 } as const;

/** Core instructions, by name. */
export const op = {
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Store: 0x36,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Or: 0x72,
  i32Shl: 0x74,
} as const;

/** SIMD instructions (after the 0xfd prefix), by name. */
export const simd = {
  v128Load: 0x00,
  v128Const: 0x0c,
  f64x2Splat: 0x14,
  i32x4ExtractLane: 0x1b,
  f64x2Le: 0x4b,
  f64x2Ge: 0x4c,
  v128And: 0x4e,
  v128Or: 0x50,
  v128AnyTrue: 0x53,
  i8x16ShrU: 0x6d,
  i16x8ExtaddPairwiseI8x16U: 0x7d,
  i32x4ExtaddPairwiseI16x8U: 0x7f,
  i16x8Add: 0x8e,
  i64x2AllTrue: 0xc3,
  i64x2Eq: 0xd6,
} as const;

const SIMD_PREFIX = 0xfd;

export const simdOp = (code: number): number[] => [SIMD_PREFIX, ...unsigned(code)];

/** A memory access immediate: alignment (log2 bytes) and a constant offset. */
export const memarg = (alignLog2: number, offset: number): number[] => [
  ...unsigned(alignLog2),
  ...unsigned(offset),
];

export const f64Bytes = (value: number): number[] => [
  ...new Uint8Array(Float64Array.of(value).buffer),
];

/** A v128 constant with every byte equal to `byte`. */
export const v128Bytes = (byte: number): number[] => new Array<number>(16).fill(byte & 0xff);
