/** MODEL.md §2: worked numbers, the value recursion, and the numerics contract. */
import { describe, expect, it } from 'vitest';
import { drift, newWarValuation, valueOfWarA, valueOfWarB, valueWar } from '../../models/war.ts';

const v = newWarValuation();

describe('valueWar: worked examples of MODEL.md §2', () => {
  it('j=6, N=10, σ=0.3, δ=0.98, ψ̂=0.55', () => {
    valueWar(6, 10, 0.3, 0.98, 0.55, v);
    expect(v.winA).toBeCloseTo(0.5051031428582757, 14);
    expect(v.winB).toBeCloseTo(0.1006098368045449, 14);
  });
  it('expected duration at δ=1, ψ̂=0.55 is 29.819148383508967 months', () => {
    expect(valueWar(6, 10, 0.3, 1, 0.55, v).warMonths).toBeCloseTo(29.819148383508967, 11);
  });
  it('expected duration at j=5, N=10, σ=0.5, ψ̂=0.5 is 50 months', () => {
    expect(valueWar(5, 10, 0.5, 1, 0.5, v).warMonths).toBe(50);
  });
  it('j=11, N=20, σ=0.6, ψ̂=0.8, δ=0.99, k=0.003: PV and V_A', () => {
    const pv = valueWar(11, 20, 0.6, 0.99, 0.8, v).warMonths;
    expect(pv).toBeCloseTo(30.668006032474537, 11);
    expect(valueOfWarA(11 / 20, pv, 0.99, drift(0.6, 0.8), 20, 0.003)).toBeCloseTo(0.822331893568374, 13);
  });
});

/** Solve V(j) = (1−δ)j/N − k + δ·E[V(next j)], V(N)=1, V(0)=0 by the Thomas algorithm. */
function valueByRecursion(n: number, sigma: number, delta: number, psi: number, k: number): number[] {
  // Interior j = 1..n−1: −δ(1−σ)(1−ψ)V(j−1) + (1 − δσ)V(j) − δ(1−σ)ψV(j+1) = (1−δ)j/n − k
  const m = n - 1;
  const lower = -delta * (1 - sigma) * (1 - psi), diag = 1 - delta * sigma, upper = -delta * (1 - sigma) * psi;
  const rhs = Array.from({ length: m }, (_, i) => (1 - delta) * (i + 1) / n - k);
  rhs[m - 1]! -= upper * 1; // V(N) = 1
  const c = new Array<number>(m), d = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    const denom = diag - (i > 0 ? lower * c[i - 1]! : 0);
    c[i] = upper / denom;
    d[i] = (rhs[i]! - (i > 0 ? lower * d[i - 1]! : 0)) / denom;
  }
  const x = new Array<number>(m);
  for (let i = m - 1; i >= 0; i--) x[i] = d[i]! - (i < m - 1 ? c[i]! * x[i + 1]! : 0);
  return [0, ...x, 1];
}

describe('V_A solves the value recursion of MODEL.md §2', () => {
  const cases: [number, number, number, number, number][] = [
    [10, 0.3, 0.98, 0.55, 0.004], [20, 0.6, 0.99, 0.8, 0.003], [20, 0.6, 0.997, 0.3, 0.01],
    [7, 0, 0.9, 0.5, 0], [50, 0.5, 0.999, 0.45, 0.002], [4, 0.9, 1, 0.7, 0.001],
  ];
  for (const [n, sigma, delta, psi, k] of cases) {
    it(`N=${n} σ=${sigma} δ=${delta} ψ̂=${psi} k=${k}`, () => {
      const exact = valueByRecursion(n, sigma, delta, psi, k);
      for (let j = 0; j <= n; j++) {
        const pv = valueWar(j, n, sigma, delta, psi, v).warMonths;
        expect(valueOfWarA(j / n, pv, delta, drift(sigma, psi), n, k)).toBeCloseTo(exact[j]!, 9);
      }
    });
  }
  it("B's value is the mirror of A's", () => {
    // B at j with belief ψ̂ is A at N − j with belief 1 − ψ̂.
    for (const [j, psi] of [[3, 0.6], [11, 0.3], [19, 0.5]] as const) {
      const pvB = valueWar(j, 20, 0.5, 0.99, psi, v).warMonths;
      const vb = valueOfWarB(j / 20, pvB, 0.99, drift(0.5, psi), 20, 0.004);
      const pvA = valueWar(20 - j, 20, 0.5, 0.99, 1 - psi, v).warMonths;
      const va = valueOfWarA((20 - j) / 20, pvA, 0.99, drift(0.5, 1 - psi), 20, 0.004);
      expect(vb).toBeCloseTo(va, 12);
    }
  });
});

describe('numerics contract', () => {
  it('never NaN or ±Infinity over the whole domain, N up to 1000', () => {
    for (const n of [2, 3, 20, 1000]) for (const sigma of [0, 0.5, 0.95]) for (const delta of [1e-9, 0.5, 0.99, 1 - 1e-12, 1])
      for (const psi of [0.001, 0.3, 0.5 - 1e-12, 0.5, 0.5 + 1e-12, 0.999]) for (const j of [0, 1, Math.floor(n / 2), n - 1, n]) {
        valueWar(j, n, sigma, delta, psi, v);
        expect(Number.isFinite(v.winA) && Number.isFinite(v.winB) && Number.isFinite(v.warMonths), `${n} ${sigma} ${delta} ${psi} ${j}`).toBe(true);
        expect(v.winA + v.winB).toBeLessThanOrEqual(1 + 1e-12);
      }
  });
  it('is continuous through the double root (δ = 1, ψ̂ = ½)', () => {
    const at = valueWar(300, 1000, 0.3, 1, 0.5, newWarValuation());
    expect(at.warMonths).toBe(300 * 700 / 0.7);
    for (const [delta, psi] of [[1, 0.5 + 1e-12], [1 - 1e-15, 0.5], [1 - 1e-15, 0.5 - 1e-12]] as const) {
      const near = valueWar(300, 1000, 0.3, delta, psi, newWarValuation());
      expect(Math.abs(near.winA - at.winA)).toBeLessThan(1e-6);
      expect(Math.abs(near.warMonths - at.warMonths) / at.warMonths).toBeLessThan(1e-6);
    }
  });
  it('PV at δ = 1 is the classic expected duration in months', () => {
    // E[steps] for p ≠ q: j/(q−p) − (N/(q−p))·(1 − (q/p)^j)/(1 − (q/p)^N)
    const p = 0.62, q = 0.38, r = q / p, j = 7, n = 15, sigma = 0.4;
    const steps = j / (q - p) - (n / (q - p)) * (1 - r ** j) / (1 - r ** n);
    expect(valueWar(j, n, sigma, 1, p, v).warMonths).toBeCloseTo(steps / (1 - sigma), 9);
  });
});

describe('extreme impatience', () => {
  it('as δ → 0 a war lasts about one discounted month, for any belief', () => {
    // PV = Σ δ^t over the months of war ≥ 1 (the current month) and → 1 as δ → 0.
    for (const psi of [0.001, 0.3, 0.5, 0.8, 0.999]) for (const j of [1, 500, 999]) {
      const pv = valueWar(j, 1000, 0.5, 1e-9, psi, v).warMonths;
      expect(pv, `ψ̂=${psi} j=${j}`).toBeGreaterThanOrEqual(1 - 1e-6);
      expect(pv).toBeLessThanOrEqual(1 + 1e-6);
    }
  });
  it('PV agrees with the recursion PV(j) = 1 + δ·E[PV(next)] at moderate δ', () => {
    // Fixed point by iteration on a small lattice.
    const n = 12, sigma = 0.4, delta = 0.5, psi = 0.7;
    let pv = new Array<number>(n + 1).fill(0);
    for (let it = 0; it < 2000; it++) {
      const next = pv.map((_, j) => (j === 0 || j === n ? 0 : 1 + delta * (sigma * pv[j]! + (1 - sigma) * (psi * pv[j + 1]! + (1 - psi) * pv[j - 1]!))));
      pv = next;
    }
    for (let j = 0; j <= n; j++) expect(valueWar(j, n, sigma, delta, psi, v).warMonths).toBeCloseTo(pv[j]!, 10);
  });
});
