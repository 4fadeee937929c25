;; The batch hot path's row checks, on WebAssembly SIMD, run in place over rows just copied into
;; the store's columns (the store's column memory is this module's shared memory).
;;
;; Columns, at the byte offsets imported as globals: user ids (u64 per row), timestamps (f64 per
;; row, epoch milliseconds), action codes (u8 per row). The scratch area at offset 0, used only
;; by the writer holding the store's append lock:
;;   [0]  rows with action-code bit 0 set   [4]  rows with bit 1 set   [8]  rows with both
;;   [12] refusals written                  [16…] one i32 per refused row: (row << 2) | verdict
;; Verdicts: 1 user id 0, 2 action code above 3, 3 timestamp NaN, before the earliest Date or
;; after $latest. A window is at most 4,096 rows (the scratch list's size), so the 16-bit lane
;; sums of the code counts cannot overflow.
;;
;; Regenerate rows-wasm.ts after editing: npm run build:wasm (the tests check it is current).
(module
  (import "store" "memory" (memory 1 65536 shared))
  (import "store" "ids" (global $ids i32))
  (import "store" "times" (global $times i32))
  (import "store" "codes" (global $codes i32))

  (global $earliest f64 (f64.const -8.64e15))

  ;; --- check: flags of rows [from, from + rows); counts of their codes into the scratch area.
  ;; Flags: 1 some user id is 0, 2 some timestamp is refused, 4 some action code is above 3.
  (func (export "check") (param $from i32) (param $rows i32) (param $latest f64) (result i32)
    (local $id i32) (local $time i32) (local $end i32) (local $code i32) (local $codeEnd i32)
    (local $zero v128) (local $ok v128) (local $late v128) (local $early v128) (local $t v128)
    (local $seen v128) (local $c v128) (local $b0 v128) (local $b1 v128)
    (local $ones v128) (local $twos v128) (local $both v128) (local $flags i32)
    (call $resetScratch)
    (local.set $late (f64x2.splat (local.get $latest)))
    (local.set $early (f64x2.splat (global.get $earliest)))
    (local.set $ok (v128.const i64x2 -1 -1))
    (local.set $id (i32.add (global.get $ids) (i32.shl (local.get $from) (i32.const 3))))
    (local.set $time (i32.add (global.get $times) (i32.shl (local.get $from) (i32.const 3))))
    ;; ids and timestamps, eight rows (four vectors of each) per step
    (local.set $end (i32.add (local.get $id) (i32.shl (i32.and (local.get $rows) (i32.const -8)) (i32.const 3))))
    (block $eightsDone
      (br_if $eightsDone (i32.ge_u (local.get $id) (local.get $end)))
      (loop $eights
        (local.set $zero (v128.or (local.get $zero)
          (v128.or
            (v128.or (i64x2.eq (v128.load (local.get $id)) (v128.const i64x2 0 0))
                     (i64x2.eq (v128.load offset=16 (local.get $id)) (v128.const i64x2 0 0)))
            (v128.or (i64x2.eq (v128.load offset=32 (local.get $id)) (v128.const i64x2 0 0))
                     (i64x2.eq (v128.load offset=48 (local.get $id)) (v128.const i64x2 0 0))))))
        (local.set $t (v128.load (local.get $time)))
        (local.set $ok (v128.and (local.get $ok)
          (v128.and (f64x2.le (local.get $t) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early)))))
        (local.set $t (v128.load offset=16 (local.get $time)))
        (local.set $ok (v128.and (local.get $ok)
          (v128.and (f64x2.le (local.get $t) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early)))))
        (local.set $t (v128.load offset=32 (local.get $time)))
        (local.set $ok (v128.and (local.get $ok)
          (v128.and (f64x2.le (local.get $t) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early)))))
        (local.set $t (v128.load offset=48 (local.get $time)))
        (local.set $ok (v128.and (local.get $ok)
          (v128.and (f64x2.le (local.get $t) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early)))))
        (local.set $time (i32.add (local.get $time) (i32.const 64)))
        (br_if $eights (i32.lt_u (local.tee $id (i32.add (local.get $id) (i32.const 64))) (local.get $end)))))
    ;; the last zero to seven rows, one at a time
    (local.set $end (i32.add (global.get $ids) (i32.shl (i32.add (local.get $from) (local.get $rows)) (i32.const 3))))
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_u (local.get $id) (local.get $end)))
        (if (i64.eqz (i64.load (local.get $id)))
          (then (local.set $flags (i32.or (local.get $flags) (i32.const 1)))))
        (if (i32.eqz (call $timeAccepted (f64.load (local.get $time)) (local.get $latest)))
          (then (local.set $flags (i32.or (local.get $flags) (i32.const 2)))))
        (local.set $time (i32.add (local.get $time) (i32.const 8)))
        (local.set $id (i32.add (local.get $id) (i32.const 8)))
        (br $rest)))
    ;; action codes, sixteen rows per vector, then the tail one at a time
    (local.set $code (i32.add (global.get $codes) (local.get $from)))
    (local.set $codeEnd (i32.add (local.get $code) (i32.and (local.get $rows) (i32.const -16))))
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $code) (local.get $codeEnd)))
        (local.set $c (v128.load (local.get $code)))
        (local.set $seen (v128.or (local.get $seen) (local.get $c)))
        (local.set $b0 (v128.and (local.get $c) (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)))
        (local.set $b1 (v128.and (i8x16.shr_u (local.get $c) (i32.const 1))
                                 (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)))
        (local.set $ones (i16x8.add (local.get $ones) (i16x8.extadd_pairwise_i8x16_u (local.get $b0))))
        (local.set $twos (i16x8.add (local.get $twos) (i16x8.extadd_pairwise_i8x16_u (local.get $b1))))
        (local.set $both (i16x8.add (local.get $both)
          (i16x8.extadd_pairwise_i8x16_u (v128.and (local.get $b0) (local.get $b1)))))
        (local.set $code (i32.add (local.get $code) (i32.const 16)))
        (br $vectors)))
    (call $storeCounts (local.get $ones) (local.get $twos) (local.get $both))
    (local.set $codeEnd (i32.add (global.get $codes) (i32.add (local.get $from) (local.get $rows))))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $code) (local.get $codeEnd)))
        (if (i32.gt_u (i32.load8_u (local.get $code)) (i32.const 3))
          (then (local.set $flags (i32.or (local.get $flags) (i32.const 4)))))
        (call $countCode (i32.load8_u (local.get $code)))
        (local.set $code (i32.add (local.get $code) (i32.const 1)))
        (br $tail)))
    (i32.or (local.get $flags)
      (i32.or
        (i32.or (v128.any_true (local.get $zero))
                (i32.shl (i32.eqz (i64x2.all_true (local.get $ok))) (i32.const 1)))
        (i32.shl (v128.any_true (v128.and (local.get $seen)
                   (v128.const i8x16 252 252 252 252 252 252 252 252 252 252 252 252 252 252 252 252)))
                 (i32.const 2)))))

  ;; --- compact: judges rows [from, from + rows) and moves the accepted ones down, in order, to
  ;; start at $from; refused rows go to the scratch list (row numbers relative to $from), the
  ;; codes of the accepted rows are counted. Returns the number of accepted rows.
  (func (export "compact") (param $from i32) (param $rows i32) (param $latest f64) (result i32)
    (local $row i32) (local $out i32) (local $full i32) (local $mask i32)
    (local $in i32) (local $to i32) (local $late v128) (local $early v128) (local $c v128)
    (local $b0 v128) (local $b1 v128) (local $ones v128) (local $twos v128) (local $both v128)
    (local $lane i32)
    (call $resetScratch)
    (local.set $late (f64x2.splat (local.get $latest)))
    (local.set $early (f64x2.splat (global.get $earliest)))
    (local.set $full (i32.and (local.get $rows) (i32.const -16)))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $row) (local.get $full)))
        (local.set $in (i32.add (local.get $from) (local.get $row)))
        (local.set $mask (call $acceptedMask (local.get $in) (local.get $late) (local.get $early)))
        (if (i32.eq (local.get $mask) (i32.const 0xffff))
          (then
            (local.set $to (i32.add (local.get $from) (local.get $out)))
            (local.set $c (v128.load (i32.add (global.get $codes) (local.get $in))))
            (if (i32.ne (local.get $to) (local.get $in))
              (then (call $moveBlock (local.get $in) (local.get $to) (local.get $c))))
            (local.set $b0 (v128.and (local.get $c) (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)))
            (local.set $b1 (v128.and (i8x16.shr_u (local.get $c) (i32.const 1))
                                     (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)))
            (local.set $ones (i16x8.add (local.get $ones) (i16x8.extadd_pairwise_i8x16_u (local.get $b0))))
            (local.set $twos (i16x8.add (local.get $twos) (i16x8.extadd_pairwise_i8x16_u (local.get $b1))))
            (local.set $both (i16x8.add (local.get $both)
              (i16x8.extadd_pairwise_i8x16_u (v128.and (local.get $b0) (local.get $b1)))))
            (local.set $out (i32.add (local.get $out) (i32.const 16))))
          (else
            (local.set $lane (i32.const 0))
            (loop $lanes
              (local.set $out (call $judgeAndMove (local.get $from) (i32.add (local.get $row) (local.get $lane))
                                                  (local.get $out) (local.get $latest)))
              (br_if $lanes (i32.lt_u (local.tee $lane (i32.add (local.get $lane) (i32.const 1))) (i32.const 16))))))
        (local.set $row (i32.add (local.get $row) (i32.const 16)))
        (br $blocks)))
    (call $storeCounts (local.get $ones) (local.get $twos) (local.get $both))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $out (call $judgeAndMove (local.get $from) (local.get $row) (local.get $out) (local.get $latest)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $tail)))
    (local.get $out))

  ;; Bit i set when row $in + i (of sixteen) passes every rule.
  (func $acceptedMask (param $in i32) (param $late v128) (param $early v128) (result i32)
    (local $id i32) (local $time i32) (local $mask i32) (local $pair i32) (local $t v128)
    (local.set $id (i32.add (global.get $ids) (i32.shl (local.get $in) (i32.const 3))))
    (local.set $time (i32.add (global.get $times) (i32.shl (local.get $in) (i32.const 3))))
    (loop $pairs
      (local.set $t (v128.load (local.get $time)))
      (local.set $mask (i32.or (local.get $mask)
        (i32.shl
          (i64x2.bitmask (v128.and
            (v128.not (i64x2.eq (v128.load (local.get $id)) (v128.const i64x2 0 0)))
            (v128.and (f64x2.le (local.get $t) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early)))))
          (i32.shl (local.get $pair) (i32.const 1)))))
      (local.set $id (i32.add (local.get $id) (i32.const 16)))
      (local.set $time (i32.add (local.get $time) (i32.const 16)))
      (br_if $pairs (i32.lt_u (local.tee $pair (i32.add (local.get $pair) (i32.const 1))) (i32.const 8))))
    (i32.and (local.get $mask)
      (i8x16.bitmask (i8x16.eq
        (v128.and (v128.load (i32.add (global.get $codes) (local.get $in)))
                  (v128.const i8x16 252 252 252 252 252 252 252 252 252 252 252 252 252 252 252 252))
        (v128.const i64x2 0 0)))))

  ;; Sixteen rows from $in down to $to ($to < $in: each vector is read before anything at or
  ;; after it is written). $codes16 holds the block's codes, already read.
  (func $moveBlock (param $in i32) (param $to i32) (param $codes16 v128)
    (local $src i32) (local $dst i32) (local $k i32)
    (local.set $src (i32.add (global.get $ids) (i32.shl (local.get $in) (i32.const 3))))
    (local.set $dst (i32.add (global.get $ids) (i32.shl (local.get $to) (i32.const 3))))
    (loop $ids
      (v128.store (local.get $dst) (v128.load (local.get $src)))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (br_if $ids (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const 8))))
    (local.set $k (i32.const 0))
    (local.set $src (i32.add (global.get $times) (i32.shl (local.get $in) (i32.const 3))))
    (local.set $dst (i32.add (global.get $times) (i32.shl (local.get $to) (i32.const 3))))
    (loop $times
      (v128.store (local.get $dst) (v128.load (local.get $src)))
      (local.set $src (i32.add (local.get $src) (i32.const 16)))
      (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
      (br_if $times (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const 8))))
    (v128.store (i32.add (global.get $codes) (local.get $to)) (local.get $codes16)))

  ;; Judges row $from + $row: accepted, it moves to $from + $out and is counted (returns $out + 1);
  ;; refused, it is listed with its verdict (returns $out).
  (func $judgeAndMove (param $from i32) (param $row i32) (param $out i32) (param $latest f64) (result i32)
    (local $in i32) (local $to i32) (local $id i64) (local $code i32) (local $time f64) (local $verdict i32)
    (local $listed i32)
    (local.set $in (i32.add (local.get $from) (local.get $row)))
    (local.set $id (i64.load (i32.add (global.get $ids) (i32.shl (local.get $in) (i32.const 3)))))
    (local.set $time (f64.load (i32.add (global.get $times) (i32.shl (local.get $in) (i32.const 3)))))
    (local.set $code (i32.load8_u (i32.add (global.get $codes) (local.get $in))))
    (local.set $verdict
      (if (result i32) (i64.eqz (local.get $id))
        (then (i32.const 1))
        (else (if (result i32) (i32.gt_u (local.get $code) (i32.const 3))
          (then (i32.const 2))
          (else (if (result i32) (call $timeAccepted (local.get $time) (local.get $latest))
            (then (i32.const 0))
            (else (i32.const 3))))))))
    (if (result i32) (local.get $verdict)
      (then
        (local.set $listed (i32.load (i32.const 12)))
        (i32.store offset=16 (i32.shl (local.get $listed) (i32.const 2))
          (i32.or (i32.shl (local.get $row) (i32.const 2)) (local.get $verdict)))
        (i32.store (i32.const 12) (i32.add (local.get $listed) (i32.const 1)))
        (local.get $out))
      (else
        (local.set $to (i32.add (local.get $from) (local.get $out)))
        (i64.store (i32.add (global.get $ids) (i32.shl (local.get $to) (i32.const 3))) (local.get $id))
        (f64.store (i32.add (global.get $times) (i32.shl (local.get $to) (i32.const 3))) (local.get $time))
        (i32.store8 (i32.add (global.get $codes) (local.get $to)) (local.get $code))
        (call $countCode (local.get $code))
        (i32.add (local.get $out) (i32.const 1)))))

  (func $timeAccepted (param $time f64) (param $latest f64) (result i32)
    (i32.and (f64.ge (local.get $time) (global.get $earliest)) (f64.le (local.get $time) (local.get $latest))))

  ;; Adds one row of action code $code to the scratch counts.
  (func $countCode (param $code i32)
    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.and (local.get $code) (i32.const 1))))
    (i32.store (i32.const 4) (i32.add (i32.load (i32.const 4)) (i32.and (i32.shr_u (local.get $code) (i32.const 1)) (i32.const 1))))
    (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8))
      (i32.and (local.get $code) (i32.and (i32.shr_u (local.get $code) (i32.const 1)) (i32.const 1))))))

  ;; Adds the lane sums of the vector counters to the scratch counts.
  (func $storeCounts (param $ones v128) (param $twos v128) (param $both v128)
    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (call $sum (local.get $ones))))
    (i32.store (i32.const 4) (i32.add (i32.load (i32.const 4)) (call $sum (local.get $twos))))
    (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (call $sum (local.get $both)))))

  (func $sum (param $lanes v128) (result i32)
    (local $wide v128)
    (local.set $wide (i32x4.extadd_pairwise_i16x8_u (local.get $lanes)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $wide)) (i32x4.extract_lane 1 (local.get $wide)))
      (i32.add (i32x4.extract_lane 2 (local.get $wide)) (i32x4.extract_lane 3 (local.get $wide)))))

  ;; Sets the counts and the refusal count to zero.
  (func $resetScratch
    (i64.store (i32.const 0) (i64.const 0))
    (i64.store (i32.const 8) (i64.const 0))))
