;; Row updates of the LU factorisation and the inverse (lu.ts), in WebAssembly with 128-bit SIMD:
;; two doubles per instruction where V8's scalar JavaScript does one. Each lane does the same
;; operations in the same order as the JavaScript loops they replace (products added left to
;; right, then subtracted; no fused multiply-add), so the results are bit for bit the same.
;; Addresses are byte offsets into the imported memory; lengths are in doubles.
;; Compiled by scripts/build-kernel.mjs (wat2wasm from wabt) into rowUpdatesWasm.ts.
(module
  (import "env" "memory" (memory 1))

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

  ;; Two target rows from the same four source rows (the LU's trailing update, two rows per pass):
  ;; da[c] -= a0*s0[c] + ... + a3*s3[c];  db[c] -= b0*s0[c] + ... + b3*s3[c]
  (func (export "sub4x2") (param $da i32) (param $db i32) (param $s0 i32) (param $s1 i32) (param $s2 i32) (param $s3 i32)
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

  ;; da[c] -= l*s[c];  db[c] -= m*s[c]
  (func (export "sub1x2") (param $da i32) (param $db i32) (param $s i32) (param $l f64) (param $m f64) (param $len i32)
    (local $end i32) (local $vend i32) (local $vl v128) (local $vm v128) (local $u v128) (local $x f64)
    (local.set $end (i32.add (local.get $da) (i32.shl (local.get $len) (i32.const 3))))
    (local.set $vend (i32.add (local.get $da) (i32.shl (i32.and (local.get $len) (i32.const -2)) (i32.const 3))))
    (local.set $vl (f64x2.splat (local.get $l)))
    (local.set $vm (f64x2.splat (local.get $m)))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $da) (local.get $vend)))
        (local.set $u (v128.load (local.get $s)))
        (v128.store (local.get $da) (f64x2.sub (v128.load (local.get $da)) (f64x2.mul (local.get $vl) (local.get $u))))
        (v128.store (local.get $db) (f64x2.sub (v128.load (local.get $db)) (f64x2.mul (local.get $vm) (local.get $u))))
        (local.set $da (i32.add (local.get $da) (i32.const 16)))
        (local.set $db (i32.add (local.get $db) (i32.const 16)))
        (local.set $s (i32.add (local.get $s) (i32.const 16)))
        (br $pairs)))
    (if (i32.lt_u (local.get $da) (local.get $end))
      (then
        (local.set $x (f64.load (local.get $s)))
        (f64.store (local.get $da) (f64.sub (f64.load (local.get $da)) (f64.mul (local.get $l) (local.get $x))))
        (f64.store (local.get $db) (f64.sub (f64.load (local.get $db)) (f64.mul (local.get $m) (local.get $x)))))));; Row d of the inverse's work block (w doubles per row, block at byte offset y) minus
  ;; Σ lrow[j]·row j for j in j0..j1-1: four source rows per step, a step whose four coefficients
  ;; are all zero skipped, then one at a time (lu.ts solveBlock's inner loops).
  (func (export "rowSolve") (param $d i32) (param $lrow i32) (param $y i32) (param $j i32) (param $j1 i32) (param $w i32)
    (local $stride i32) (local $src i32) (local $l0 f64) (local $l1 f64) (local $l2 f64) (local $l3 f64)
    (local.set $stride (i32.shl (local.get $w) (i32.const 3)))
    (block $fours
      (loop $next4
        (br_if $fours (i32.ge_s (i32.add (local.get $j) (i32.const 3)) (local.get $j1)))
        (local.set $l0 (f64.load (i32.add (local.get $lrow) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $l1 (f64.load offset=8 (i32.add (local.get $lrow) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $l2 (f64.load offset=16 (i32.add (local.get $lrow) (i32.shl (local.get $j) (i32.const 3)))))
        (local.set $l3 (f64.load offset=24 (i32.add (local.get $lrow) (i32.shl (local.get $j) (i32.const 3)))))
        (if (i32.eqz (i32.and (i32.and (f64.eq (local.get $l0) (f64.const 0)) (f64.eq (local.get $l1) (f64.const 0)))
                              (i32.and (f64.eq (local.get $l2) (f64.const 0)) (f64.eq (local.get $l3) (f64.const 0)))))
          (then
            (local.set $src (i32.add (local.get $y) (i32.mul (local.get $j) (local.get $stride))))
            (call $sub4 (local.get $d) (local.get $src)
              (i32.add (local.get $src) (local.get $stride))
              (i32.add (local.get $src) (i32.shl (local.get $stride) (i32.const 1)))
              (i32.add (local.get $src) (i32.mul (local.get $stride) (i32.const 3)))
              (local.get $l0) (local.get $l1) (local.get $l2) (local.get $l3) (local.get $w))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next4)))
    (block $ones
      (loop $next1
        (br_if $ones (i32.ge_s (local.get $j) (local.get $j1)))
        (local.set $l0 (f64.load (i32.add (local.get $lrow) (i32.shl (local.get $j) (i32.const 3)))))
        (if (f64.ne (local.get $l0) (f64.const 0))
          (then (call $sub1 (local.get $d) (i32.add (local.get $y) (i32.mul (local.get $j) (local.get $stride))) (local.get $l0) (local.get $w))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next1))))
)
