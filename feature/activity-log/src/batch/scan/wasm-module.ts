import { EARLIEST_TIME_MS } from '../../rules.ts';
import { INVALID_CODE_BITS } from './codes.ts';
import {
  EXPORT_KIND,
  f64Bytes,
  memarg,
  op,
  SECTION,
  section,
  signed,
  simd,
  simdOp,
  TYPE,
  unsigned,
  utf8Name,
  v128Bytes,
  vector,
} from './wasm-encoding.ts';

/** Rows staged and scanned per call: the module's memory holds one chunk of each column. */
export const CHUNK_ROWS = 4096;
/** Byte offsets in the module's memory. */
export const IDS_AT = 0;
export const TIMES_AT = CHUNK_ROWS * 8;
export const CODES_AT = CHUNK_ROWS * 16;
/** Three i32 results: rows with code bit 0 set, with bit 1 set, with both. */
export const COUNTS_AT = CHUNK_ROWS * 17;
const MEMORY_PAGES = 2; // 128 KiB: 17 bytes per row of a chunk, then the counts

/** `scan`'s flags: which rule some row of the chunk broke (0: every row is valid). */
export const FLAG_ZERO_ID = 1;
export const FLAG_BAD_TIME = 2;
export const FLAG_BAD_CODE = 4;

/*
 * The scan function, in WebAssembly text form (rows: a multiple of 16, at least 16):
 *
 * (func (export "scan") (param $rows i32) (param $latest f64) (result i32)
 *   ;; ids and timestamps, two rows per vector
 *   loop
 *     $zeroIds |= i64x2.eq(v128.load(IDS_AT + $at), 0)
 *     $t = v128.load(TIMES_AT + $at)
 *     $timesOk &= f64x2.le($t, splat $latest) & f64x2.ge($t, splat EARLIEST)   ;; NaN fails both
 *     br_if (($at += 16) < $rows * 8)
 *   ;; action codes, sixteen rows per vector
 *   loop
 *     $c = v128.load(CODES_AT + $at); $seen |= $c
 *     $b0 = $c & 1; $b1 = ($c >>u 1) & 1
 *     $ones += extadd_pairwise_u($b0); $twos += extadd_pairwise_u($b1); $threes += extadd_pairwise_u($b0 & $b1)
 *     br_if (($at += 16) < $rows)
 *   store the horizontal sums of $ones, $twos, $threes at COUNTS_AT
 *   return any_true($zeroIds) | !all_true($timesOk) << 1 | any_true($seen & INVALID_CODE_BITS) << 2
 */

const P_ROWS = 0;
const P_LATEST = 1;
const L = {
  at: 2,
  end: 3,
  zeroIds: 4,
  timesOk: 5,
  latest: 6,
  earliest: 7,
  time: 8,
  seen: 9,
  code: 10,
  bit0: 11,
  bit1: 12,
  ones: 13,
  twos: 14,
  threes: 15,
} as const;
const I32_LOCALS = 2;
const V128_LOCALS = 12;

const get = (local: number): number[] => [op.localGet, ...unsigned(local)];
const set = (local: number): number[] => [op.localSet, ...unsigned(local)];
const tee = (local: number): number[] => [op.localTee, ...unsigned(local)];
const i32 = (value: number): number[] => [op.i32Const, ...signed(value)];
const splatByte = (byte: number): number[] => [...simdOp(simd.v128Const), ...v128Bytes(byte)];
const load = (offset: number, at: number): number[] => [
  ...get(at),
  ...simdOp(simd.v128Load),
  ...memarg(4, offset),
];

/** `$at += step`, continue the enclosing loop while `$at < limit`. */
const nextStep = (step: number, limit: number[]): number[] => [
  ...get(L.at),
  ...i32(step),
  op.i32Add,
  ...tee(L.at),
  ...limit,
  op.i32LtU,
  op.brIf,
  0,
];

/** Vectors of ids and of timestamps per iteration (unrolling to 4 measured slower, see docs/hot-path.md). */
const ID_VECTORS_PER_STEP = 1;

/** All-ones in each lane whose user id (of the vector at `offset`) is zero. */
const zeroIdsOf = (offset: number): number[] => [
  ...load(IDS_AT + offset, L.at),
  ...splatByte(0),
  ...simdOp(simd.i64x2Eq),
];

/** All-ones in each lane whose timestamp (of the vector at `offset`) is accepted; NaN is not. */
const timesOkOf = (offset: number): number[] => [
  ...load(TIMES_AT + offset, L.at),
  ...tee(L.time),
  ...get(L.latest),
  ...simdOp(simd.f64x2Le),
  ...get(L.time),
  ...get(L.earliest),
  ...simdOp(simd.f64x2Ge),
  ...simdOp(simd.v128And),
];

const vectorOffsets = Array.from({ length: ID_VECTORS_PER_STEP }, (_, vector) => vector * 16);

/** The parts combined left to right with `combine`. */
const combined = (parts: readonly number[][], combine: number[]): number[] =>
  parts.flatMap((part, index) => (index === 0 ? part : [...part, ...combine]));

const idsAndTimesLoop = [
  ...get(P_LATEST),
  ...simdOp(simd.f64x2Splat),
  ...set(L.latest),
  op.f64Const,
  ...f64Bytes(EARLIEST_TIME_MS),
  ...simdOp(simd.f64x2Splat),
  ...set(L.earliest),
  ...splatByte(0xff),
  ...set(L.timesOk),
  ...get(P_ROWS),
  ...i32(3),
  op.i32Shl,
  ...set(L.end),
  op.loop,
  TYPE.emptyBlock,
  ...combined(vectorOffsets.map(zeroIdsOf), simdOp(simd.v128Or)),
  ...get(L.zeroIds),
  ...simdOp(simd.v128Or),
  ...set(L.zeroIds),
  ...combined(vectorOffsets.map(timesOkOf), simdOp(simd.v128And)),
  ...get(L.timesOk),
  ...simdOp(simd.v128And),
  ...set(L.timesOk),
  ...nextStep(ID_VECTORS_PER_STEP * 16, get(L.end)),
  op.end,
];

/** `$total += extadd_pairwise_u(value on the stack)`, in sixteen-bit lanes. */
const addPairs = (total: number, value: number[]): number[] => [
  ...get(total),
  ...value,
  ...simdOp(simd.i16x8ExtaddPairwiseI8x16U),
  ...simdOp(simd.i16x8Add),
  ...set(total),
];

const codesLoop = [
  ...i32(0),
  ...set(L.at),
  op.loop,
  TYPE.emptyBlock,
  ...load(CODES_AT, L.at),
  ...tee(L.code),
  ...get(L.seen),
  ...simdOp(simd.v128Or),
  ...set(L.seen),
  ...get(L.code),
  ...splatByte(1),
  ...simdOp(simd.v128And),
  ...set(L.bit0),
  ...get(L.code),
  ...i32(1),
  ...simdOp(simd.i8x16ShrU),
  ...splatByte(1),
  ...simdOp(simd.v128And),
  ...set(L.bit1),
  ...addPairs(L.ones, get(L.bit0)),
  ...addPairs(L.twos, get(L.bit1)),
  ...addPairs(L.threes, [...get(L.bit0), ...get(L.bit1), ...simdOp(simd.v128And)]),
  ...nextStep(16, get(P_ROWS)),
  op.end,
];

/** Stores the sum of a sixteen-bit-lane counter at `offset`. */
const storeSum = (offset: number, total: number): number[] => [
  ...i32(0),
  ...get(total),
  ...simdOp(simd.i32x4ExtaddPairwiseI16x8U),
  ...tee(total),
  ...simdOp(simd.i32x4ExtractLane),
  0,
  ...get(total),
  ...simdOp(simd.i32x4ExtractLane),
  1,
  op.i32Add,
  ...get(total),
  ...simdOp(simd.i32x4ExtractLane),
  2,
  op.i32Add,
  ...get(total),
  ...simdOp(simd.i32x4ExtractLane),
  3,
  op.i32Add,
  op.i32Store,
  ...memarg(2, offset),
];

const flags = [
  ...get(L.zeroIds),
  ...simdOp(simd.v128AnyTrue),
  ...get(L.timesOk),
  ...simdOp(simd.i64x2AllTrue),
  op.i32Eqz,
  ...i32(1),
  op.i32Shl,
  op.i32Or,
  ...get(L.seen),
  ...splatByte(INVALID_CODE_BITS),
  ...simdOp(simd.v128And),
  ...simdOp(simd.v128AnyTrue),
  ...i32(2),
  op.i32Shl,
  op.i32Or,
];

const scanBody = [
  ...vector([
    [...unsigned(I32_LOCALS), TYPE.i32],
    [...unsigned(V128_LOCALS), TYPE.v128],
  ]),
  ...idsAndTimesLoop,
  ...codesLoop,
  ...storeSum(COUNTS_AT, L.ones),
  ...storeSum(COUNTS_AT + 4, L.twos),
  ...storeSum(COUNTS_AT + 8, L.threes),
  ...flags,
  op.end,
];

/** The module: one memory and one function, both exported. */
export const scanModuleBytes = Uint8Array.from([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(
    SECTION.type,
    vector([[TYPE.function, ...vector([[TYPE.i32], [TYPE.f64]]), ...vector([[TYPE.i32]])]]),
  ),
  ...section(SECTION.function, vector([unsigned(0)])),
  ...section(SECTION.memory, vector([[0x00, ...unsigned(MEMORY_PAGES)]])),
  ...section(
    SECTION.export,
    vector([
      [...utf8Name('scan'), EXPORT_KIND.function, 0],
      [...utf8Name('memory'), EXPORT_KIND.memory, 0],
    ]),
  ),
  ...section(SECTION.code, vector([[...unsigned(scanBody.length), ...scanBody]])),
]);
