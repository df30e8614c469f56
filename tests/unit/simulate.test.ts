/** MODEL.md §4: the month loop, the trace's shape, reproducibility and common random numbers. */
import { describe, expect, it } from 'vitest';
import { Simulator, TRACE_FIELDS, scenarios, setParam, simulate, type Scenario } from '../../models/index.ts';
import { Rng } from '../../models/rng.ts';

const fearon = scenarios['textbook-fearon']!;
const alaska = scenarios['alaska-2025']!;

describe('trace shape', () => {
  it('has every field of MODEL.md §4 as a Float64Array of horizon + 1', () => {
    const t = simulate(alaska, { seed: 7 });
    expect(Object.keys(t.fields).sort()).toEqual([...TRACE_FIELDS].sort());
    for (const f of TRACE_FIELDS) {
      expect(t.fields[f]).toBeInstanceOf(Float64Array);
      expect(t.fields[f].length).toBe(alaska.horizonMonths + 1);
    }
    expect(Array.from(t.months.slice(0, 3))).toEqual([0, 1, 2]);
    expect(t.summary.seed).toBe(7);
  });
  it('rejects an invalid scenario with the path in the message', () => {
    expect(() => simulate(setParam(fearon, 'war.stalemateChance', 1.5))).toThrow(/war\.stalemateChance = 1\.5/);
  });
});

describe('the month loop', () => {
  it('draws the battle exactly as §1 says: stalemate iff u < σ, else A advances iff (u − σ)/(1 − σ) < ψ', () => {
    const s: Scenario = { ...fearon, horizonMonths: 40, bargaining: { ...fearon.bargaining, talkChance: 0 } };
    const t = simulate(s, { seed: 99 });
    const rng = new Rng(99, 0);
    const N = s.war.decisiveSteps;
    let j = Math.round(s.war.initialControl * N);
    for (let m = 1; m <= 40 && j > 0 && j < N; m++) {
      const u = rng.next();
      rng.next(); // u_talks, always drawn
      const psi = t.fields.winChance[m]!;
      if (u >= s.war.stalemateChance) j += (u - s.war.stalemateChance) / (1 - s.war.stalemateChance) < psi ? 1 : -1;
      expect(t.fields.control[m]).toBe(j / N);
    }
  });

  it('exhaustion, casualties, costs and patience follow steps 3, 4, 6 and 7', () => {
    const s = setParam(alaska, 'bargaining.talkChance', 0);
    const t = simulate(s, { seed: 3 }).fields;
    const A = s.sides.A;
    for (let m = 1; m <= 5; m++) {
      const lostA = t.control[m]! < t.control[m - 1]!;
      expect(t.casualtiesA[m]).toBeCloseTo(A.casualtiesPerMonth * (1 + (lostA ? A.lossSurge : 0)), 9);
      const e = Math.min(1, Math.max(0, t.exhaustionA[m - 1]! + t.casualtiesA[m]! / A.casualtyTolerance - A.recoveryPerMonth));
      expect(t.exhaustionA[m]).toBeCloseTo(e, 12);
      expect(t.costA[m]).toBeCloseTo(A.baseCost + A.exhaustionCost * t.exhaustionA[m]! + s.bargaining.sanctionsCostA * t.sanctions[m]!, 12);
      expect(t.patienceA[m]).toBeCloseTo(A.discount ** (1 + A.exhaustionImpatience * t.exhaustionA[m]!), 12);
    }
  });

  it('applies scheduled events at step 1 of their month', () => {
    const s: Scenario = { ...fearon, events: [{ month: 3, label: 'sanctions', set: { sanctions: 0.8 } }, { month: 5, label: 'mobilisation', shock: { exhaustionA: -0.2 } }], sides: { ...fearon.sides, A: { ...fearon.sides.A, initialExhaustion: 0.5 } }, bargaining: { ...fearon.bargaining, talkChance: 0 } };
    const t = simulate(s, { seed: 1 });
    expect(Array.from(t.fields.sanctions.slice(0, 5))).toEqual([0, 0, 0, 0.8, 0.8]);
    expect(t.fields.exhaustionA[5]).toBeCloseTo(0.3, 12);
    expect(t.events.filter((e) => e.kind === 'event').map((e) => e.month)).toEqual([3, 5]);
  });

  it('a deal with stopAtDeal ends the run and freezes every field', () => {
    const t = simulate(fearon, { seed: 5 });
    expect(t.summary.outcome).toBe('deal');
    const end = t.summary.endedAt!;
    expect(t.summary.dealAt).toBe(end);
    expect(t.fields.deal[end]).toBe(1);
    for (const f of TRACE_FIELDS) expect(t.fields[f][fearon.horizonMonths]).toBe(t.fields[f][end]);
    const x = t.summary.terms![0]!;
    expect(x).toBeGreaterThanOrEqual(t.fields.reservationA[end]!);
    expect(x).toBeLessThanOrEqual(t.fields.reservationB[end]!);
  });

  it('without stopAtDeal a deal is recorded and the war goes on', () => {
    const s = setParam(fearon, 'bargaining.stopAtDeal', false);
    const t = simulate(s, { seed: 5 });
    expect(t.events.filter((e) => e.kind === 'deal').length).toBeGreaterThan(1);
  });

  it('a mediator proposal inside the zone is the deal; outside it is rejected, naming who', () => {
    const inside = simulate({ ...fearon, events: [{ month: 1, label: 'proposal', proposal: [0.45] }], bargaining: { ...fearon.bargaining, talkChance: 1 } }, { seed: 2 });
    expect(inside.summary.terms).toEqual([0.45]);
    const outside = simulate({ ...fearon, events: [{ month: 1, label: 'proposal', proposal: [0.99] }], bargaining: { ...fearon.bargaining, talkChance: 1 } }, { seed: 2 });
    const rej = outside.events.find((e) => e.kind === 'proposalRejected');
    expect(rej?.rejectedBy).toBe('B');
    expect(outside.summary.terms![0]).not.toBe(0.99);
  });

  it('a decisive victory ends the run and is not a deal', () => {
    const s: Scenario = { ...fearon, war: { ...fearon.war, decisiveSteps: 2, stalemateChance: 0 }, bargaining: { ...fearon.bargaining, talkChance: 0 } };
    const t = simulate(s, { seed: 11 });
    expect(['victoryA', 'victoryB']).toContain(t.summary.outcome);
    expect(t.summary.endedAt).toBe(1);
    expect(t.summary.dealAt).toBeNull();
  });
});

describe('reproducibility and common random numbers', () => {
  it('same seed: bitwise-identical; another seed: a different path', () => {
    const a = simulate(alaska, { seed: 2025 }), b = simulate(alaska, { seed: 2025 }), c = simulate(alaska, { seed: 2026 });
    for (const f of TRACE_FIELDS) expect(Buffer.from(a.fields[f].buffer).equals(Buffer.from(b.fields[f].buffer))).toBe(true);
    expect(Array.from(a.fields.control)).not.toEqual(Array.from(c.fields.control));
  });
  it('a Simulator reused for many runs gives the same traces as fresh ones', () => {
    const sim = new Simulator(alaska);
    for (const run of [0, 5, 2]) {
      sim.run(77, run);
      const fresh = simulate(alaska, { seed: 77, run });
      expect(Array.from(sim.fields.surplus)).toEqual(Array.from(fresh.fields.surplus));
    }
  });
  it('changing a bargaining parameter never changes the battle before a deal', () => {
    const s = setParam(alaska, 'bargaining.talkChance', 0);
    const a = simulate(s, { seed: 8 });
    const b = simulate(setParam(s, 'bargaining.vulnerability', 0.9), { seed: 8 });
    expect(Array.from(a.fields.control)).toEqual(Array.from(b.fields.control));
  });
});
