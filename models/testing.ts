/**
 * Property-testing kit for modellers: fast-check arbitraries for valid
 * scenarios and named, reusable checks of the invariants of MODEL.md §6.
 *
 * Every `check…` throws an Error that says which invariant failed, where and
 * by how much; each returns normally when the invariant holds. Run them on a
 * variant of your own:
 *
 * ```ts
 * import { test, fc } from '@fast-check/vitest';
 * import { arbitraryScenario, arbitrarySeed, checkTraceInvariants } from 'deal-zone/models/testing.ts';
 * test.prop([arbitraryScenario(), arbitrarySeed()])('my variant keeps §6.1–2', (s, seed) => {
 *   checkTraceInvariants(mySimulate(s, { seed }), s);
 * });
 * ```
 *
 * Not imported by the app: fast-check is a development dependency.
 */

import fc from 'fast-check';
import { gamblersRuin, type GamblersRuinInput } from './classics/gamblersRuin.ts';
import { Rng } from './rng.ts';
import { parameterDescriptors, setParam, validateScenario, type Issue, type Scenario, type Side } from './schema.ts';
import { Simulator, TRACE_FIELDS, simulate, type Trace, type TraceFields } from './simulate.ts';
import { ZONE_TOLERANCE } from './zone.ts';
import { drift, valueOfWarA, valueOfWarB, warMonths } from './war.ts';

export * from './classics/testing.ts';

/** Relative-or-absolute tolerance used by the checks. */
export const TOLERANCE = 1e-9;

function fail(invariant: string, detail: string): never {
  throw new Error(`MODEL.md §6.${invariant} violated: ${detail}`);
}

function close(a: number, b: number, tol = TOLERANCE): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

// ---------------------------------------------------------------------------
// Arbitraries

/** Options of {@link arbitraryScenario}. */
export interface ArbitraryScenarioOptions {
  /** Allow the adjustments of MODEL.md §3 (commitment, guarantee cost, domestic bounds, armistice, grid). Default true. */
  adjustments?: boolean;
  /** Allow several issues. Default true. */
  issues?: boolean;
  /** Allow scheduled events. Default true. */
  events?: boolean;
  /** Horizon range in months. Default [1, 48]. */
  horizon?: [number, number];
}

const num = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });

/** A seed: an integer in [0, 2^32 − 1]. */
export function arbitrarySeed(): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 0xffffffff });
}

function arbitrarySide(label: string, adjustments: boolean, isA: boolean): fc.Arbitrary<Side> {
  return fc.record({
    label: fc.constant(label),
    priorWins: num(0.5, 40),
    priorLosses: num(0.5, 40),
    discount: num(0.9, 1),
    baseCost: num(0, 0.02),
    exhaustionCost: num(0, 0.02),
    exhaustionImpatience: num(0, 5),
    casualtiesPerMonth: num(0, 60000),
    casualtyTolerance: num(100000, 3000000),
    lossSurge: num(0, 2),
    recoveryPerMonth: num(0, 0.05),
    initialExhaustion: num(0, 1),
    hurtThreshold: num(0, 0.02),
    domesticBound: adjustments ? num(0, 1) : fc.constant(isA ? 0 : 1),
  });
}

/** Issue lists whose weights sum to 1 per side (issue 0 is the contested stakes). */
export function arbitraryIssues(): fc.Arbitrary<Issue[]> {
  return fc.integer({ min: 2, max: 4 }).chain((n) =>
    fc.tuple(fc.array(num(0, 1), { minLength: n, maxLength: n }), fc.array(num(0, 1), { minLength: n, maxLength: n })).map(([a, b]) => {
      a[0] = Math.max(a[0]!, 0.05); b[0] = Math.max(b[0]!, 0.05);
      const sa = a.reduce((x, y) => x + y, 0), sb = b.reduce((x, y) => x + y, 0);
      return a.map((wa, k) => ({ id: k === 0 ? 'stakes' : `issue${k}`, label: k === 0 ? 'Contested stakes' : `Issue ${k}`, weightA: wa / sa, weightB: b[k]! / sb }));
    }));
}

/**
 * Valid scenarios over the plausible ranges of every parameter. The result
 * always passes `validateScenario`.
 */
export function arbitraryScenario(options: ArbitraryScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const adj = options.adjustments !== false;
  const [hMin, hMax] = options.horizon ?? [1, 48];
  return fc.integer({ min: hMin, max: hMax }).chain((horizonMonths) => fc.record({
    id: fc.constant('arbitrary'),
    title: fc.constant('Arbitrary scenario'),
    description: fc.constant(''),
    horizonMonths: fc.constant(horizonMonths),
    sides: fc.record({ A: arbitrarySide('A', adj, true), B: arbitrarySide('B', adj, false) }),
    war: fc.record({
      decisiveSteps: fc.integer({ min: 2, max: 60 }),
      initialControl: num(0, 1),
      baseWinChance: num(0.05, 0.95),
      stalemateChance: num(0, 0.9),
      exhaustionEffect: num(0, 3),
      sanctionsEffect: num(0, 2),
      aidEffect: num(0, 2),
      aidRecovery: num(0, 0.05),
    }),
    bargaining: fc.record({
      talkChance: num(0, 1),
      sanctionsCostA: num(0, 0.02),
      aidReliefB: num(0, 0.02),
      vulnerability: adj ? num(0, 1) : fc.constant(0),
      guaranteeCostA: adj ? num(0, 0.2) : fc.constant(0),
      armistice: adj ? fc.boolean() : fc.constant(false),
      armisticeDiscount: adj ? num(0, 0.5) : fc.constant(0),
      granularity: adj ? fc.oneof(fc.constant(0), num(0.01, 0.25)) : fc.constant(0),
      memory: num(0.8, 1),
      stalemateBand: num(0, 0.5),
      stopAtDeal: fc.boolean(),
    }),
    levers: fc.record({ sanctions: num(0, 1), aid: num(0, 1), guarantee: num(0, 1) }),
    events: options.events === false ? fc.constant([]) : fc.array(fc.record({
      month: fc.integer({ min: 1, max: horizonMonths }),
      label: fc.constant('event'),
      set: fc.record({ sanctions: num(0, 1), aid: num(0, 1), guarantee: num(0, 1), talkChance: num(0, 1) }, { requiredKeys: [] }),
      shock: fc.record({ exhaustionA: num(-0.5, 0.5), exhaustionB: num(-0.5, 0.5) }, { requiredKeys: [] }),
    }), { maxLength: 3 }),
  }).chain((s) => (options.issues === false || !adj
    ? fc.constant(s as Scenario)
    : fc.option(arbitraryIssues(), { nil: undefined }).map((issues) => (issues ? { ...s, issues } : s) as Scenario))))
    .map((s) => {
      const r = validateScenario(s);
      if (!r.ok) throw new Error('arbitraryScenario produced an invalid scenario: ' + r.errors.map((e) => e.message).join('; '));
      return r.scenario;
    });
}

/** A numeric parameter path and a value inside its plausible range. */
export function arbitraryParameterValue(): fc.Arbitrary<{ path: string; value: number }> {
  const numeric = parameterDescriptors.filter((p) => p.kind !== 'boolean');
  return fc.constantFrom(...numeric).chain((p) =>
    (p.kind === 'integer' ? fc.integer({ min: p.plausible[0], max: p.plausible[1] }) : num(p.plausible[0], p.plausible[1]))
      .map((value) => ({ path: p.path, value })));
}

/** Inputs of the gambler's ruin within its numerics contract (MODEL.md §2). */
export function arbitraryGamblersRuinInput(): fc.Arbitrary<GamblersRuinInput> {
  return fc.integer({ min: 2, max: 1000 }).chain((steps) => fc.record({
    steps: fc.constant(steps),
    position: fc.integer({ min: 0, max: steps }),
    winChance: num(0.001, 0.999),
    stalemateChance: num(0, 0.95),
    delta: fc.oneof(fc.constant(1), num(0.5, 1), num(1e-6, 1)),
  }));
}

// ---------------------------------------------------------------------------
// Invariant checks

const UNIT_FIELDS = ['control', 'winChance', 'beliefA', 'beliefB', 'exhaustionA', 'exhaustionB', 'patienceA', 'patienceB', 'sanctions', 'aid', 'guarantee'] as const;
const FLAG_FIELDS = ['zoneOpen', 'ripe', 'deal'] as const;

/**
 * §6.1 every field finite, probabilities/shares/exhaustion/control in [0, 1];
 * §6.2 zone open iff surplus ≥ 0, deal terms inside the zone;
 * §6.9 nothing moves after a victory or a deal with stopAtDeal.
 */
export function checkTraceInvariants(trace: Trace, scenario: Scenario): void {
  const F = trace.fields;
  const len = scenario.horizonMonths + 1;
  for (const f of TRACE_FIELDS) {
    const a = F[f];
    if (a.length !== len) fail('1', `${f} has length ${a.length}, expected ${len}`);
    for (let t = 0; t < len; t++) if (!Number.isFinite(a[t]!)) fail('1', `${f}[${t}] = ${a[t]}`);
  }
  for (const f of UNIT_FIELDS) for (let t = 0; t < len; t++) {
    const v = F[f][t]!;
    if (v < 0 || v > 1) fail('1', `${f}[${t}] = ${v} is outside [0, 1]`);
  }
  for (const f of FLAG_FIELDS) for (let t = 0; t < len; t++) {
    const v = F[f][t]!;
    if (v !== 0 && v !== 1) fail('1', `${f}[${t}] = ${v} is not a 0/1 flag`);
  }
  for (let t = 0; t < len; t++) {
    if ((F.zoneOpen[t] === 1) !== (F.surplus[t]! >= 0)) fail('2', `month ${t}: zoneOpen = ${F.zoneOpen[t]} but surplus = ${F.surplus[t]}`);
    if (F.deal[t] === 1 && F.zoneOpen[t] !== 1) fail('2', `month ${t}: a deal with a shut zone`);
  }
  const oneIssue = !scenario.issues || scenario.issues.length < 2;
  for (const e of trace.events) {
    if (e.kind !== 'deal' || !e.terms) continue;
    for (const x of e.terms) if (!(x >= -ZONE_TOLERANCE && x <= 1 + ZONE_TOLERANCE)) fail('2', `month ${e.month}: deal term ${x} outside [0, 1]`);
    if (oneIssue) {
      const x = e.terms[0]!, lo = F.reservationA[e.month]!, hi = F.reservationB[e.month]!;
      if (x < lo - ZONE_TOLERANCE || x > hi + ZONE_TOLERANCE) fail('2', `month ${e.month}: deal at ${x} outside the zone [${lo}, ${hi}]`);
    }
  }
  const end = trace.summary.endedAt;
  if (end !== null) {
    for (const f of TRACE_FIELDS) for (let t = end + 1; t < len; t++) {
      if (!Object.is(F[f][t], F[f][end])) fail('9', `${f} moves after the run ended at month ${end} (month ${t})`);
    }
  }
  for (let t = 0; t < len; t++) {
    const s = F.costsTerm[t]! - F.optimismTerm[t]! - F.commitmentTerm[t]! - F.domesticTerm[t]! - F.indivisibilityTerm[t]! + F.logrollingTerm[t]!;
    if (!close(s, F.surplus[t]!, 1e-9)) fail('2', `month ${t}: the terms add up to ${s}, the surplus is ${F.surplus[t]} (§3 decomposition)`);
  }
}

/** A scenario with all adjustments of MODEL.md §3 off and one issue. */
export function withoutAdjustments(s: Scenario): Scenario {
  const { issues: _issues, ...rest } = s;
  return {
    ...rest,
    sides: { A: { ...s.sides.A, domesticBound: 0 }, B: { ...s.sides.B, domesticBound: 1 } },
    bargaining: { ...s.bargaining, vulnerability: 0, guaranteeCostA: 0, armistice: false, armisticeDiscount: 0, granularity: 0 },
  };
}

function monthZero(s: Scenario): TraceFields {
  return new Simulator({ ...s, horizonMonths: 1 }).run(1, 0, { recordEvents: false }).fields;
}

/**
 * §6.3 Fearon reduction: both δ = 1, equal beliefs, no adjustments ⇒ the
 * unclipped width r_B − r_A equals (k_A + k_B)·E[T] at month 0.
 */
export function checkFearonReduction(scenario: Scenario): void {
  const base = withoutAdjustments(scenario);
  const s: Scenario = {
    ...base,
    sides: {
      A: { ...base.sides.A, discount: 1, exhaustionImpatience: 0 },
      B: { ...base.sides.B, discount: 1, exhaustionImpatience: 0, priorWins: base.sides.A.priorWins, priorLosses: base.sides.A.priorLosses },
    },
  };
  const F = monthZero(s);
  const N = s.war.decisiveSteps;
  const j = Math.round(s.war.initialControl * N);
  const belief = s.sides.A.priorWins / (s.sides.A.priorWins + s.sides.A.priorLosses);
  const eT = gamblersRuin({ position: j, steps: N, winChance: Math.min(0.999, Math.max(0.001, belief)), stalemateChance: s.war.stalemateChance, delta: 1 }).expectedDuration;
  const expected = (F.costA[0]! + F.costB[0]!) * eT;
  const width = F.reservationB[0]! - F.reservationA[0]!;
  if (!close(width, expected, 1e-8)) fail('3', `width ${width}, (k_A + k_B)·E[T] = ${expected}`);
}

/**
 * Whether month t of two traces has the same state of an undecided war (so the
 * valuations are comparable). Decided months (control 0 or 1) are left out:
 * the war is over, A or B needs exactly everything, and the surplus there is
 * zero up to rounding.
 */
function sameState(a: TraceFields, b: TraceFields, t: number): boolean {
  const c = a.control[t]!;
  return c > 0 && c < 1 && a.control[t] === b.control[t] && a.beliefA[t] === b.beliefA[t] && a.beliefB[t] === b.beliefB[t]
    && a.exhaustionA[t] === b.exhaustionA[t] && a.exhaustionB[t] === b.exhaustionB[t]
    && a.guarantee[t] === b.guarantee[t] && a.aid[t] === b.aid[t] && a.sanctions[t] === b.sanctions[t];
}

/**
 * Compare the surplus of two scenarios month by month, with the same seed,
 * wherever both runs are in the same state (common random numbers make that
 * every month before either run ends). `relation` is what must hold.
 */
export function compareSurplus(base: Scenario, changed: Scenario, seed: number, invariant: string, relation: 'geq' | 'leq', what: string): void {
  const a = new Simulator(base).run(seed, 0, { recordEvents: false }).fields;
  const b = new Simulator(changed).run(seed, 0, { recordEvents: false }).fields;
  for (let t = 0; t <= base.horizonMonths; t++) {
    if (!sameState(a, b, t)) continue;
    const sa = a.surplus[t]!, sb = b.surplus[t]!;
    // Rounding allowance: where A needs exactly everything (a decided war), Σ w·x rounds either way.
    const tol = 1e-8 * Math.max(1, Math.abs(sa), Math.abs(sb));
    if (relation === 'geq' ? sb < sa - tol : sb > sa + tol) fail(invariant, `${what} ${relation === 'geq' ? 'lowered' : 'raised'} the surplus at month ${t}: ${sa} → ${sb}`);
  }
}

/** §6.4 more cost to either side never lowers the month's surplus. */
export function checkMoreCostNeverLowersSurplus(scenario: Scenario, seed: number, side: 'A' | 'B', extra: number): void {
  const path = `sides.${side}.baseCost`;
  const changed = setParam(scenario, path, scenario.sides[side].baseCost + Math.abs(extra));
  compareSurplus(scenario, changed, seed, '4', 'geq', `raising ${path} by ${Math.abs(extra)}`);
  const sanctions = setParam(scenario, 'bargaining.sanctionsCostA', scenario.bargaining.sanctionsCostA + Math.abs(extra));
  compareSurplus(scenario, sanctions, seed, '4', 'geq', 'raising bargaining.sanctionsCostA');
}

/**
 * Whether, at month t, each side's value of fighting on is non-negative from
 * every position j (with that month's beliefs, patience and costs). Where a
 * value can be negative, a war that ends sooner can be worth more than one
 * that goes one's way, and §6.4's optimism half need not hold (see README).
 */
export function warValuesNonNegative(F: TraceFields, t: number, scenario: Scenario): boolean {
  const N = scenario.war.decisiveSteps, sigma = scenario.war.stalemateChance;
  const pA = F.beliefA[t]!, pB = F.beliefB[t]!, dA = F.patienceA[t]!, dB = F.patienceB[t]!;
  const muA = drift(sigma, pA), muB = drift(sigma, pB);
  for (let j = 0; j <= N; j++) {
    if (valueOfWarA(j / N, warMonths(j, N, sigma, dA, pA), dA, muA, N, F.costA[t]!) < -1e-12) return false;
    if (valueOfWarB(j / N, warMonths(j, N, sigma, dB, pB), dB, muB, N, F.costB[t]!) < -1e-12) return false;
  }
  return true;
}

/**
 * §6.4 more optimism (a prior mean moved toward oneself) never raises the
 * surplus, in the regime where it is a theorem: both war values non-negative
 * from every position (the coupling argument needs V ≥ 0; with costs large
 * against the stakes an optimist expects a longer, costlier war). Months
 * outside that regime are skipped.
 */
export function checkOptimismNeverRaisesSurplus(scenario: Scenario, seed: number, side: 'A' | 'B', extra: number): void {
  // A's optimism: more prior wins for A; B's optimism: more prior losses for A.
  const path = side === 'A' ? 'sides.A.priorWins' : 'sides.B.priorLosses';
  const before = side === 'A' ? scenario.sides.A.priorWins : scenario.sides.B.priorLosses;
  const changed = setParam(scenario, path, before + Math.abs(extra));
  const a = new Simulator(scenario).run(seed, 0, { recordEvents: false }).fields;
  const b = new Simulator(changed).run(seed, 0, { recordEvents: false }).fields;
  // Beliefs differ by construction: compare while the battle path is the same.
  for (let t = 0; t <= scenario.horizonMonths; t++) {
    if (a.control[t] !== b.control[t] || a.exhaustionA[t] !== b.exhaustionA[t] || a.exhaustionB[t] !== b.exhaustionB[t] || a.guarantee[t] !== b.guarantee[t] || a.aid[t] !== b.aid[t]) break;
    if (b.deal[t] === 1 || a.deal[t] === 1) break;
    if (!warValuesNonNegative(a, t, scenario) || !warValuesNonNegative(b, t, changed)) continue;
    const sa = a.surplus[t]!, sb = b.surplus[t]!;
    if (sb > sa + 1e-9 * Math.max(1, Math.abs(sa))) fail('4', `more optimism for ${side} (${path} +${Math.abs(extra)}) raised the surplus at month ${t}: ${sa} → ${sb}`);
  }
}

/**
 * §6.5 tightening a domestic bound never opens a zone; halving the grid never
 * closes one; with guaranteeCostA = 0 more guarantee never closes one.
 */
export function checkAdjustmentMonotonicity(scenario: Scenario, seed: number): void {
  compareZones(scenario, setParam(scenario, 'sides.A.domesticBound', scenario.sides.A.domesticBound + (1 - scenario.sides.A.domesticBound) / 2), seed, 'open', "raising A's domestic floor");
  compareZones(scenario, setParam(scenario, 'sides.B.domesticBound', scenario.sides.B.domesticBound / 2), seed, 'open', "lowering B's domestic ceiling");
  if (scenario.bargaining.granularity > 0) {
    compareZones(scenario, setParam(scenario, 'bargaining.granularity', scenario.bargaining.granularity / 2), seed, 'close', 'halving the grid');
  }
  // More guarantee with κg = 0: the guarantee in force must stay higher every month, so drop events that set it.
  const free = setParam(scenario, 'bargaining.guaranteeCostA', 0);
  const events = free.events.map((e) => {
    if (e.set?.guarantee === undefined) return e;
    const { guarantee: _g, ...set } = e.set;
    return { ...e, set };
  });
  const base: Scenario = { ...free, events };
  const g = scenario.levers.guarantee;
  compareZones(base, setParam(base, 'levers.guarantee', g + (1 - g) / 2), seed, 'close', 'more guarantee (κg = 0)', true);
}

/**
 * §6.5 on zones: wherever both runs are in the same state, `changed` must not
 * open a zone `base` has shut (or close one it has open). A flip counts only
 * when the surplus moves by more than rounding: at a zero surplus, rounding
 * decides "open", and that is no violation.
 */
function compareZones(base: Scenario, changed: Scenario, seed: number, mustNot: 'open' | 'close', what: string, ignoreGuarantee = false): void {
  const a = new Simulator(base).run(seed, 0, { recordEvents: false }).fields;
  const b = new Simulator(changed).run(seed, 0, { recordEvents: false }).fields;
  for (let t = 0; t <= base.horizonMonths; t++) {
    const c = a.control[t]!;
    const comparable = ignoreGuarantee
      ? c > 0 && c < 1 && a.control[t] === b.control[t] && a.beliefA[t] === b.beliefA[t] && a.beliefB[t] === b.beliefB[t] && a.exhaustionA[t] === b.exhaustionA[t] && a.exhaustionB[t] === b.exhaustionB[t]
      : sameState(a, b, t);
    if (!comparable) continue;
    const sa = a.surplus[t]!, sb = b.surplus[t]!;
    const tol = 1e-9 * Math.max(1, Math.abs(sa), Math.abs(sb));
    if (mustNot === 'open' && a.zoneOpen[t] === 0 && b.zoneOpen[t] === 1 && sb - sa > tol) fail('5', `${what} opened the zone at month ${t} (surplus ${sa} → ${sb})`);
    if (mustNot === 'close' && a.zoneOpen[t] === 1 && b.zoneOpen[t] === 0 && sa - sb > tol) fail('5', `${what} closed the zone at month ${t} (surplus ${sa} → ${sb})`);
  }
}

/** The mirror image of a scenario: A and B swapped (MODEL.md §6.6). Levers are zeroed (sanctions and aid are not symmetric). */
export function mirrorScenario(s: Scenario): Scenario {
  const N = s.war.decisiveSteps;
  const j = Math.round(s.war.initialControl * N);
  const swap = (side: Side, otherBound: number): Side => ({ ...side, priorWins: side.priorLosses, priorLosses: side.priorWins, domesticBound: otherBound });
  // Bounds are mirrored as 1 − d; on a 2^-20 grid that is exact in binary (a
  // denormal floor would otherwise mirror to a ceiling of exactly 1, i.e. none).
  return {
    ...s,
    sides: { A: swap(s.sides.B, 1 - s.sides.B.domesticBound), B: swap(s.sides.A, 1 - s.sides.A.domesticBound) },
    war: { ...s.war, initialControl: (N - j) / N, baseWinChance: 1 - s.war.baseWinChance },
    levers: { sanctions: 0, aid: 0, guarantee: 0 },
    events: [],
  };
}

/**
 * §6.6 swapping A and B maps the zone [r_A, r_B] to [1 − r_B, 1 − r_A], at
 * month 0, for scenarios without the asymmetric adjustments (commitment,
 * guarantee cost, armistice, grid) and with the levers at 0.
 */
export function checkMirror(scenario: Scenario): void {
  const snap = (d: number) => Math.round(d * 2 ** 20) / 2 ** 20;
  const s: Scenario = {
    ...scenario,
    sides: { A: { ...scenario.sides.A, domesticBound: snap(scenario.sides.A.domesticBound) }, B: { ...scenario.sides.B, domesticBound: snap(scenario.sides.B.domesticBound) } },
    levers: { sanctions: 0, aid: 0, guarantee: 0 },
    events: [],
    bargaining: { ...scenario.bargaining, vulnerability: 0, guaranteeCostA: 0, armistice: false, armisticeDiscount: 0, granularity: 0 },
  };
  delete s.issues;
  const a = monthZero(s);
  const b = monthZero(mirrorScenario(s));
  const tol = 1e-9;
  if (!close(b.reservationA[0]!, 1 - a.reservationB[0]!, tol) || !close(b.reservationB[0]!, 1 - a.reservationA[0]!, tol)) {
    fail('6', `zone [${a.reservationA[0]}, ${a.reservationB[0]}] mirrors to [${b.reservationA[0]}, ${b.reservationB[0]}], expected [${1 - a.reservationB[0]!}, ${1 - a.reservationA[0]!}]`);
  }
}

/**
 * §6.7 with equal prior counts n0 and memory 1, the belief gap after n moving
 * months is gap0·n0/(n0 + n), whatever the outcomes.
 */
export function checkLearning(trace: Trace, scenario: Scenario): void {
  const A = scenario.sides.A, B = scenario.sides.B;
  const n0 = A.priorWins + A.priorLosses;
  if (!close(n0, B.priorWins + B.priorLosses, 1e-12) || scenario.bargaining.memory !== 1) {
    throw new Error('checkLearning needs equal prior counts and memory = 1');
  }
  const F = trace.fields;
  const gap0 = F.beliefA[0]! - F.beliefB[0]!;
  const end = trace.summary.endedAt ?? scenario.horizonMonths;
  let moves = 0;
  for (let t = 1; t <= end; t++) {
    if (F.control[t] !== F.control[t - 1]) moves++;
    const expected = (gap0 * n0) / (n0 + moves);
    const gap = F.beliefA[t]! - F.beliefB[t]!;
    if (Math.abs(gap - expected) > 1e-9) fail('7', `month ${t}, ${moves} moving months: gap ${gap}, expected ${expected}`);
  }
}

/** §6.8 the same seed and inputs give a bitwise-identical trace. */
export function checkReproducible(scenario: Scenario, seed: number): void {
  const a = simulate(scenario, { seed }), b = simulate(scenario, { seed });
  for (const f of TRACE_FIELDS) {
    const x = a.fields[f], y = b.fields[f];
    for (let t = 0; t < x.length; t++) if (!Object.is(x[t], y[t])) fail('8', `${f}[${t}] differs between two runs of seed ${seed}`);
  }
  if (JSON.stringify(a.summary) !== JSON.stringify(b.summary)) fail('8', 'summaries differ');
}

/**
 * §6.8 the first draws of runs 0..runs−1 of one seed are uniform: a
 * chi-square test on 10 bins at a 1e-6 level (so a property over many seeds
 * does not fail by chance), and no correlation with the run index.
 */
export function checkFirstDrawsUniform(seed: number, runs = 1000): void {
  const bins = new Array<number>(10).fill(0);
  const rng = new Rng();
  let prev = 0, lag = 0;
  for (let r = 0; r < runs; r++) {
    const u = rng.reseed(seed, r).next();
    bins[Math.min(9, Math.floor(u * 10))]!++;
    if (r > 0) lag += (u - 0.5) * (prev - 0.5);
    prev = u;
  }
  const expected = runs / 10;
  const chi2 = bins.reduce((acc, o) => acc + ((o - expected) ** 2) / expected, 0);
  if (chi2 > 46) fail('8', `first draws of runs 0..${runs - 1} of seed ${seed} are not uniform: chi² = ${chi2.toFixed(1)} (9 df), bins ${bins.join(',')}`);
  // Lag-1 correlation of neighbouring runs' first draws: sd ≈ 1/√runs; 5 sd.
  const corr = (lag / (runs - 1)) / (1 / 12);
  if (Math.abs(corr) > 5 / Math.sqrt(runs)) fail('8', `first draws of neighbouring runs correlate: r = ${corr.toFixed(3)}`);
}

/**
 * §6.9 common random numbers: changing a bargaining parameter never changes
 * the battle path before a deal ends either run.
 */
export function checkCommonRandomNumbers(scenario: Scenario, seed: number, path: string, value: unknown): void {
  const changed = setParam(scenario, path, value);
  const a = simulate(scenario, { seed }), b = simulate(changed, { seed });
  const stop = Math.min(
    a.summary.dealAt ?? Infinity, b.summary.dealAt ?? Infinity,
    a.summary.endedAt ?? Infinity, b.summary.endedAt ?? Infinity, scenario.horizonMonths,
  );
  for (let t = 0; t <= stop; t++) {
    if (a.fields.control[t] !== b.fields.control[t]) fail('9', `changing ${path} changed the battle at month ${t} before any deal`);
  }
}

/**
 * §6.10 gamblersRuin: W_A + W_B ≤ 1 (equality at δ = 1); W_A rises with ψ̂
 * and j; no jump as ψ̂ → ½ or δ → 1.
 */
export function checkGamblersRuin(input: GamblersRuinInput): void {
  const r = gamblersRuin(input);
  const { discountedWinA: wa, discountedWinB: wb } = r;
  for (const [k, v] of Object.entries(r)) if (!Number.isFinite(v)) fail('10', `${k} = ${v} for ${JSON.stringify(input)}`);
  if (wa < 0 || wb < 0 || wa + wb > 1 + 1e-12) fail('10', `W_A + W_B = ${wa + wb} for ${JSON.stringify(input)}`);
  if (input.delta === 1 && Math.abs(wa + wb - 1) > 1e-9) fail('10', `W_A + W_B = ${wa + wb} ≠ 1 at δ = 1`);
  const up = Math.min(0.999, input.winChance + 0.01);
  if (gamblersRuin({ ...input, winChance: up }).discountedWinA < wa - 1e-12) fail('10', `W_A falls as ψ̂ rises from ${input.winChance}`);
  if (input.position < input.steps && gamblersRuin({ ...input, position: input.position + 1 }).discountedWinA < wa - 1e-12) fail('10', `W_A falls as j rises from ${input.position}`);
  // Continuity: a step of ε in ψ̂ or δ moves W by at most about ε times its
  // (bounded) slope; a jump from a wrong limit formula would be far larger.
  const eps = 1e-12;
  const eT = gamblersRuin({ ...input, delta: 1 }).expectedDuration;
  const slope = 4 * (input.steps * input.steps + eT);
  const a = gamblersRuin({ ...input, winChance: 0.5 }), b = gamblersRuin({ ...input, winChance: 0.5 + eps });
  if (Math.abs(a.discountedWinA - b.discountedWinA) > slope * eps + 1e-9) fail('10', `W_A jumps at ψ̂ = ½: ${a.discountedWinA} vs ${b.discountedWinA}`);
  const d1 = gamblersRuin({ ...input, delta: 1 }), d2 = gamblersRuin({ ...input, delta: 1 - eps });
  // 0 ≤ W(1) − W(1 − ε) summed over both ends is at most ε·E[T].
  const drop = d1.discountedWinA + d1.discountedWinB - d2.discountedWinA - d2.discountedWinB;
  if (drop < -1e-9 || drop > eps * eT + 1e-9) fail('10', `W jumps at δ = 1: ${d1.discountedWinA}/${d1.discountedWinB} vs ${d2.discountedWinA}/${d2.discountedWinB} (E[T] = ${eT})`);
}

/** The scenario with one more issue that only A values (weight w of A's utility). */
export function withIssueOnlyAValues(s: Scenario, w: number): Scenario {
  const base: Issue[] = s.issues && s.issues.length > 1 ? s.issues : [{ id: 'stakes', label: 'Contested stakes', weightA: 1, weightB: 1 }];
  const issues = [...base.map((it) => ({ ...it, weightA: it.weightA * (1 - w) })), { id: `onlyA${base.length}`, label: 'Only A cares', weightA: w, weightB: 0 }];
  const events = s.events.map((e) => (e.proposal ? { ...e, proposal: [...e.proposal, 1] } : e));
  return { ...s, issues, events };
}

/** §6.11 adding an issue that only A values never shrinks the surplus. */
export function checkLogrolling(scenario: Scenario, seed: number, w: number): void {
  compareSurplus(scenario, withIssueOnlyAValues(scenario, w), seed, '11', 'geq', `adding an issue only A values (weight ${w})`);
}
