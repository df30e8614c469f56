/**
 * Deterministic elementary functions for the model (MODEL.md §6.8: the same
 * seed gives bitwise-identical traces in Node and the browser).
 *
 * `Math.exp`, `Math.log`, `Math.pow` … are not specified to the last bit, and
 * they do differ between engines and engine versions (measured here: Node 20
 * and Chromium 156 disagree on about one exp or log in ten). These versions
 * use only IEEE-754 arithmetic (+ − × ÷, exactly rounded everywhere) and bit
 * manipulation, so every engine computes the same bits. They follow the
 * classic fdlibm algorithms (Sun Microsystems, 1993), whose methods and
 * minimax coefficients are published with them; errors are below one ulp.
 *
 * `Math.sqrt`, `Math.floor`, `Math.ceil`, `Math.round`, `Math.abs`,
 * `Math.min`/`max` are exact in IEEE-754 and stay as they are.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** High 32 bits of a double, as a signed integer. */
function hiWord(x: number): number {
  f64[0] = x;
  return u32[HI]! | 0;
}

/** Low 32 bits of a double, unsigned. */
function loWord(x: number): number {
  f64[0] = x;
  return u32[LO]!;
}

/** The double with these high and low words. */
function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0]!;
}

/** x with its high word replaced. */
function withHiWord(x: number, hi: number): number {
  f64[0] = x;
  u32[HI] = hi;
  return f64[0]!;
}

const LN2_HI = 6.93147180369123816490e-01; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.44269504088896338700e+00;
const TWO54 = 1.80143985094819840000e+16;
const TWO1023 = 8.988465674311579539e307;
const TWO_M1000 = 9.33263618503218878990e-302;

// exp: R(z) ≈ 2 + P1 z + … + P5 z⁵ on [0, 0.347], z = r².
const P1 = 1.66666666666666019037e-01;
const P2 = -2.77777777770155933842e-03;
const P3 = 6.61375632143793436117e-05;
const P4 = -1.65339022054652515390e-06;
const P5 = 4.13813679705723846039e-08;
const E = 2.718281828459045;

/**
 * e^x. Reduce x = k·ln2 + r with |r| ≤ ln2/2 (r carried as hi − lo), use a
 * degree-5 rational form for e^r, scale by 2^k.
 */
export function exp(x: number): number {
  let hx = hiWord(x);
  const sign = (hx >>> 31) & 1;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) { // |x| ≥ 709.78
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | loWord(x)) !== 0) return x + x; // NaN
      return sign === 0 ? x : 0; // e^±∞
    }
    if (x > 7.09782712893383973096e+02) return Number.POSITIVE_INFINITY;
    if (x < -7.45133219101941108420e+02) return 0;
  }
  let hi = 0, lo = 0, k = 0;
  if (hx > 0x3fd62e42) { // |x| > ln2/2
    if (hx < 0x3ff0a2b2) { // |x| < 3·ln2/2
      if (x === 1) return E;
      hi = sign === 0 ? x - LN2_HI : x + LN2_HI;
      lo = sign === 0 ? LN2_LO : -LN2_LO;
      k = sign === 0 ? 1 : -1;
    } else {
      k = (INV_LN2 * x + (sign === 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) { // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const twopk = k >= -1021 ? fromWords((0x3ff00000 + (k << 20)) >>> 0, 0) : fromWords((0x3ff00000 + ((k + 1000) << 20)) >>> 0, 0);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - ((lo - (x * c) / (2 - c)) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * TWO1023 : y * twopk;
  return y * twopk * TWO_M1000;
}

// expm1: R1(z) ≈ 1 + Q1 z + … + Q5 z⁵ (coefficients scaled by 2^i, z = x²/2).
const Q1 = -3.33333333333331316428e-02;
const Q2 = 1.58730158725481460165e-03;
const Q3 = -7.93650757867487942473e-05;
const Q4 = 4.00821782732936239552e-06;
const Q5 = -2.01099218183624371326e-07;

/** e^x − 1, accurate near 0 (fdlibm's expm1: reduction with a correction term c). */
export function expm1(x: number): number {
  let hx = hiWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x4043687a) { // |x| ≥ 56·ln2
    if (hx >= 0x40862e42) { // |x| ≥ 709.78
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | loWord(x)) !== 0) return x + x;
        return negative ? -1 : x;
      }
      if (x > 7.09782712893383973096e+02) return Number.POSITIVE_INFINITY;
    }
    if (negative) return -1;
  }
  let hi: number, lo: number, k: number, c = 0;
  if (hx > 0x3fd62e42) { // |x| > ln2/2
    if (hx < 0x3ff0a2b2) {
      if (!negative) { hi = x - LN2_HI; lo = LN2_LO; k = 1; }
      else { hi = x + LN2_HI; lo = -LN2_LO; k = -1; }
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) { // |x| < 2^-54
    return x;
  } else {
    k = 0;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) {
    let y = 1 - (e - x);
    y = k === 1024 ? y * 2 * TWO1023 : y * fromWords((0x3ff00000 + (k << 20)) >>> 0, 0);
    return y - 1;
  }
  let y: number;
  if (k < 20) {
    t = fromWords((0x3ff00000 - (0x200000 >> k)) >>> 0, 0); // 1 − 2^-k
    y = t - (e - x);
  } else {
    t = fromWords(((0x3ff - k) << 20) >>> 0, 0); // 2^-k
    y = x - (e + t);
    y += 1;
  }
  return y * fromWords((0x3ff00000 + (k << 20)) >>> 0, 0);
}

// log and log1p: R(z) ≈ L1 s² + … + L7 s¹⁴, s = f/(2 + f).
const L1 = 6.666666666666735130e-01;
const L2 = 3.999999999940941908e-01;
const L3 = 2.857142874366239149e-01;
const L4 = 2.222219843214978396e-01;
const L5 = 1.818357216161805012e-01;
const L6 = 1.531383769920937332e-01;
const L7 = 1.479819860511658591e-01;

/** Natural logarithm: x = 2^k (1 + f) with √2/2 < 1 + f < √2, then a series in s = f/(2 + f). */
export function log(x: number): number {
  let hx = hiWord(x);
  const lx = loWord(x);
  let k = 0;
  if (hx < 0x00100000) { // x < 2^-1022
    if (((hx & 0x7fffffff) | lx) === 0) return Number.NEGATIVE_INFINITY;
    if (hx < 0) return Number.NaN;
    k -= 54;
    x *= TWO54; // subnormal: scale up
    hx = hiWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHiWord(x, (hx | (i ^ 0x3ff00000)) >>> 0); // normalise x or x/2
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - ((R - k * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (L2 + w * (L4 + w * L6));
  const t2 = z * (L1 + w * (L3 + w * (L5 + w * L7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - ((hfsq - (s * (hfsq + R) + k * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - ((s * (f - R) - k * LN2_LO) - f);
}

/** log(1 + x), accurate near 0: the same series, with a correction c/u for the rounding of u = 1 + x. */
export function log1p(x: number): number {
  const hx = hiWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1, f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) { // 1 + x < √2
    if (ax >= 0x3ff00000) return x === -1 ? Number.NEGATIVE_INFINITY : Number.NaN; // x ≤ −1
    if (ax < 0x3e200000) { // |x| < 2^-29
      return ax < 0x3c900000 ? x : x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) { k = 0; f = x; hu = 1; } // √2/2 ≤ 1 + x < √2
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = hiWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1);
      c /= u;
    } else {
      u = x;
      hu = hiWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHiWord(u, (hu | 0x3ff00000) >>> 0); // normalise u
    } else {
      k += 1;
      u = withHiWord(u, (hu | 0x3fe00000) >>> 0); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) { // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + (c + k * LN2_LO);
    const R = hfsq * (1 - 0.66666666666666666 * f);
    return k === 0 ? f - R : k * LN2_HI - ((R - (k * LN2_LO + c)) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (L1 + z * (L2 + z * (L3 + z * (L4 + z * (L5 + z * (L6 + z * L7))))));
  return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - ((hfsq - (s * (hfsq + R) + (k * LN2_LO + c))) - f);
}

/** atanh(x) = ½·log1p(2x/(1 − x)), written for accuracy on each side of ½. */
export function atanh(x: number): number {
  const hx = hiWord(x);
  const ix = hx & 0x7fffffff;
  const lx = loWord(x);
  if ((ix | ((lx | -lx) >>> 31)) > 0x3ff00000) return Number.NaN; // |x| > 1
  if (ix === 0x3ff00000 && lx === 0) return x > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (ix < 0x3e300000) return x; // |x| < 2^-28
  const a = withHiWord(x, ix >>> 0); // |x|
  let t: number;
  if (ix < 0x3fe00000) { // |x| < ½
    t = a + a;
    t = 0.5 * log1p(t + (t * a) / (1 - a));
  } else {
    t = 0.5 * log1p((a + a) / (1 - a));
  }
  return hx >= 0 ? t : -t;
}
