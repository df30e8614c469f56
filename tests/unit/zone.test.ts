/** MODEL.md §3: reservation points, adjustments, decomposition, frontier and deal point. */
import { describe, expect, it } from 'vitest';
import { defaultScenario, setParam, type Scenario } from '../../models/schema.ts';
import { ZoneSolver, nashWeightA, newZoneAssessment, type Valuation } from '../../models/zone.ts';

function valuation(over: Partial<Valuation> = {}): Valuation {
  return { valueA: 0.5, valueB: 0.3, warMonthsA: 40, warMonthsB: 50, patienceA: 0.99, patienceB: 0.98, driftA: 0.1, driftB: -0.05, costA: 0.004, costB: 0.005, steps: 20, ...over };
}

/** A valuation whose values follow from its parts (MODEL.md §2), so S0 = costs − optimism. */
function consistent(control: number, over: Partial<Valuation> = {}): Valuation {
  const v = valuation(over);
  v.valueA = control + v.warMonthsA * (v.patienceA * v.driftA / v.steps - v.costA);
  v.valueB = 1 - control - v.warMonthsB * (v.patienceB * v.driftB / v.steps + v.costB);
  return v;
}

function scenario(paths: Record<string, unknown> = {}): Scenario {
  let s = defaultScenario();
  for (const [p, v] of Object.entries(paths)) s = setParam(s, p, v);
  return s;
}

function assess(paths: Record<string, unknown>, v = valuation(), g = 0) {
  return new ZoneSolver(scenario(paths)).assess(v, g, newZoneAssessment());
}

describe('one issue', () => {
  it('without adjustments: r_A = V_A, r_B = 1 − V_B, surplus = costs − optimism', () => {
    const z = assess({});
    expect(z.reservationA).toBe(0.5);
    expect(z.reservationB).toBeCloseTo(0.7, 15);
    expect(z.surplus).toBeCloseTo(0.2, 15);
    expect(z.costsTerm).toBeCloseTo(0.004 * 40 + 0.005 * 50, 15);
    expect(z.optimismTerm).toBeCloseTo((0.99 * 0.1 * 40 - 0.98 * -0.05 * 50) / 20, 15);
    expect(z.open).toBe(true);
    expect([z.low, z.high]).toEqual([0.5, z.reservationB]);
  });

  it('commitment: B values x at 1 − x − φx(1 − g); a guarantee restores it', () => {
    const z = assess({ 'bargaining.vulnerability': 0.5 });
    expect(z.reservationB).toBeCloseTo(0.7 / 1.5, 15);
    expect(z.commitmentTerm).toBeCloseTo(0.7 - 0.7 / 1.5, 15);
    expect(z.open).toBe(false);
    const g = assess({ 'bargaining.vulnerability': 0.5 }, valuation(), 1);
    expect(g.reservationB).toBeCloseTo(0.7, 15);
  });

  it("the guarantee's cost to A moves A's bound up: there can be a best guarantee", () => {
    const z = assess({ 'bargaining.guaranteeCostA': 0.1 }, valuation(), 1);
    expect(z.reservationA).toBeCloseTo(0.6, 15);
  });

  it('domestic bounds cut the zone; armistice lifts B\'s bound and discounts A\'s value', () => {
    const z = assess({ 'sides.A.domesticBound': 0.55, 'sides.B.domesticBound': 0.6 });
    expect([z.reservationA, z.reservationB]).toEqual([0.55, 0.6]);
    expect(z.domesticTerm).toBeCloseTo(0.2 - 0.05, 15);
    const arm = assess({ 'sides.B.domesticBound': 0.6, 'bargaining.armistice': true, 'bargaining.armisticeDiscount': 0.2 });
    expect(arm.reservationA).toBeCloseTo(0.5 / 0.8, 15);
    expect(arm.reservationB).toBeCloseTo(0.7, 15);
  });

  it('indivisibility keeps only multiples of h, and refining h never closes a zone', () => {
    const z = assess({ 'bargaining.granularity': 0.25 });
    expect([z.reservationA, z.reservationB]).toEqual([0.5, 0.5]);
    expect(z.open).toBe(true);
    const shut = assess({ 'bargaining.granularity': 0.25 }, valuation({ valueA: 0.52 }));
    expect(shut.open).toBe(false);
    expect(shut.surplus).toBeCloseTo(0.5 - 0.75, 15);
    // 0.6/0.2 = 2.9999999999999996 in floating point: still on the grid.
    const exact = assess({ 'bargaining.granularity': 0.2 }, valuation({ valueA: 0.6, valueB: 0.4 }));
    expect(exact.reservationA).toBeCloseTo(0.6, 15);
    expect(exact.reservationB).toBeCloseTo(0.6, 15);
  });

  it('the terms add up to the surplus with every adjustment on', () => {
    const z = assess({
      'bargaining.vulnerability': 0.2, 'bargaining.guaranteeCostA': 0.05, 'sides.A.domesticBound': 0.52,
      'sides.B.domesticBound': 0.65, 'bargaining.granularity': 0.05,
    }, consistent(0.55, { costA: 0.001, costB: 0.001 }), 0.4);
    expect(z.surplus).not.toBe(0);
    const sum = z.costsTerm - z.optimismTerm - z.commitmentTerm - z.domesticTerm - z.indivisibilityTerm + z.logrollingTerm;
    expect(sum).toBeCloseTo(z.surplus, 14);
  });

  it('a bound pushed past the stakes shuts the zone whatever the other bound', () => {
    const z = assess({ 'bargaining.guaranteeCostA': 0.6 }, valuation({ valueA: 0.9, valueB: -0.5 }), 1);
    expect(z.reservationA).toBeCloseTo(1.5, 15);
    expect(z.reservationB).toBeCloseTo(1.5, 15);
    expect(z.domesticTerm).toBe(0); // a ceiling of 1 is no ceiling
    expect(z.open).toBe(false);
    expect(z.surplus).toBeCloseTo(-0.5, 15);
  });
});

describe('deal point', () => {
  it('α_A = ln δ_B/(ln δ_A + ln δ_B), ½ when both are patient', () => {
    expect(nashWeightA(1, 1)).toBe(0.5);
    expect(nashWeightA(0.99, 0.98)).toBeCloseTo(Math.log(0.98) / (Math.log(0.99) + Math.log(0.98)), 15);
    expect(nashWeightA(0.99, 0.98)).toBeGreaterThan(0.5);
  });
  it('one issue: r_A + α(r_B − r_A), inside the zone, on the grid', () => {
    const solver = new ZoneSolver(scenario());
    const z = solver.assess(valuation(), 0, newZoneAssessment());
    const t = new Float64Array(1);
    solver.dealTerms(z, 0.6, t);
    expect(t[0]).toBeCloseTo(0.5 + 0.6 * 0.2, 15);
    const grid = new ZoneSolver(scenario({ 'bargaining.granularity': 0.05 }));
    const zg = grid.assess(valuation(), 0, newZoneAssessment());
    grid.dealTerms(zg, 0.6, t);
    expect(t[0]! / 0.05).toBeCloseTo(Math.round(t[0]! / 0.05), 9);
    expect(t[0]).toBeGreaterThanOrEqual(zg.low);
    expect(t[0]).toBeLessThanOrEqual(zg.high);
  });
});

describe('several issues: frontier and logrolling', () => {
  const issues = [
    { id: 'territory', label: 'Territory', weightA: 0.6, weightB: 0.4 },
    { id: 'security', label: 'Security', weightA: 0.1, weightB: 0.5 },
    { id: 'sanctions', label: 'Sanctions relief', weightA: 0.3, weightB: 0.1 },
  ];
  it('an issue B cares little for and A cares for opens a zone one issue cannot', () => {
    const v = consistent(0.6, { costA: 0.0005, costB: 0.0005, driftA: 0.02, driftB: -0.02 });
    const one = assess({}, v);
    expect(one.open).toBe(false);
    const many = assess({ issues }, v);
    expect(many.open).toBe(true);
    expect(many.logrollingTerm).toBeGreaterThan(0);
    expect(many.costsTerm - many.optimismTerm - many.commitmentTerm - many.domesticTerm - many.indivisibilityTerm + many.logrollingTerm).toBeCloseTo(many.surplus, 14);
  });
  it('greedy frontier: A gets the issues in decreasing wA/wB, and the Nash point satisfies both', () => {
    const s = scenario({ issues });
    const solver = new ZoneSolver(s);
    const v = valuation({ valueA: 0.62, valueB: 0.42 });
    const z = solver.assess(v, 0, newZoneAssessment());
    const x = new Float64Array(3);
    solver.dealTerms(z, 0.5, x);
    expect(solver.utilityA(x)).toBeGreaterThanOrEqual(0.62 - 1e-12);
    expect(solver.utilityB(x)).toBeGreaterThanOrEqual(0.42 - 1e-12);
    // Sanctions relief (ratio 3) goes to A before territory (1.5) before security (0.2).
    expect(x[2]).toBe(1);
    expect(x[1]).toBe(0);
    // Nash with equal weights: both gains equal in utility at the optimum of a linear piece.
    expect(solver.utilityA(x) - 0.62).toBeGreaterThan(0);
    expect(solver.utilityB(x) - 0.42).toBeGreaterThan(0);
  });
  it('rejections name who rejects a proposal', () => {
    const solver = new ZoneSolver(scenario());
    const z = solver.assess(valuation(), 0, newZoneAssessment());
    expect(solver.rejection(z, [0.6])).toBe('none');
    expect(solver.rejection(z, [0.4])).toBe('A');
    expect(solver.rejection(z, [0.8])).toBe('B');
  });
});

describe('frontier vertices (the utility plane)', () => {
  const issues = [
    { id: 'territory', label: 'Territory', weightA: 0.6, weightB: 0.8 },
    { id: 'sanctions', label: 'Sanctions relief', weightA: 0.4, weightB: 0.2 },
  ];
  it('walk the greedy order with the month\'s adjustments, and the margin agrees with the surplus', () => {
    const s = scenario({ issues, 'bargaining.vulnerability': 0.5, 'bargaining.guaranteeCostA': 0.1 });
    const solver = new ZoneSolver(s);
    const g = 0.4;
    const pts = solver.frontierVertices(g);
    // Sanctions relief first (ratio 2), then territory, whose loss to B carries 1 + φ(1 − g) = 1.3.
    expect(pts).toHaveLength(3);
    expect(pts[0]!.uA).toBeCloseTo(-0.04, 12);
    expect(pts[0]!.uB).toBeCloseTo(1, 12);
    expect(pts[1]!.uA).toBeCloseTo(0.36, 12);
    expect(pts[1]!.uB).toBeCloseTo(0.8, 12);
    expect(pts[2]!.uA).toBeCloseTo(0.96, 12);
    expect(pts[2]!.uB).toBeCloseTo(0.8 - 0.8 * 1.3, 12);
    const v = consistent(0.5, { costA: 0.006, costB: 0.006 });
    const z = solver.assess(v, g, newZoneAssessment());
    expect(z.open).toBe(true);
    // B's margin on the polyline at u_A = V_A, deflated by 1.3, is the surplus.
    const i = pts.findIndex((p, k) => k > 0 && p.uA >= v.valueA);
    const a = pts[i - 1]!, b = pts[i]!;
    const uB = a.uB + ((v.valueA - a.uA) / (b.uA - a.uA)) * (b.uB - a.uB);
    expect((uB - v.valueB) / 1.3).toBeCloseTo(z.surplus, 12);
    const terms = new Float64Array(2);
    solver.assess(v, g, z);
    solver.dealTerms(z, 0.5, terms);
    const u = solver.dealUtilities(g, terms);
    expect(u.uA).toBeGreaterThanOrEqual(v.valueA - 1e-12);
    expect(u.uB).toBeGreaterThanOrEqual(v.valueB - 1e-12);
  });
});
