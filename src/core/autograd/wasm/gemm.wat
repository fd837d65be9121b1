;; Float32 GEMM for the gradient engine, WebAssembly SIMD (f32x4); the float64 ones (f64x2) are at the end.
;;
;;   C[m×n] (+)= op(A)[m×k] · op(B)[k×n],  op(X) = X or Xᵀ,  all matrices row-major in this memory.
;;
;; Both operands are first packed into panels (this also does the transposes, so no caller transposes
;; a weight matrix): A into panels of 4 rows, [panel][p][4], and B into panels of 8 columns,
;; [panel][p][8], zero-padded at the edges. A 4×8 register tile (8 f32x4 accumulators, 2 B vectors and
;; one broadcast A value: 11 of the 16 vector registers x64 code has) then walks k with only contiguous,
;; statically offset loads. k is cut into blocks of 64: one B panel block (2 KiB) stays in L1 while
;; every row panel passes over it, and each block is summed on its own and then added to C (blocked
;; summation: float32 rounding grows with 64 + k/64 instead of k; ResNet-18's ERF needs it to stay
;; within 1e-6 of float64 PyTorch). Edge tiles go through a 4×8 scratch tile at address 0.
;;
;; `f32x4.relaxed_madd` and `f64x2.relaxed_madd` are relaxed SIMD's fused multiply-add.
;; scripts/build-wasm.mjs also emits a plain-SIMD module from this source with each one rewritten as
;; add(mul(a, b), c); the loader picks the first module the runtime validates.
(module
  (memory (export "memory") 1)

  ;; Packs a matrix into panels of w (4 or 8) along its "blocked" dimension (nb entries, byte stride
  ;; sb) for every step of the "running" dimension (nr entries, byte stride sr):
  ;; dst[(q·nr + r)·w + t] = src[(q·w + t)·sb + r·sr], 0 past the edge.
  (func $pack (param $src i32) (param $nb i32) (param $nr i32) (param $sb i32) (param $sr i32)
    (param $w i32) (param $dst i32)
    (local $q0 i32) (local $r i32) (local $t i32) (local $s i32) (local $vec i32) (local $wb i32)
    (local.set $wb (i32.shl (local.get $w) (i32.const 2)))
    (block $done
      (loop $panel
        (br_if $done (i32.ge_u (local.get $q0) (local.get $nb)))
        ;; A full panel whose entries are adjacent in memory is copied as vectors.
        (local.set $vec
          (i32.and
            (i32.eq (local.get $sb) (i32.const 4))
            (i32.le_u (i32.add (local.get $q0) (local.get $w)) (local.get $nb))))
        (local.set $s (i32.add (local.get $src) (i32.mul (local.get $q0) (local.get $sb))))
        (local.set $r (i32.const 0))
        (block $rows_done
          (loop $rows
            (br_if $rows_done (i32.ge_u (local.get $r) (local.get $nr)))
            (if (local.get $vec)
              (then
                (v128.store (local.get $dst) (v128.load (local.get $s)))
                (if (i32.eq (local.get $w) (i32.const 8))
                  (then (v128.store offset=16 (local.get $dst) (v128.load offset=16 (local.get $s))))))
              (else
                (local.set $t (i32.const 0))
                (block $t_done
                  (loop $ts
                    (br_if $t_done (i32.ge_u (local.get $t) (local.get $w)))
                    (f32.store
                      (i32.add (local.get $dst) (i32.shl (local.get $t) (i32.const 2)))
                      (if (result f32)
                        (i32.lt_u (i32.add (local.get $q0) (local.get $t)) (local.get $nb))
                        (then (f32.load (i32.add (local.get $s) (i32.mul (local.get $t) (local.get $sb)))))
                        (else (f32.const 0))))
                    (local.set $t (i32.add (local.get $t) (i32.const 1)))
                    (br $ts)))))
            (local.set $dst (i32.add (local.get $dst) (local.get $wb)))
            (local.set $s (i32.add (local.get $s) (local.get $sr)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rows)))
        (local.set $q0 (i32.add (local.get $q0) (local.get $w)))
        (br $panel))))

  ;; One 4×8 tile of C at address c (row stride sc bytes) from kc steps of an A panel (ap) and a B
  ;; panel (bp). mr ≤ 4 rows and nr ≤ 8 columns of the tile lie inside C; acc adds to C; otherwise a
  ;; non-zero bias is the address of the tile's 8 entries of a row vector added to every row. relu
  ;; stores max(x, 0) (NaN and −0 as 0, like `x > 0 ? x : 0`).
  (func $tile (param $ap i32) (param $bp i32) (param $kc i32) (param $c i32) (param $sc i32)
    (param $mr i32) (param $nr i32) (param $acc i32) (param $bias i32) (param $relu i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $end i32) (local $full i32) (local $cp i32) (local $r i32) (local $t i32) (local $v f32)
    (local.set $full
      (i32.and (i32.eq (local.get $mr) (i32.const 4)) (i32.eq (local.get $nr) (i32.const 8))))
    ;; The accumulators start at 0 (or the bias) even when adding to C: each k block is summed on its
    ;; own and then added, which keeps float32 rounding of long sums (im2col's k = 9·channels) small.
    (if (i32.and (local.get $full) (i32.ne (local.get $bias) (i32.const 0)))
      (then
        (local.set $c00 (v128.load (local.get $bias)))
        (local.set $c01 (v128.load offset=16 (local.get $bias)))
        (local.set $c10 (local.get $c00))
        (local.set $c11 (local.get $c01))
        (local.set $c20 (local.get $c00))
        (local.set $c21 (local.get $c01))
        (local.set $c30 (local.get $c00))
        (local.set $c31 (local.get $c01))))
    (local.set $end (i32.add (local.get $ap) (i32.shl (local.get $kc) (i32.const 4))))
    (block $k_done
      (loop $k
        (br_if $k_done (i32.ge_u (local.get $ap) (local.get $end)))
        (local.set $b0 (v128.load (local.get $bp)))
        (local.set $b1 (v128.load offset=16 (local.get $bp)))
        (local.set $x (v128.load32_splat (local.get $ap)))
        (local.set $c00 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
        (local.set $c01 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c01)))
        (local.set $x (v128.load32_splat offset=4 (local.get $ap)))
        (local.set $c10 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c10)))
        (local.set $c11 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c11)))
        (local.set $x (v128.load32_splat offset=8 (local.get $ap)))
        (local.set $c20 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c20)))
        (local.set $c21 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c21)))
        (local.set $x (v128.load32_splat offset=12 (local.get $ap)))
        (local.set $c30 (f32x4.relaxed_madd (local.get $x) (local.get $b0) (local.get $c30)))
        (local.set $c31 (f32x4.relaxed_madd (local.get $x) (local.get $b1) (local.get $c31)))
        (local.set $ap (i32.add (local.get $ap) (i32.const 16)))
        (local.set $bp (i32.add (local.get $bp) (i32.const 32)))
        (br $k)))
    (if (i32.and (local.get $full) (local.get $acc))
      (then
        (local.set $cp (local.get $c))
        (local.set $c00 (f32x4.add (v128.load (local.get $cp)) (local.get $c00)))
        (local.set $c01 (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c01)))
        (local.set $cp (i32.add (local.get $cp) (local.get $sc)))
        (local.set $c10 (f32x4.add (v128.load (local.get $cp)) (local.get $c10)))
        (local.set $c11 (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c11)))
        (local.set $cp (i32.add (local.get $cp) (local.get $sc)))
        (local.set $c20 (f32x4.add (v128.load (local.get $cp)) (local.get $c20)))
        (local.set $c21 (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c21)))
        (local.set $cp (i32.add (local.get $cp) (local.get $sc)))
        (local.set $c30 (f32x4.add (v128.load (local.get $cp)) (local.get $c30)))
        (local.set $c31 (f32x4.add (v128.load offset=16 (local.get $cp)) (local.get $c31)))))
    (if (i32.and (local.get $full) (local.get $relu))
      (then
        (local.set $x (v128.const f32x4 0 0 0 0))
        (local.set $c00 (v128.and (local.get $c00) (f32x4.gt (local.get $c00) (local.get $x))))
        (local.set $c01 (v128.and (local.get $c01) (f32x4.gt (local.get $c01) (local.get $x))))
        (local.set $c10 (v128.and (local.get $c10) (f32x4.gt (local.get $c10) (local.get $x))))
        (local.set $c11 (v128.and (local.get $c11) (f32x4.gt (local.get $c11) (local.get $x))))
        (local.set $c20 (v128.and (local.get $c20) (f32x4.gt (local.get $c20) (local.get $x))))
        (local.set $c21 (v128.and (local.get $c21) (f32x4.gt (local.get $c21) (local.get $x))))
        (local.set $c30 (v128.and (local.get $c30) (f32x4.gt (local.get $c30) (local.get $x))))
        (local.set $c31 (v128.and (local.get $c31) (f32x4.gt (local.get $c31) (local.get $x))))))
    (if (local.get $full)
      (then
        (local.set $cp (local.get $c))
        (v128.store (local.get $cp) (local.get $c00))
        (v128.store offset=16 (local.get $cp) (local.get $c01))
        (local.set $cp (i32.add (local.get $cp) (local.get $sc)))
        (v128.store (local.get $cp) (local.get $c10))
        (v128.store offset=16 (local.get $cp) (local.get $c11))
        (local.set $cp (i32.add (local.get $cp) (local.get $sc)))
        (v128.store (local.get $cp) (local.get $c20))
        (v128.store offset=16 (local.get $cp) (local.get $c21))
        (local.set $cp (i32.add (local.get $cp) (local.get $sc)))
        (v128.store (local.get $cp) (local.get $c30))
        (v128.store offset=16 (local.get $cp) (local.get $c31))
        (return)))
    ;; An edge tile: through the scratch tile at address 0, entry by entry.
    (v128.store (i32.const 0) (local.get $c00))
    (v128.store (i32.const 16) (local.get $c01))
    (v128.store (i32.const 32) (local.get $c10))
    (v128.store (i32.const 48) (local.get $c11))
    (v128.store (i32.const 64) (local.get $c20))
    (v128.store (i32.const 80) (local.get $c21))
    (v128.store (i32.const 96) (local.get $c30))
    (v128.store (i32.const 112) (local.get $c31))
    (block $r_done
      (loop $rs
        (br_if $r_done (i32.ge_u (local.get $r) (local.get $mr)))
        (local.set $cp (i32.add (local.get $c) (i32.mul (local.get $r) (local.get $sc))))
        (local.set $t (i32.const 0))
        (block $t_done
          (loop $ts
            (br_if $t_done (i32.ge_u (local.get $t) (local.get $nr)))
            (local.set $v
              (f32.load (i32.shl (i32.add (i32.shl (local.get $r) (i32.const 3)) (local.get $t)) (i32.const 2))))
            (if (local.get $acc) (then (local.set $v (f32.add (local.get $v) (f32.load (local.get $cp))))))
            (if (local.get $bias)
              (then
                (local.set $v
                  (f32.add (local.get $v)
                    (f32.load (i32.add (local.get $bias) (i32.shl (local.get $t) (i32.const 2))))))))
            (if (local.get $relu)
              (then
                (local.set $v
                  (select (local.get $v) (f32.const 0) (f32.gt (local.get $v) (f32.const 0))))))
            (f32.store (local.get $cp) (local.get $v))
            (local.set $cp (i32.add (local.get $cp) (i32.const 4)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $ts)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rs))))

  ;; C[m×n] (+)= op(A)·op(B) (+ bias). ta: A is stored k×m (Aᵀ·B); tb: B is stored n×k (A·Bᵀ). ap and
  ;; bp are free space for the packed panels: 16·⌈m/4⌉·k and 32·⌈n/8⌉·k bytes. k ≥ 1. bias, when not 0
  ;; and acc is 0, is the address of n floats added to every row of C (a layer's bias); relu then
  ;; stores max(C, 0) (the forward pass of a relu layer in the same sweep over C).
  (func (export "gemm") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32)
    (param $n i32) (param $ta i32) (param $tb i32) (param $acc i32) (param $ap i32) (param $bp i32)
    (param $bias i32) (param $relu i32)
    (local $i i32) (local $j i32) (local $kb i32) (local $kc i32) (local $sc i32) (local $k4 i32)
    (local $accb i32)
    (local.set $k4 (i32.shl (local.get $k) (i32.const 2)))
    (call $pack (local.get $a) (local.get $m) (local.get $k)
      (if (result i32) (local.get $ta) (then (i32.const 4)) (else (local.get $k4)))
      (if (result i32) (local.get $ta) (then (i32.shl (local.get $m) (i32.const 2))) (else (i32.const 4)))
      (i32.const 4) (local.get $ap))
    (call $pack (local.get $b) (local.get $n) (local.get $k)
      (if (result i32) (local.get $tb) (then (local.get $k4)) (else (i32.const 4)))
      (if (result i32) (local.get $tb) (then (i32.const 4)) (else (i32.shl (local.get $n) (i32.const 2))))
      (i32.const 8) (local.get $bp))
    (local.set $sc (i32.shl (local.get $n) (i32.const 2)))
    (block $kb_done
      (loop $kbs
        (br_if $kb_done (i32.ge_u (local.get $kb) (local.get $k)))
        (local.set $kc (i32.sub (local.get $k) (local.get $kb)))
        (if (i32.gt_u (local.get $kc) (i32.const 64)) (then (local.set $kc (i32.const 64))))
        (local.set $accb (i32.or (local.get $acc) (i32.ne (local.get $kb) (i32.const 0))))
        (local.set $j (i32.const 0))
        (block $j_done
          (loop $js
            (br_if $j_done (i32.ge_u (local.get $j) (local.get $n)))
            (local.set $i (i32.const 0))
            (block $i_done
              (loop $is
                (br_if $i_done (i32.ge_u (local.get $i) (local.get $m)))
                (call $tile
                  ;; A panel i/4 starts at ap + 16·(i/4)·k = ap + 4·i·k; step kb at 16·kb.
                  (i32.add (local.get $ap)
                    (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (i32.shl (local.get $kb) (i32.const 2))) (i32.const 2)))
                  ;; B panel j/8 starts at bp + 32·(j/8)·k = bp + 4·j·k; step kb at 32·kb.
                  (i32.add (local.get $bp)
                    (i32.shl (i32.add (i32.mul (local.get $j) (local.get $k)) (i32.shl (local.get $kb) (i32.const 3))) (i32.const 2)))
                  (local.get $kc)
                  (i32.add (local.get $c)
                    (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2)))
                  (local.get $sc)
                  (select (i32.const 4) (i32.sub (local.get $m) (local.get $i))
                    (i32.ge_u (i32.sub (local.get $m) (local.get $i)) (i32.const 4)))
                  (select (i32.const 8) (i32.sub (local.get $n) (local.get $j))
                    (i32.ge_u (i32.sub (local.get $n) (local.get $j)) (i32.const 8)))
                  (local.get $accb)
                  (select (i32.const 0)
                    (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2)))
                    (i32.or (local.get $accb) (i32.eqz (local.get $bias))))
                  ;; relu on the last k block only
                  (i32.and (local.get $relu)
                    (i32.ge_u (i32.add (local.get $kb) (i32.const 64)) (local.get $k))))
                (local.set $i (i32.add (local.get $i) (i32.const 4)))
                (br $is)))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))
            (br $js)))
        (local.set $kb (i32.add (local.get $kb) (i32.const 64)))
        (br $kbs))))
  ;; dst[j] = Σ_r src[r·cols + j], rows summed in order (the bias gradient: column sums of δ).
  (func (export "colsum") (param $src i32) (param $rows i32) (param $cols i32) (param $dst i32)
    (local $j i32) (local $r i32) (local $p i32) (local $s v128) (local $f f32) (local $stride i32)
    (local.set $stride (i32.shl (local.get $cols) (i32.const 2)))
    (block $v_done
      (loop $vs
        (br_if $v_done (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $cols)))
        (local.set $s (v128.const f32x4 0 0 0 0))
        (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $r (i32.const 0))
        (block $r_done
          (loop $rs
            (br_if $r_done (i32.ge_u (local.get $r) (local.get $rows)))
            (local.set $s (f32x4.add (local.get $s) (v128.load (local.get $p))))
            (local.set $p (i32.add (local.get $p) (local.get $stride)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rs)))
        (v128.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))) (local.get $s))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $vs)))
    (block $s_done
      (loop $ss
        (br_if $s_done (i32.ge_u (local.get $j) (local.get $cols)))
        (local.set $f (f32.const 0))
        (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
        (local.set $r (i32.const 0))
        (block $r2_done
          (loop $rs2
            (br_if $r2_done (i32.ge_u (local.get $r) (local.get $rows)))
            (local.set $f (f32.add (local.get $f) (f32.load (local.get $p))))
            (local.set $p (i32.add (local.get $p) (local.get $stride)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rs2)))
        (f32.store (i32.add (local.get $dst) (i32.shl (local.get $j) (i32.const 2))) (local.get $f))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $ss))))

  ;; Float64: C[m×n] += A[m×k] · B[k×n], all row-major in this memory, n even (the caller pads a
  ;; column), C already holding its start value (0, or the sum it adds to). Every element is summed in
  ;; exactly the order of the TypeScript reference kernel (kernels64.ts), with separate multiply and
  ;; add (no fused multiply-add), so the result is bit-identical to it (the plain-SIMD module runs this
  ;; one; the relaxed-SIMD module runs gemm64fma below): in blocks of 4
  ;; rows, C gets ((a₀b₀ + a₁b₁) + a₂b₂) + a₃b₃ per 4 steps of k, then a·b per remaining step; the rows
  ;; past the last block of 4 get a·b per step. A 4×2 tile of C (4 f64x2 accumulators) stays in
  ;; registers over all of k; A values are broadcast straight from memory (v128.load64_splat).
  (func (export "gemm64") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32)
    (param $n i32)
    (local $i i32) (local $j i32) (local $p i32) (local $k4 i32) (local $sa i32) (local $sc i32)
    (local $ar i32) (local $cp i32) (local $bp i32) (local $b4 i32)
    (local $a0 i32) (local $a1 i32) (local $a2 i32) (local $a3 i32)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local.set $k4 (i32.and (local.get $k) (i32.const -4)))
    (local.set $sa (i32.shl (local.get $k) (i32.const 3)))
    (local.set $sc (i32.shl (local.get $n) (i32.const 3)))
    (local.set $b4 (i32.shl (local.get $sc) (i32.const 2)))
    (block $i_done
      (loop $is
        (br_if $i_done (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
        (local.set $ar (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sa))))
        (local.set $j (i32.const 0))
        (block $j_done
          (loop $js
            (br_if $j_done (i32.ge_u (local.get $j) (local.get $n)))
            (local.set $cp
              (i32.add (local.get $c)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3))))
            (local.set $c0 (v128.load (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 0)))))
            (local.set $c1 (v128.load (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 1)))))
            (local.set $c2 (v128.load (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 2)))))
            (local.set $c3 (v128.load (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 3)))))
            (local.set $a0 (i32.add (local.get $ar) (i32.mul (local.get $sa) (i32.const 0))))
            (local.set $a1 (i32.add (local.get $ar) (i32.mul (local.get $sa) (i32.const 1))))
            (local.set $a2 (i32.add (local.get $ar) (i32.mul (local.get $sa) (i32.const 2))))
            (local.set $a3 (i32.add (local.get $ar) (i32.mul (local.get $sa) (i32.const 3))))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $p (i32.const 0))
            (block $k4_done
              (loop $k4s
                (br_if $k4_done (i32.ge_u (local.get $p) (local.get $k4)))
                (local.set $b0 (v128.load (i32.add (local.get $bp) (i32.mul (local.get $sc) (i32.const 0)))))
                (local.set $b1 (v128.load (i32.add (local.get $bp) (i32.mul (local.get $sc) (i32.const 1)))))
                (local.set $b2 (v128.load (i32.add (local.get $bp) (i32.mul (local.get $sc) (i32.const 2)))))
                (local.set $b3 (v128.load (i32.add (local.get $bp) (i32.mul (local.get $sc) (i32.const 3)))))
                (local.set $c0 (f64x2.add (local.get $c0)
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.mul (v128.load64_splat (local.get $a0)) (local.get $b0))
                        (f64x2.mul (v128.load64_splat offset=8 (local.get $a0)) (local.get $b1)))
                      (f64x2.mul (v128.load64_splat offset=16 (local.get $a0)) (local.get $b2)))
                    (f64x2.mul (v128.load64_splat offset=24 (local.get $a0)) (local.get $b3)))))
                (local.set $c1 (f64x2.add (local.get $c1)
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.mul (v128.load64_splat (local.get $a1)) (local.get $b0))
                        (f64x2.mul (v128.load64_splat offset=8 (local.get $a1)) (local.get $b1)))
                      (f64x2.mul (v128.load64_splat offset=16 (local.get $a1)) (local.get $b2)))
                    (f64x2.mul (v128.load64_splat offset=24 (local.get $a1)) (local.get $b3)))))
                (local.set $c2 (f64x2.add (local.get $c2)
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.mul (v128.load64_splat (local.get $a2)) (local.get $b0))
                        (f64x2.mul (v128.load64_splat offset=8 (local.get $a2)) (local.get $b1)))
                      (f64x2.mul (v128.load64_splat offset=16 (local.get $a2)) (local.get $b2)))
                    (f64x2.mul (v128.load64_splat offset=24 (local.get $a2)) (local.get $b3)))))
                (local.set $c3 (f64x2.add (local.get $c3)
                  (f64x2.add
                    (f64x2.add
                      (f64x2.add
                        (f64x2.mul (v128.load64_splat (local.get $a3)) (local.get $b0))
                        (f64x2.mul (v128.load64_splat offset=8 (local.get $a3)) (local.get $b1)))
                      (f64x2.mul (v128.load64_splat offset=16 (local.get $a3)) (local.get $b2)))
                    (f64x2.mul (v128.load64_splat offset=24 (local.get $a3)) (local.get $b3)))))
                (local.set $a0 (i32.add (local.get $a0) (i32.const 32)))
                (local.set $a1 (i32.add (local.get $a1) (i32.const 32)))
                (local.set $a2 (i32.add (local.get $a2) (i32.const 32)))
                (local.set $a3 (i32.add (local.get $a3) (i32.const 32)))
                (local.set $bp (i32.add (local.get $bp) (local.get $b4)))
                (local.set $p (i32.add (local.get $p) (i32.const 4)))
                (br $k4s)))
            (block $k1_done
              (loop $k1s
                (br_if $k1_done (i32.ge_u (local.get $p) (local.get $k)))
                (local.set $b0 (v128.load (local.get $bp)))
                (local.set $c0 (f64x2.add (local.get $c0)
                  (f64x2.mul (v128.load64_splat (local.get $a0)) (local.get $b0))))
                (local.set $c1 (f64x2.add (local.get $c1)
                  (f64x2.mul (v128.load64_splat (local.get $a1)) (local.get $b0))))
                (local.set $c2 (f64x2.add (local.get $c2)
                  (f64x2.mul (v128.load64_splat (local.get $a2)) (local.get $b0))))
                (local.set $c3 (f64x2.add (local.get $c3)
                  (f64x2.mul (v128.load64_splat (local.get $a3)) (local.get $b0))))
                (local.set $a0 (i32.add (local.get $a0) (i32.const 8)))
                (local.set $a1 (i32.add (local.get $a1) (i32.const 8)))
                (local.set $a2 (i32.add (local.get $a2) (i32.const 8)))
                (local.set $a3 (i32.add (local.get $a3) (i32.const 8)))
                (local.set $bp (i32.add (local.get $bp) (local.get $sc)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $k1s)))
            (v128.store (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 0))) (local.get $c0))
            (v128.store (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 1))) (local.get $c1))
            (v128.store (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 2))) (local.get $c2))
            (v128.store (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 3))) (local.get $c3))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $js)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $is)))
    ;; The rows past the last block of 4, one step of k at a time.
    (block $r_done
      (loop $rs
        (br_if $r_done (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $a0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sa))))
        (local.set $bp (local.get $b))
        (local.set $p (i32.const 0))
        (block $p_done
          (loop $ps
            (br_if $p_done (i32.ge_u (local.get $p) (local.get $k)))
            (local.set $b1 (v128.load64_splat (local.get $a0)))
            (local.set $cp
              (i32.add (local.get $c) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 3))))
            (local.set $j (i32.const 0))
            (block $jr_done
              (loop $jrs
                (br_if $jr_done (i32.ge_u (local.get $j) (local.get $n)))
                (v128.store (local.get $cp)
                  (f64x2.add (v128.load (local.get $cp))
                    (f64x2.mul (local.get $b1)
                      (v128.load (i32.add (local.get $bp) (i32.shl (local.get $j) (i32.const 3)))))))
                (local.set $cp (i32.add (local.get $cp) (i32.const 16)))
                (local.set $j (i32.add (local.get $j) (i32.const 2)))
                (br $jrs)))
            (local.set $a0 (i32.add (local.get $a0) (i32.const 8)))
            (local.set $bp (i32.add (local.get $bp) (local.get $sc)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $ps)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rs))))

  ;; Float64 with fused multiply-add, the kernel the relaxed-SIMD module runs: C[m×n] += op(A) · B[k×n],
  ;; op(A) = A[m×k], or Aᵀ with A stored k×m when ta (weight gradients: no transposed copy); otherwise
  ;; the layout and contract of gemm64, but each product is fused into its element's running sum, one
  ;; k step at a time (a·b + c rounded once). Not bit-identical to the reference: each sum is within
  ;; k·2⁻⁵³·Σ|a·b| of the exact one, as the reference's is (test/core/autograd/kernels-wasm64.test.ts
  ;; holds the two within twice that). A 4×4 tile of C (8 f64x2 accumulators, 8 independent chains:
  ;; enough to hide the fused multiply-add's latency on two pipes), two B vectors and one broadcast A
  ;; value per step: 12 GMAC/s on 128×64×64 here against gemm64's 5.5. In the plain-SIMD module
  ;; scripts/build-wasm.mjs rewrites each fused multiply-add as multiply, then add; that module runs
  ;; gemm64.
  (func (export "gemm64fma") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32)
    (param $n i32) (param $ta i32)
    (local $i i32) (local $j i32) (local $sr i32) (local $sk i32) (local $ka i32) (local $sc i32) (local $n4 i32)
    (local $ap i32) (local $a0 i32) (local $cp i32) (local $bp i32) (local $end i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    ;; The k loops below run at least once: with k = 0, C keeps its start value.
    (if (i32.eqz (local.get $k)) (then (return)))
    ;; A's entry (i, p) is at a + i·sr + p·sk: sr = 8k, sk = 8 as stored (m×k), sr = 8, sk = 8m when ta.
    (if (local.get $ta)
      (then
        (local.set $sr (i32.const 8))
        (local.set $sk (i32.shl (local.get $m) (i32.const 3))))
      (else
        (local.set $sr (i32.shl (local.get $k) (i32.const 3)))
        (local.set $sk (i32.const 8))))
    (local.set $ka (i32.mul (local.get $k) (local.get $sk)))
    (local.set $sc (i32.shl (local.get $n) (i32.const 3)))
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (block $i_done
      (loop $is
        (br_if $i_done (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $m)))
        (local.set $ap (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sr))))
        (local.set $j (i32.const 0))
        ;; 4×4 tiles: 8 accumulators, two B vectors and one broadcast A value per step.
        (block $j_done
          (loop $js
            (br_if $j_done (i32.ge_u (local.get $j) (local.get $n4)))
            (local.set $cp
              (i32.add (local.get $c)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3))))
            (local.set $c00 (v128.load (local.get $cp)))
            (local.set $c01 (v128.load offset=16 (local.get $cp)))
            (local.set $c10 (v128.load (i32.add (local.get $cp) (local.get $sc))))
            (local.set $c11 (v128.load offset=16 (i32.add (local.get $cp) (local.get $sc))))
            (local.set $c20 (v128.load (i32.add (local.get $cp) (i32.shl (local.get $sc) (i32.const 1)))))
            (local.set $c21 (v128.load offset=16 (i32.add (local.get $cp) (i32.shl (local.get $sc) (i32.const 1)))))
            (local.set $c30 (v128.load (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 3)))))
            (local.set $c31 (v128.load offset=16 (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 3)))))
            (local.set $a0 (local.get $ap))
            (local.set $end (i32.add (local.get $ap) (local.get $ka)))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (loop $ks
              (local.set $b0 (v128.load (local.get $bp)))
              (local.set $b1 (v128.load offset=16 (local.get $bp)))
              (local.set $x (v128.load64_splat (local.get $a0)))
              (local.set $c00 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
              (local.set $c01 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c01)))
              (local.set $x (v128.load64_splat (i32.add (local.get $a0) (local.get $sr))))
              (local.set $c10 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c10)))
              (local.set $c11 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c11)))
              (local.set $x (v128.load64_splat (i32.add (local.get $a0) (i32.shl (local.get $sr) (i32.const 1)))))
              (local.set $c20 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c20)))
              (local.set $c21 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c21)))
              (local.set $x (v128.load64_splat (i32.add (local.get $a0) (i32.mul (local.get $sr) (i32.const 3)))))
              (local.set $c30 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c30)))
              (local.set $c31 (f64x2.relaxed_madd (local.get $x) (local.get $b1) (local.get $c31)))
              (local.set $bp (i32.add (local.get $bp) (local.get $sc)))
              (local.set $a0 (i32.add (local.get $a0) (local.get $sk)))
              (br_if $ks (i32.lt_u (local.get $a0) (local.get $end))))
            (v128.store (local.get $cp) (local.get $c00))
            (v128.store offset=16 (local.get $cp) (local.get $c01))
            (v128.store (i32.add (local.get $cp) (local.get $sc)) (local.get $c10))
            (v128.store offset=16 (i32.add (local.get $cp) (local.get $sc)) (local.get $c11))
            (v128.store (i32.add (local.get $cp) (i32.shl (local.get $sc) (i32.const 1))) (local.get $c20))
            (v128.store offset=16 (i32.add (local.get $cp) (i32.shl (local.get $sc) (i32.const 1))) (local.get $c21))
            (v128.store (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 3))) (local.get $c30))
            (v128.store offset=16 (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 3))) (local.get $c31))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $js)))
        ;; A last pair of columns (n = 4q + 2): a 4×2 tile.
        (if (i32.lt_u (local.get $j) (local.get $n))
          (then
            (local.set $cp
              (i32.add (local.get $c)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3))))
            (local.set $c00 (v128.load (local.get $cp)))
            (local.set $c10 (v128.load (i32.add (local.get $cp) (local.get $sc))))
            (local.set $c20 (v128.load (i32.add (local.get $cp) (i32.shl (local.get $sc) (i32.const 1)))))
            (local.set $c30 (v128.load (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 3)))))
            (local.set $a0 (local.get $ap))
            (local.set $end (i32.add (local.get $ap) (local.get $ka)))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (loop $k2s
              (local.set $b0 (v128.load (local.get $bp)))
              (local.set $x (v128.load64_splat (local.get $a0)))
              (local.set $c00 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
              (local.set $x (v128.load64_splat (i32.add (local.get $a0) (local.get $sr))))
              (local.set $c10 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c10)))
              (local.set $x (v128.load64_splat (i32.add (local.get $a0) (i32.shl (local.get $sr) (i32.const 1)))))
              (local.set $c20 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c20)))
              (local.set $x (v128.load64_splat (i32.add (local.get $a0) (i32.mul (local.get $sr) (i32.const 3)))))
              (local.set $c30 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c30)))
              (local.set $bp (i32.add (local.get $bp) (local.get $sc)))
              (local.set $a0 (i32.add (local.get $a0) (local.get $sk)))
              (br_if $k2s (i32.lt_u (local.get $a0) (local.get $end))))
            (v128.store (local.get $cp) (local.get $c00))
            (v128.store (i32.add (local.get $cp) (local.get $sc)) (local.get $c10))
            (v128.store (i32.add (local.get $cp) (i32.shl (local.get $sc) (i32.const 1))) (local.get $c20))
            (v128.store (i32.add (local.get $cp) (i32.mul (local.get $sc) (i32.const 3))) (local.get $c30))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $is)))
    ;; The rows past the last block of 4: one row, two columns at a time.
    (block $r_done
      (loop $rs
        (br_if $r_done (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $ap (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sr))))
        (local.set $j (i32.const 0))
        (block $jr_done
          (loop $jrs
            (br_if $jr_done (i32.ge_u (local.get $j) (local.get $n)))
            (local.set $cp
              (i32.add (local.get $c)
                (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3))))
            (local.set $c00 (v128.load (local.get $cp)))
            (local.set $a0 (local.get $ap))
            (local.set $end (i32.add (local.get $ap) (local.get $ka)))
            (local.set $bp (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))
            (loop $k1s
              (local.set $b0 (v128.load (local.get $bp)))
              (local.set $x (v128.load64_splat (local.get $a0)))
              (local.set $c00 (f64x2.relaxed_madd (local.get $x) (local.get $b0) (local.get $c00)))
              (local.set $bp (i32.add (local.get $bp) (local.get $sc)))
              (local.set $a0 (i32.add (local.get $a0) (local.get $sk)))
              (br_if $k1s (i32.lt_u (local.get $a0) (local.get $end))))
            (v128.store (local.get $cp) (local.get $c00))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $jrs)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rs))))
)
