;; The batch hot path's row checks, on WebAssembly SIMD, run in place over rows just copied into
;; the store's columns (the store's column memory is this module's shared memory).
;;
;; Columns, at the byte offsets imported as globals: user ids (u64 per row), timestamps (f64 per
;; row, epoch milliseconds), action codes (u8 per row). The scratch area at offset 0 (i32 words),
;; used only by the writer holding the store's append lock:
;;   [0] rows with action-code bit 0 set  [1] rows with bit 1 set  [2] rows with both
;;   [3] blocks with a refused row        [4 … 260] their first rows (sixteen rows a block)
;;   [261] refused rows listed            [262 …] one per refused row: (row << 2) | verdict
;; Rows in the lists are relative to the window's first. Verdicts: 1 user id 0, 2 action code
;; above 3, 3 timestamp NaN, before the earliest Date or after $latest. A window is at most
;; 4,096 rows, so the 16-bit lane sums of the code counts cannot overflow.
;;
;; Regenerate rows-wasm.ts after editing: npm run build:wasm (the tests check it is current).
(module
  (import "store" "memory" (memory 1 65536 shared))
  (import "store" "ids" (global $ids i32))
  (import "store" "times" (global $times i32))
  (import "store" "codes" (global $codes i32))

  (global $earliest f64 (f64.const -8.64e15))
  (global $blockCount i32 (i32.const 12))
  (global $blockList i32 (i32.const 16))
  (global $refusalCount i32 (i32.const 1044))
  (global $refusalList i32 (i32.const 1048))

  ;; --- check: 0 when every row of [from, from + rows) passes, else the rules some row broke
  ;; (1 user id, 2 timestamp, 4 action code). Counts every row's code bits and lists the
  ;; sixteen-row blocks holding a refused row, for compact.
  (func (export "check") (param $from i32) (param $rows i32) (param $latest f64) (result i32)
    (local $row i32) (local $full i32) (local $id i32) (local $time i32) (local $code i32)
    (local $late v128) (local $early v128) (local $zero v128) (local $ok v128) (local $c v128)
    (local $bad v128) (local $b0 v128) (local $b1 v128) (local $t v128)
    (local $ones v128) (local $twos v128) (local $both v128) (local $flags i32) (local $blockFlags i32)
    (call $resetScratch)
    (local.set $late (f64x2.splat (local.get $latest)))
    (local.set $early (f64x2.splat (global.get $earliest)))
    (local.set $full (i32.and (local.get $rows) (i32.const -16)))
    (local.set $id (i32.add (global.get $ids) (i32.shl (local.get $from) (i32.const 3))))
    (local.set $time (i32.add (global.get $times) (i32.shl (local.get $from) (i32.const 3))))
    (local.set $code (i32.add (global.get $codes) (local.get $from)))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $row) (local.get $full)))
        (local.set $zero (v128.or (v128.or (v128.or (i64x2.eq (v128.load offset=0 (local.get $id)) (v128.const i64x2 0 0)) (i64x2.eq (v128.load offset=16 (local.get $id)) (v128.const i64x2 0 0))) (v128.or (i64x2.eq (v128.load offset=32 (local.get $id)) (v128.const i64x2 0 0)) (i64x2.eq (v128.load offset=48 (local.get $id)) (v128.const i64x2 0 0)))) (v128.or (v128.or (i64x2.eq (v128.load offset=64 (local.get $id)) (v128.const i64x2 0 0)) (i64x2.eq (v128.load offset=80 (local.get $id)) (v128.const i64x2 0 0))) (v128.or (i64x2.eq (v128.load offset=96 (local.get $id)) (v128.const i64x2 0 0)) (i64x2.eq (v128.load offset=112 (local.get $id)) (v128.const i64x2 0 0))))))
        (local.set $ok (v128.and (v128.and (v128.and (v128.and (f64x2.le (local.tee $t (v128.load offset=0 (local.get $time))) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early))) (v128.and (f64x2.le (local.tee $t (v128.load offset=16 (local.get $time))) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early)))) (v128.and (v128.and (f64x2.le (local.tee $t (v128.load offset=32 (local.get $time))) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early))) (v128.and (f64x2.le (local.tee $t (v128.load offset=48 (local.get $time))) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early))))) (v128.and (v128.and (v128.and (f64x2.le (local.tee $t (v128.load offset=64 (local.get $time))) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early))) (v128.and (f64x2.le (local.tee $t (v128.load offset=80 (local.get $time))) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early)))) (v128.and (v128.and (f64x2.le (local.tee $t (v128.load offset=96 (local.get $time))) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early))) (v128.and (f64x2.le (local.tee $t (v128.load offset=112 (local.get $time))) (local.get $late)) (f64x2.ge (local.get $t) (local.get $early)))))))
        (local.set $c (v128.load (local.get $code)))
        (local.set $bad (v128.and (local.get $c)
          (v128.const i8x16 252 252 252 252 252 252 252 252 252 252 252 252 252 252 252 252)))
        (local.set $b0 (v128.and (local.get $c) (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)))
        (local.set $b1 (v128.and (i8x16.shr_u (local.get $c) (i32.const 1))
                                 (v128.const i8x16 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1)))
        (local.set $ones (i16x8.add (local.get $ones) (i16x8.extadd_pairwise_i8x16_u (local.get $b0))))
        (local.set $twos (i16x8.add (local.get $twos) (i16x8.extadd_pairwise_i8x16_u (local.get $b1))))
        (local.set $both (i16x8.add (local.get $both)
          (i16x8.extadd_pairwise_i8x16_u (v128.and (local.get $b0) (local.get $b1)))))
        (local.set $blockFlags (i32.or
          (i32.or (v128.any_true (local.get $zero))
                  (i32.shl (i32.eqz (i64x2.all_true (local.get $ok))) (i32.const 1)))
          (i32.shl (v128.any_true (local.get $bad)) (i32.const 2))))
        (if (local.get $blockFlags)
          (then
            (local.set $flags (i32.or (local.get $flags) (local.get $blockFlags)))
            (call $listBlock (local.get $row))))
        (local.set $id (i32.add (local.get $id) (i32.const 128)))
        (local.set $time (i32.add (local.get $time) (i32.const 128)))
        (local.set $code (i32.add (local.get $code) (i32.const 16)))
        (local.set $row (i32.add (local.get $row) (i32.const 16)))
        (br $blocks)))
    (call $addCounts (local.get $ones) (local.get $twos) (local.get $both))
    ;; the last zero to fifteen rows, one at a time, as one more block when one is refused
    (local.set $blockFlags (i32.const 0))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $blockFlags (i32.or (local.get $blockFlags)
          (call $verdict (i32.add (local.get $from) (local.get $row)) (local.get $latest))))
        (call $countCode (i32.load8_u (i32.add (global.get $codes) (i32.add (local.get $from) (local.get $row)))))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $tail)))
    (if (local.get $blockFlags)
      (then
        (local.set $flags (i32.or (local.get $flags) (local.get $blockFlags)))
        (call $listBlock (local.get $full))))
    (local.get $flags))

  ;; --- compact, after check of the same window: moves the accepted rows down, in order, to
  ;; start at $from, and lists the refused ones; only the listed blocks are judged row by row,
  ;; the runs between them are moved whole. Returns the number of accepted rows.
  (func (export "compact") (param $from i32) (param $rows i32) (param $latest f64) (result i32)
    (local $row i32) (local $out i32) (local $block i32) (local $blocks i32) (local $start i32)
    (local $end i32) (local $r i32)
    (i32.store (global.get $refusalCount) (i32.const 0))
    (local.set $blocks (i32.load (global.get $blockCount)))
    (block $blocksDone
      (loop $each
        (br_if $blocksDone (i32.ge_u (local.get $block) (local.get $blocks)))
        (local.set $start (i32.load (i32.add (global.get $blockList) (i32.shl (local.get $block) (i32.const 2)))))
        (call $moveRun (local.get $from) (local.get $row) (local.get $out) (i32.sub (local.get $start) (local.get $row)))
        (local.set $out (i32.add (local.get $out) (i32.sub (local.get $start) (local.get $row))))
        (local.set $end (select (local.get $rows) (i32.add (local.get $start) (i32.const 16))
          (i32.gt_u (i32.add (local.get $start) (i32.const 16)) (local.get $rows))))
        (local.set $r (local.get $start))
        (block $rowsDone
          (loop $judge
            (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $end)))
            (local.set $out (call $judgeAndMove (local.get $from) (local.get $r) (local.get $out) (local.get $latest)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $judge)))
        (local.set $row (local.get $end))
        (local.set $block (i32.add (local.get $block) (i32.const 1)))
        (br $each)))
    (call $moveRun (local.get $from) (local.get $row) (local.get $out) (i32.sub (local.get $rows) (local.get $row)))
    (i32.add (local.get $out) (i32.sub (local.get $rows) (local.get $row))))

  ;; Moves $count rows from $from + $row down to $from + $out (never up), column by column.
  (func $moveRun (param $from i32) (param $row i32) (param $out i32) (param $count i32)
    (if (i32.or (i32.eqz (local.get $count)) (i32.eq (local.get $row) (local.get $out)))
      (then (return)))
    (memory.copy
      (i32.add (global.get $ids) (i32.shl (i32.add (local.get $from) (local.get $out)) (i32.const 3)))
      (i32.add (global.get $ids) (i32.shl (i32.add (local.get $from) (local.get $row)) (i32.const 3)))
      (i32.shl (local.get $count) (i32.const 3)))
    (memory.copy
      (i32.add (global.get $times) (i32.shl (i32.add (local.get $from) (local.get $out)) (i32.const 3)))
      (i32.add (global.get $times) (i32.shl (i32.add (local.get $from) (local.get $row)) (i32.const 3)))
      (i32.shl (local.get $count) (i32.const 3)))
    (memory.copy
      (i32.add (global.get $codes) (i32.add (local.get $from) (local.get $out)))
      (i32.add (global.get $codes) (i32.add (local.get $from) (local.get $row)))
      (local.get $count)))

  ;; The first rule row $at breaks (1 user id, 2 action, 3 timestamp), or 0.
  (func $verdict (param $at i32) (param $latest f64) (result i32)
    (if (result i32) (i64.eqz (i64.load (i32.add (global.get $ids) (i32.shl (local.get $at) (i32.const 3)))))
      (then (i32.const 1))
      (else (if (result i32) (i32.gt_u (i32.load8_u (i32.add (global.get $codes) (local.get $at))) (i32.const 3))
        (then (i32.const 2))
        (else (if (result i32)
            (call $timeAccepted (f64.load (i32.add (global.get $times) (i32.shl (local.get $at) (i32.const 3))))
                                (local.get $latest))
          (then (i32.const 0))
          (else (i32.const 3))))))))

  ;; Judges row $from + $row: accepted, it moves to $from + $out (returns $out + 1); refused, it
  ;; is listed with its verdict (returns $out).
  (func $judgeAndMove (param $from i32) (param $row i32) (param $out i32) (param $latest f64) (result i32)
    (local $verdict i32) (local $listed i32)
    (local.set $verdict (call $verdict (i32.add (local.get $from) (local.get $row)) (local.get $latest)))
    (if (result i32) (local.get $verdict)
      (then
        (local.set $listed (i32.load (global.get $refusalCount)))
        (i32.store (i32.add (global.get $refusalList) (i32.shl (local.get $listed) (i32.const 2)))
          (i32.or (i32.shl (local.get $row) (i32.const 2)) (local.get $verdict)))
        (i32.store (global.get $refusalCount) (i32.add (local.get $listed) (i32.const 1)))
        (local.get $out))
      (else
        (if (i32.ne (local.get $row) (local.get $out))
          (then (call $moveRow (i32.add (local.get $from) (local.get $row))
                               (i32.add (local.get $from) (local.get $out)))))
        (i32.add (local.get $out) (i32.const 1)))))

  ;; Moves one row from $in to $to, a column at a time.
  (func $moveRow (param $in i32) (param $to i32)
    (i64.store (i32.add (global.get $ids) (i32.shl (local.get $to) (i32.const 3)))
      (i64.load (i32.add (global.get $ids) (i32.shl (local.get $in) (i32.const 3)))))
    (f64.store (i32.add (global.get $times) (i32.shl (local.get $to) (i32.const 3)))
      (f64.load (i32.add (global.get $times) (i32.shl (local.get $in) (i32.const 3)))))
    (i32.store8 (i32.add (global.get $codes) (local.get $to))
      (i32.load8_u (i32.add (global.get $codes) (local.get $in)))))

  (func $timeAccepted (param $time f64) (param $latest f64) (result i32)
    (i32.and (f64.ge (local.get $time) (global.get $earliest)) (f64.le (local.get $time) (local.get $latest))))

  (func $listBlock (param $row i32)
    (local $listed i32)
    (local.set $listed (i32.load (global.get $blockCount)))
    (i32.store (i32.add (global.get $blockList) (i32.shl (local.get $listed) (i32.const 2))) (local.get $row))
    (i32.store (global.get $blockCount) (i32.add (local.get $listed) (i32.const 1))))

  ;; Adds one row of action code $code to the scratch counts.
  (func $countCode (param $code i32)
    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.and (local.get $code) (i32.const 1))))
    (i32.store (i32.const 4) (i32.add (i32.load (i32.const 4)) (i32.and (i32.shr_u (local.get $code) (i32.const 1)) (i32.const 1))))
    (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8))
      (i32.and (local.get $code) (i32.and (i32.shr_u (local.get $code) (i32.const 1)) (i32.const 1))))))

  ;; Adds the lane sums of the vector counters to the scratch counts.
  (func $addCounts (param $ones v128) (param $twos v128) (param $both v128)
    (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (call $sum (local.get $ones))))
    (i32.store (i32.const 4) (i32.add (i32.load (i32.const 4)) (call $sum (local.get $twos))))
    (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (call $sum (local.get $both)))))

  (func $sum (param $lanes v128) (result i32)
    (local $wide v128)
    (local.set $wide (i32x4.extadd_pairwise_i16x8_u (local.get $lanes)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $wide)) (i32x4.extract_lane 1 (local.get $wide)))
      (i32.add (i32x4.extract_lane 2 (local.get $wide)) (i32x4.extract_lane 3 (local.get $wide)))))

  ;; Sets the counts and the block list to empty.
  (func $resetScratch
    (i64.store (i32.const 0) (i64.const 0))
    (i64.store (i32.const 8) (i64.const 0))))
