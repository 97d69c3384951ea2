;; Kernels of the LU factorisation and the inverse (lu.ts, luRows.ts), in WebAssembly with 128-bit
;; SIMD: two doubles per instruction where V8's scalar JavaScript does one. All three updates are
;; T -= L·U on a block of target rows: the trailing update A22 -= L21·U12, and the inverse's forward
;; (unit L) and backward (U) solves, each one call for a whole block of rows ($block: two target rows
;; at a time, each group of four source rows loaded once for both). Per element the operations are
;; those of the JavaScript loops in luRows.ts, in the same order: for each group of four k in order,
;; t = t − (((l0·u0 + l1·u1) + l2·u2) + l3·u3) (no fused multiply-add), so the numbers are the same
;; bit for bit. A group whose coefficients are all zero in both rows of a pair is skipped.
;; Addresses are byte offsets into the imported memory; lengths and counts are in doubles/rows.
;; Compiled by scripts/build-kernel.mjs (wat2wasm from wabt) into rowUpdatesWasm.ts.
(module
  (import "env" "memory" (memory 1))

  ;; d[c] -= l*s[c]   (c < len)
  (func $sub1 (export "sub1") (param $d i32) (param $s i32) (param $l f64) (param $len i32)
    (local $end i32) (local $vend i32) (local $v v128)
    (local.set $end (i32.add (local.get $d) (i32.shl (local.get $len) (i32.const 3))))
    (local.set $vend (i32.add (local.get $d) (i32.shl (i32.and (local.get $len) (i32.const -2)) (i32.const 3))))
    (local.set $v (f64x2.splat (local.get $l)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $d) (local.get $vend)))
        (v128.store (local.get $d)
          (f64x2.sub (v128.load (local.get $d)) (f64x2.mul (local.get $v) (v128.load (local.get $s)))))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (local.set $s (i32.add (local.get $s) (i32.const 16)))
        (br $pairs)))
    (if (i32.lt_u (local.get $d) (local.get $end))
      (then
        (f64.store (local.get $d)
          (f64.sub (f64.load (local.get $d)) (f64.mul (local.get $l) (f64.load (local.get $s))))))))

  ;; d[c] /= x   (c < len)
  (func $div (param $d i32) (param $x f64) (param $len i32)
    (local $end i32) (local $vend i32) (local $v v128)
    (local.set $end (i32.add (local.get $d) (i32.shl (local.get $len) (i32.const 3))))
    (local.set $vend (i32.add (local.get $d) (i32.shl (i32.and (local.get $len) (i32.const -2)) (i32.const 3))))
    (local.set $v (f64x2.splat (local.get $x)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $d) (local.get $vend)))
        (v128.store (local.get $d) (f64x2.div (v128.load (local.get $d)) (local.get $v)))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (br $pairs)))
    (if (i32.lt_u (local.get $d) (local.get $end))
      (then (f64.store (local.get $d) (f64.div (f64.load (local.get $d)) (local.get $x))))))

  ;; d[c] -= l0*s0[c] + l1*s1[c] + l2*s2[c] + l3*s3[c]   (c < len)
  (func $sub4 (export "sub4") (param $d i32) (param $s0 i32) (param $s1 i32) (param $s2 i32) (param $s3 i32)
        (param $l0 f64) (param $l1 f64) (param $l2 f64) (param $l3 f64) (param $len i32)
    (local $end i32) (local $vend i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $end (i32.add (local.get $d) (i32.shl (local.get $len) (i32.const 3))))
    (local.set $vend (i32.add (local.get $d) (i32.shl (i32.and (local.get $len) (i32.const -2)) (i32.const 3))))
    (local.set $v0 (f64x2.splat (local.get $l0)))
    (local.set $v1 (f64x2.splat (local.get $l1)))
    (local.set $v2 (f64x2.splat (local.get $l2)))
    (local.set $v3 (f64x2.splat (local.get $l3)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $d) (local.get $vend)))
        (v128.store (local.get $d)
          (f64x2.sub (v128.load (local.get $d))
            (f64x2.add
              (f64x2.add
                (f64x2.add (f64x2.mul (local.get $v0) (v128.load (local.get $s0)))
                           (f64x2.mul (local.get $v1) (v128.load (local.get $s1))))
                (f64x2.mul (local.get $v2) (v128.load (local.get $s2))))
              (f64x2.mul (local.get $v3) (v128.load (local.get $s3))))))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (local.set $s0 (i32.add (local.get $s0) (i32.const 16)))
        (local.set $s1 (i32.add (local.get $s1) (i32.const 16)))
        (local.set $s2 (i32.add (local.get $s2) (i32.const 16)))
        (local.set $s3 (i32.add (local.get $s3) (i32.const 16)))
        (br $pairs)))
    (if (i32.lt_u (local.get $d) (local.get $end))
      (then
        (f64.store (local.get $d)
          (f64.sub (f64.load (local.get $d))
            (f64.add
              (f64.add
                (f64.add (f64.mul (local.get $l0) (f64.load (local.get $s0)))
                         (f64.mul (local.get $l1) (f64.load (local.get $s1))))
                (f64.mul (local.get $l2) (f64.load (local.get $s2))))
              (f64.mul (local.get $l3) (f64.load (local.get $s3)))))))))

  ;; Two target rows from the same four source rows (the LU's trailing update, two rows per pass):
  ;; da[c] -= a0*s0[c] + ... + a3*s3[c];  db[c] -= b0*s0[c] + ... + b3*s3[c]
  (func $sub4x2 (param $da i32) (param $db i32) (param $s0 i32) (param $s1 i32) (param $s2 i32) (param $s3 i32)
        (param $a0 f64) (param $a1 f64) (param $a2 f64) (param $a3 f64)
        (param $b0 f64) (param $b1 f64) (param $b2 f64) (param $b3 f64) (param $len i32)
    (local $end i32) (local $vend i32)
    (local $va0 v128) (local $va1 v128) (local $va2 v128) (local $va3 v128)
    (local $vb0 v128) (local $vb1 v128) (local $vb2 v128) (local $vb3 v128)
    (local $u0 v128) (local $u1 v128) (local $u2 v128) (local $u3 v128)
    (local $x0 f64) (local $x1 f64) (local $x2 f64) (local $x3 f64)
    (local.set $end (i32.add (local.get $da) (i32.shl (local.get $len) (i32.const 3))))
    (local.set $vend (i32.add (local.get $da) (i32.shl (i32.and (local.get $len) (i32.const -2)) (i32.const 3))))
    (local.set $va0 (f64x2.splat (local.get $a0)))
    (local.set $va1 (f64x2.splat (local.get $a1)))
    (local.set $va2 (f64x2.splat (local.get $a2)))
    (local.set $va3 (f64x2.splat (local.get $a3)))
    (local.set $vb0 (f64x2.splat (local.get $b0)))
    (local.set $vb1 (f64x2.splat (local.get $b1)))
    (local.set $vb2 (f64x2.splat (local.get $b2)))
    (local.set $vb3 (f64x2.splat (local.get $b3)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $da) (local.get $vend)))
        (local.set $u0 (v128.load (local.get $s0)))
        (local.set $u1 (v128.load (local.get $s1)))
        (local.set $u2 (v128.load (local.get $s2)))
        (local.set $u3 (v128.load (local.get $s3)))
        (v128.store (local.get $da)
          (f64x2.sub (v128.load (local.get $da))
            (f64x2.add
              (f64x2.add
                (f64x2.add (f64x2.mul (local.get $va0) (local.get $u0)) (f64x2.mul (local.get $va1) (local.get $u1)))
                (f64x2.mul (local.get $va2) (local.get $u2)))
              (f64x2.mul (local.get $va3) (local.get $u3)))))
        (v128.store (local.get $db)
          (f64x2.sub (v128.load (local.get $db))
            (f64x2.add
              (f64x2.add
                (f64x2.add (f64x2.mul (local.get $vb0) (local.get $u0)) (f64x2.mul (local.get $vb1) (local.get $u1)))
                (f64x2.mul (local.get $vb2) (local.get $u2)))
              (f64x2.mul (local.get $vb3) (local.get $u3)))))
        (local.set $da (i32.add (local.get $da) (i32.const 16)))
        (local.set $db (i32.add (local.get $db) (i32.const 16)))
        (local.set $s0 (i32.add (local.get $s0) (i32.const 16)))
        (local.set $s1 (i32.add (local.get $s1) (i32.const 16)))
        (local.set $s2 (i32.add (local.get $s2) (i32.const 16)))
        (local.set $s3 (i32.add (local.get $s3) (i32.const 16)))
        (br $pairs)))
    (if (i32.lt_u (local.get $da) (local.get $end))
      (then
        (local.set $x0 (f64.load (local.get $s0)))
        (local.set $x1 (f64.load (local.get $s1)))
        (local.set $x2 (f64.load (local.get $s2)))
        (local.set $x3 (f64.load (local.get $s3)))
        (f64.store (local.get $da)
          (f64.sub (f64.load (local.get $da))
            (f64.add (f64.add (f64.add (f64.mul (local.get $a0) (local.get $x0)) (f64.mul (local.get $a1) (local.get $x1)))
                              (f64.mul (local.get $a2) (local.get $x2)))
                     (f64.mul (local.get $a3) (local.get $x3)))))
        (f64.store (local.get $db)
          (f64.sub (f64.load (local.get $db))
            (f64.add (f64.add (f64.add (f64.mul (local.get $b0) (local.get $x0)) (f64.mul (local.get $b1) (local.get $x1)))
                              (f64.mul (local.get $b2) (local.get $x2)))
                     (f64.mul (local.get $b3) (local.get $x3))))))))

  ;; rows × cols of d (row stride ds) minus, for each group g < groups of four k, Σ_t l_r[4g + t] ·
  ;; (row 4g + t of u): coefficient row r at l + r·ls, operand row k at u + k·us. Rows two at a time
  ;; ($sub4x2; a group skipped when the pair's eight coefficients are zero), an odd last row alone.
  (func $block (param $d i32) (param $ds i32) (param $l i32) (param $ls i32) (param $u i32) (param $us i32)
        (param $rows i32) (param $cols i32) (param $groups i32)
    (local $r i32) (local $g i32) (local $lg i32) (local $mg i32) (local $ug i32)
    (local $a0 f64) (local $a1 f64) (local $a2 f64) (local $a3 f64) (local $b0 f64) (local $b1 f64) (local $b2 f64) (local $b3 f64)
    (block $pairsDone
      (loop $pair
        (br_if $pairsDone (i32.ge_u (i32.add (local.get $r) (i32.const 1)) (local.get $rows)))
        (local.set $g (i32.const 0))
        (local.set $lg (local.get $l))
        (local.set $mg (i32.add (local.get $l) (local.get $ls)))
        (local.set $ug (local.get $u))
        (block $groupsDone
          (loop $group
            (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $groups)))
            (local.set $a0 (f64.load (local.get $lg)))
            (local.set $a1 (f64.load offset=8 (local.get $lg)))
            (local.set $a2 (f64.load offset=16 (local.get $lg)))
            (local.set $a3 (f64.load offset=24 (local.get $lg)))
            (local.set $b0 (f64.load (local.get $mg)))
            (local.set $b1 (f64.load offset=8 (local.get $mg)))
            (local.set $b2 (f64.load offset=16 (local.get $mg)))
            (local.set $b3 (f64.load offset=24 (local.get $mg)))
            (if (i32.eqz (i32.and
                  (i32.and (i32.and (f64.eq (local.get $a0) (f64.const 0)) (f64.eq (local.get $a1) (f64.const 0)))
                           (i32.and (f64.eq (local.get $a2) (f64.const 0)) (f64.eq (local.get $a3) (f64.const 0))))
                  (i32.and (i32.and (f64.eq (local.get $b0) (f64.const 0)) (f64.eq (local.get $b1) (f64.const 0)))
                           (i32.and (f64.eq (local.get $b2) (f64.const 0)) (f64.eq (local.get $b3) (f64.const 0))))))
              (then
                (call $sub4x2 (local.get $d) (i32.add (local.get $d) (local.get $ds))
                  (local.get $ug) (i32.add (local.get $ug) (local.get $us))
                  (i32.add (local.get $ug) (i32.shl (local.get $us) (i32.const 1)))
                  (i32.add (local.get $ug) (i32.mul (local.get $us) (i32.const 3)))
                  (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3)
                  (local.get $b0) (local.get $b1) (local.get $b2) (local.get $b3) (local.get $cols))))
            (local.set $lg (i32.add (local.get $lg) (i32.const 32)))
            (local.set $mg (i32.add (local.get $mg) (i32.const 32)))
            (local.set $ug (i32.add (local.get $ug) (i32.shl (local.get $us) (i32.const 2))))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $group)))
        (local.set $d (i32.add (local.get $d) (i32.shl (local.get $ds) (i32.const 1))))
        (local.set $l (i32.add (local.get $l) (i32.shl (local.get $ls) (i32.const 1))))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $pair)))
    (if (i32.lt_u (local.get $r) (local.get $rows))
      (then
        (local.set $g (i32.const 0))
        (local.set $ug (local.get $u))
        (block $groupsDone
          (loop $group
            (br_if $groupsDone (i32.ge_u (local.get $g) (local.get $groups)))
            (local.set $a0 (f64.load (local.get $l)))
            (local.set $a1 (f64.load offset=8 (local.get $l)))
            (local.set $a2 (f64.load offset=16 (local.get $l)))
            (local.set $a3 (f64.load offset=24 (local.get $l)))
            (if (i32.eqz (i32.and (i32.and (f64.eq (local.get $a0) (f64.const 0)) (f64.eq (local.get $a1) (f64.const 0)))
                                  (i32.and (f64.eq (local.get $a2) (f64.const 0)) (f64.eq (local.get $a3) (f64.const 0)))))
              (then
                (call $sub4 (local.get $d) (local.get $ug) (i32.add (local.get $ug) (local.get $us))
                  (i32.add (local.get $ug) (i32.shl (local.get $us) (i32.const 1)))
                  (i32.add (local.get $ug) (i32.mul (local.get $us) (i32.const 3)))
                  (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3) (local.get $cols))))
            (local.set $l (i32.add (local.get $l) (i32.const 32)))
            (local.set $ug (i32.add (local.get $ug) (i32.shl (local.get $us) (i32.const 2))))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $group))))))

  ;; Swap len doubles at x and y.
  (func $swap (param $x i32) (param $y i32) (param $len i32)
    (local $end i32) (local $t f64)
    (local.set $end (i32.add (local.get $x) (i32.shl (local.get $len) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $t (f64.load (local.get $x)))
        (f64.store (local.get $x) (f64.load (local.get $y)))
        (f64.store (local.get $y) (local.get $t))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (local.set $y (i32.add (local.get $y) (i32.const 8)))
        (br $next))))

  ;; Copy `rows` rows of len doubles from s (row stride ss bytes) to d (row stride ds bytes).
  (func $copyRows (param $d i32) (param $ds i32) (param $s i32) (param $ss i32) (param $rows i32) (param $len i32)
    (block $done
      (loop $row
        (br_if $done (i32.eqz (local.get $rows)))
        (memory.copy (local.get $d) (local.get $s) (i32.shl (local.get $len) (i32.const 3)))
        (local.set $d (i32.add (local.get $d) (local.get $ds)))
        (local.set $s (i32.add (local.get $s) (local.get $ss)))
        (local.set $rows (i32.sub (local.get $rows) (i32.const 1)))
        (br $row))))

  ;; The panel of the factorisation (lu.ts factorPanel, the same operations in the same order):
  ;; columns kb..ke-1 of rows kb..n-1 of A (at a, n × n) factored with partial pivoting, rows
  ;; swapped whole. The panel is packed at pk (rows of ke − kb doubles) while it is factored: down a
  ;; column of A each element is a row's length away. The row chosen as pivot for column kb + c is
  ;; stored as an i32 at sw + 4c. Returns the number of columns factored: ke − kb, or the column
  ;; (from kb) whose largest candidate pivot is not above tol (the matrix is singular there).
  (func (export "panel") (param $a i32) (param $n i32) (param $kb i32) (param $ke i32) (param $pk i32) (param $sw i32) (param $tol f64) (result i32)
    (local $w i32) (local $ws i32) (local $ns i32) (local $c i32) (local $k i32) (local $p i32) (local $i i32)
    (local $max f64) (local $v f64) (local $x i32) (local $rk i32) (local $ri i32) (local $pivot f64) (local $l f64)
    (local.set $w (i32.sub (local.get $ke) (local.get $kb)))
    (local.set $ws (i32.shl (local.get $w) (i32.const 3)))
    (local.set $ns (i32.shl (local.get $n) (i32.const 3)))
    (call $copyRows (local.get $pk) (local.get $ws)
      (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $kb) (local.get $n)) (local.get $kb)) (i32.const 3))) (local.get $ns)
      (i32.sub (local.get $n) (local.get $kb)) (local.get $w))
    (block $done
      (loop $column
        (br_if $done (i32.ge_u (local.get $c) (local.get $w)))
        (local.set $k (i32.add (local.get $kb) (local.get $c)))
        ;; the pivot: the first largest |value| down column c from row k
        (local.set $p (local.get $k))
        (local.set $rk (i32.add (local.get $pk) (i32.mul (local.get $c) (local.get $ws))))
        (local.set $max (f64.abs (f64.load (i32.add (local.get $rk) (i32.shl (local.get $c) (i32.const 3))))))
        (local.set $i (i32.add (local.get $k) (i32.const 1)))
        (local.set $x (i32.add (i32.add (local.get $rk) (local.get $ws)) (i32.shl (local.get $c) (i32.const 3))))
        (block $searched
          (loop $search
            (br_if $searched (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $v (f64.abs (f64.load (local.get $x))))
            (if (f64.gt (local.get $v) (local.get $max))
              (then (local.set $max (local.get $v)) (local.set $p (local.get $i))))
            (local.set $x (i32.add (local.get $x) (local.get $ws)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $search)))
        (if (i32.eqz (f64.gt (local.get $max) (local.get $tol))) (then (return (local.get $c))))
        (i32.store (i32.add (local.get $sw) (i32.shl (local.get $c) (i32.const 2))) (local.get $p))
        (if (i32.ne (local.get $p) (local.get $k))
          (then
            (call $swap (local.get $rk) (i32.add (local.get $pk) (i32.mul (i32.sub (local.get $p) (local.get $kb)) (local.get $ws))) (local.get $w))
            ;; the rest of the two rows: the L already factored (left) and the columns right of the panel
            (call $swap (i32.add (local.get $a) (i32.mul (local.get $k) (local.get $ns))) (i32.add (local.get $a) (i32.mul (local.get $p) (local.get $ns))) (local.get $kb))
            (call $swap (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $ke)) (i32.const 3)))
                        (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $p) (local.get $n)) (local.get $ke)) (i32.const 3)))
                        (i32.sub (local.get $n) (local.get $ke)))))
        ;; eliminate below: l = x / pivot, then the row's columns right of c minus l × the pivot row's
        (local.set $pivot (f64.load (i32.add (local.get $rk) (i32.shl (local.get $c) (i32.const 3)))))
        (local.set $ri (i32.add (local.get $rk) (local.get $ws)))
        (local.set $i (i32.add (local.get $k) (i32.const 1)))
        (block $eliminated
          (loop $row
            (br_if $eliminated (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $x (i32.add (local.get $ri) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $l (f64.div (f64.load (local.get $x)) (local.get $pivot)))
            (f64.store (local.get $x) (local.get $l))
            (if (f64.ne (local.get $l) (f64.const 0))
              (then (call $sub1 (i32.add (local.get $x) (i32.const 8))
                                (i32.add (i32.add (local.get $rk) (i32.shl (local.get $c) (i32.const 3))) (i32.const 8))
                                (local.get $l) (i32.sub (i32.sub (local.get $w) (local.get $c)) (i32.const 1)))))
            (local.set $ri (i32.add (local.get $ri) (local.get $ws)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $row)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $column)))
    (call $copyRows
      (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $kb) (local.get $n)) (local.get $kb)) (i32.const 3))) (local.get $ns)
      (local.get $pk) (local.get $ws) (i32.sub (local.get $n) (local.get $kb)) (local.get $w))
    (local.get $w))

  ;; The LU's trailing update for columns j0..j1-1: A[i][j] -= Σ_k A[i][k]·A[k][j] (ke ≤ i < n,
  ;; kb ≤ k < ke, ke − kb a multiple of 4), A row-major n × n at a.
  (func (export "trailing") (param $a i32) (param $n i32) (param $kb i32) (param $ke i32) (param $j0 i32) (param $j1 i32)
    (local $ns i32) (local $row i32)
    (local.set $ns (i32.shl (local.get $n) (i32.const 3)))
    (local.set $row (i32.add (local.get $a) (i32.mul (local.get $ke) (local.get $ns))))
    (call $block (i32.add (local.get $row) (i32.shl (local.get $j0) (i32.const 3))) (local.get $ns)
      (i32.add (local.get $row) (i32.shl (local.get $kb) (i32.const 3))) (local.get $ns)
      (i32.add (i32.add (local.get $a) (i32.mul (local.get $kb) (local.get $ns))) (i32.shl (local.get $j0) (i32.const 3))) (local.get $ns)
      (i32.sub (local.get $n) (local.get $ke)) (i32.sub (local.get $j1) (local.get $j0))
      (i32.shr_u (i32.sub (local.get $ke) (local.get $kb)) (i32.const 2))))

  ;; The inverse's forward solve with unit L of the block y (n rows of w doubles) whose rows below
  ;; r0 are zero: rows in blocks of four from r0; a block takes the groups of four rows above it
  ;; (from r0) through $block, then its own rows above each row one at a time.
  (func (export "forward") (param $y i32) (param $lu i32) (param $n i32) (param $r0 i32) (param $w i32)
    (local $ns i32) (local $ws i32) (local $i0 i32) (local $rows i32) (local $groups i32) (local $i i32) (local $j i32) (local $x f64)
    (local.set $ns (i32.shl (local.get $n) (i32.const 3)))
    (local.set $ws (i32.shl (local.get $w) (i32.const 3)))
    (local.set $i0 (local.get $r0))
    (block $done
      (loop $rowBlock
        (br_if $done (i32.ge_u (local.get $i0) (local.get $n)))
        (local.set $rows (select (i32.const 4) (i32.sub (local.get $n) (local.get $i0))
          (i32.ge_u (i32.sub (local.get $n) (local.get $i0)) (i32.const 4))))
        (local.set $groups (i32.shr_u (i32.sub (local.get $i0) (local.get $r0)) (i32.const 2)))
        (call $block (i32.add (local.get $y) (i32.mul (local.get $i0) (local.get $ws))) (local.get $ws)
          (i32.add (local.get $lu) (i32.shl (i32.add (i32.mul (local.get $i0) (local.get $n)) (local.get $r0)) (i32.const 3))) (local.get $ns)
          (i32.add (local.get $y) (i32.mul (local.get $r0) (local.get $ws))) (local.get $ws)
          (local.get $rows) (local.get $w) (local.get $groups))
        (local.set $i (i32.add (local.get $i0) (i32.const 1)))
        (block $triangle
          (loop $row
            (br_if $triangle (i32.ge_u (local.get $i) (i32.add (local.get $i0) (local.get $rows))))
            (local.set $j (local.get $i0))
            (block $rowDone
              (loop $col
                (br_if $rowDone (i32.ge_u (local.get $j) (local.get $i)))
                (local.set $x (f64.load (i32.add (local.get $lu) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3)))))
                (if (f64.ne (local.get $x) (f64.const 0))
                  (then (call $sub1 (i32.add (local.get $y) (i32.mul (local.get $i) (local.get $ws)))
                                    (i32.add (local.get $y) (i32.mul (local.get $j) (local.get $ws))) (local.get $x) (local.get $w))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $col)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $row)))
        (local.set $i0 (i32.add (local.get $i0) (i32.const 4)))
        (br $rowBlock))))

  ;; The backward solve with U of the same block: rows in blocks of four from the bottom (the top
  ;; block takes n mod 4); a block takes the groups of four rows below it through $block, then each
  ;; of its rows, from its last, the block's rows below it one at a time, and is divided by the pivot.
  (func (export "backward") (param $y i32) (param $lu i32) (param $n i32) (param $w i32)
    (local $ns i32) (local $ws i32) (local $s i32) (local $e i32) (local $groups i32) (local $i i32) (local $j i32) (local $x f64)
    (local.set $ns (i32.shl (local.get $n) (i32.const 3)))
    (local.set $ws (i32.shl (local.get $w) (i32.const 3)))
    (local.set $e (local.get $n))
    (block $done
      (loop $rowBlock
        (br_if $done (i32.eqz (local.get $e)))
        (local.set $s (select (i32.sub (local.get $e) (i32.const 4)) (i32.const 0) (i32.ge_u (local.get $e) (i32.const 4))))
        (local.set $groups (i32.shr_u (i32.sub (local.get $n) (local.get $e)) (i32.const 2)))
        (call $block (i32.add (local.get $y) (i32.mul (local.get $s) (local.get $ws))) (local.get $ws)
          (i32.add (local.get $lu) (i32.shl (i32.add (i32.mul (local.get $s) (local.get $n)) (local.get $e)) (i32.const 3))) (local.get $ns)
          (i32.add (local.get $y) (i32.mul (local.get $e) (local.get $ws))) (local.get $ws)
          (i32.sub (local.get $e) (local.get $s)) (local.get $w) (local.get $groups))
        (local.set $i (local.get $e))
        (block $triangle
          (loop $row
            (br_if $triangle (i32.le_u (local.get $i) (local.get $s)))
            (local.set $i (i32.sub (local.get $i) (i32.const 1)))
            (local.set $j (i32.add (local.get $i) (i32.const 1)))
            (block $rowDone
              (loop $col
                (br_if $rowDone (i32.ge_u (local.get $j) (local.get $e)))
                (local.set $x (f64.load (i32.add (local.get $lu) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3)))))
                (if (f64.ne (local.get $x) (f64.const 0))
                  (then (call $sub1 (i32.add (local.get $y) (i32.mul (local.get $i) (local.get $ws)))
                                    (i32.add (local.get $y) (i32.mul (local.get $j) (local.get $ws))) (local.get $x) (local.get $w))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $col)))
            (call $div (i32.add (local.get $y) (i32.mul (local.get $i) (local.get $ws)))
              (f64.load (i32.add (local.get $lu) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $i)) (i32.const 3))))
              (local.get $w))
            (br $row)))
        (local.set $e (local.get $s))
        (br $rowBlock))))
)
