/**
 * The month loop (MODEL.md §4) and its columnar trace.
 *
 * A {@link Simulator} compiles a scenario once and owns one set of trace
 * buffers; `run(seed, run)` overwrites them. The loop works on locals and
 * typed arrays and allocates nothing per month (trace events are recorded
 * only when asked, and only when something happens). `simulate` is the
 * convenient one-run wrapper that returns a fresh {@link Trace}.
 */

import { exp, log } from './detmath.ts';
import { Rng } from './rng.ts';
import { validateScenario, type Scenario } from './schema.ts';
import { clampPsi, drift, valueOfWarA, valueOfWarB, warMonths } from './war.ts';
import { ZoneSolver, nashWeightA, newZoneAssessment, type Rejection, type Valuation } from './zone.ts';

/** Every trace field, in MODEL.md §4's order. Each is a Float64Array of length horizonMonths + 1. */
export const TRACE_FIELDS = [
  'control', 'winChance', 'beliefA', 'beliefB', 'exhaustionA', 'exhaustionB', 'casualtiesA', 'casualtiesB',
  'costA', 'costB', 'patienceA', 'patienceB', 'valueA', 'valueB', 'warMonthsA', 'warMonthsB',
  'reservationA', 'reservationB', 'surplus', 'zoneOpen', 'ripe', 'deal', 'sanctions', 'aid', 'guarantee',
  'costsTerm', 'optimismTerm', 'commitmentTerm', 'domesticTerm', 'indivisibilityTerm', 'logrollingTerm',
] as const;

/** The name of a trace field (MODEL.md §4). */
export type TraceField = (typeof TRACE_FIELDS)[number];
/** The trace's columns: one Float64Array per field, months 0..horizon. */
export type TraceFields = Record<TraceField, Float64Array>;

/** The decomposition terms of MODEL.md §3, in order. */
export const TERM_FIELDS = ['costsTerm', 'optimismTerm', 'commitmentTerm', 'domesticTerm', 'indivisibilityTerm', 'logrollingTerm'] as const;

/** How a run ended (MODEL.md §4). */
export type Outcome = 'deal' | 'victoryA' | 'victoryB' | 'ongoing';
/** Outcome codes in typed arrays (Monte Carlo). */
export const OUTCOMES: readonly Outcome[] = ['ongoing', 'deal', 'victoryA', 'victoryB'];

/** Something that happened in a run, for annotations and the story panel. */
export interface TraceEvent {
  month: number;
  kind: 'event' | 'zoneOpens' | 'zoneCloses' | 'ripe' | 'deal' | 'proposalRejected' | 'victoryA' | 'victoryB';
  label: string;
  /** Deal terms (A's share of each issue) or the rejected proposal. */
  terms?: number[];
  rejectedBy?: Exclude<Rejection, 'none'>;
}

/** A run's summary (MODEL.md §4). Months are 0..horizon; null = never. */
export interface RunSummary {
  seed: number;
  run: number;
  zoneOpensAt: number | null;
  dealAt: number | null;
  /** Terms of the first deal: A's share of each issue. */
  terms: number[] | null;
  outcome: Outcome;
  ripeAt: number | null;
  /** The month the run stopped (victory, or a deal with stopAtDeal), else null. */
  endedAt: number | null;
}

/** One run: `{ months, fields, events, summary }` (MODEL.md §4). */
export interface Trace {
  /** Month numbers 0..horizonMonths. */
  months: Float64Array;
  fields: TraceFields;
  events: TraceEvent[];
  summary: RunSummary;
}

/** Compiled scheduled events: one slot per event, NaN = not set. */
interface CompiledEvents {
  count: number;
  month: Int32Array;
  sanctions: Float64Array;
  aid: Float64Array;
  guarantee: Float64Array;
  talkChance: Float64Array;
  shockA: Float64Array;
  shockB: Float64Array;
  /** 0 = no proposal change, 1 = set, 2 = withdraw. */
  proposalKind: Uint8Array;
  /** count × issueCount shares. */
  proposal: Float64Array;
  labels: string[];
}

function compileEvents(s: Scenario, issueCount: number): CompiledEvents {
  const evs = s.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.month - b.e.month || a.i - b.i).map((x) => x.e);
  const n = evs.length;
  const out: CompiledEvents = {
    count: n, month: new Int32Array(n), sanctions: new Float64Array(n).fill(NaN), aid: new Float64Array(n).fill(NaN),
    guarantee: new Float64Array(n).fill(NaN), talkChance: new Float64Array(n).fill(NaN), shockA: new Float64Array(n),
    shockB: new Float64Array(n), proposalKind: new Uint8Array(n), proposal: new Float64Array(n * issueCount), labels: [],
  };
  evs.forEach((e, i) => {
    out.month[i] = e.month;
    out.labels.push(e.label);
    if (e.set?.sanctions !== undefined) out.sanctions[i] = e.set.sanctions;
    if (e.set?.aid !== undefined) out.aid[i] = e.set.aid;
    if (e.set?.guarantee !== undefined) out.guarantee[i] = e.set.guarantee;
    if (e.set?.talkChance !== undefined) out.talkChance[i] = e.set.talkChance;
    out.shockA[i] = e.shock?.exhaustionA ?? 0;
    out.shockB[i] = e.shock?.exhaustionB ?? 0;
    if (e.proposal === null) out.proposalKind[i] = 2;
    else if (e.proposal) { out.proposalKind[i] = 1; out.proposal.set(e.proposal.slice(0, issueCount), i * issueCount); }
  });
  return out;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function logit(p: number): number {
  return log(p / (1 - p));
}

/** Options of {@link Simulator.run}. */
export interface RunOptions {
  /** Record {@link TraceEvent}s (off in Monte Carlo). Default true. */
  recordEvents?: boolean;
}

/**
 * A compiled scenario with reusable trace buffers. One per thread; `run`
 * overwrites the buffers, so copy what you keep.
 */
export class Simulator {
  readonly scenario: Scenario;
  readonly horizon: number;
  readonly issueCount: number;
  readonly fields: TraceFields;
  /** Terms of the first deal of the last run (valid when dealAt ≥ 0). */
  readonly terms: Float64Array;
  /** Last run's summary as numbers (−1 = never): cheap to read in Monte Carlo. */
  zoneOpensAt = -1;
  dealAt = -1;
  ripeAt = -1;
  endedAt = -1;
  /** Index into {@link OUTCOMES}. */
  outcome = 0;
  /** Months actually simulated in the last run (for throughput figures). */
  monthsSimulated = 0;
  events: TraceEvent[] = [];

  private readonly rng = new Rng();
  private readonly zone: ZoneSolver;
  private readonly compiled: CompiledEvents;
  private readonly proposal: Float64Array;
  private readonly dealBuf: Float64Array;
  private readonly valuation: Valuation;
  private readonly assessment = newZoneAssessment();

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.horizon = scenario.horizonMonths;
    this.zone = new ZoneSolver(scenario);
    this.issueCount = this.zone.issueCount;
    this.compiled = compileEvents(scenario, this.issueCount);
    this.terms = new Float64Array(this.issueCount);
    this.proposal = new Float64Array(this.issueCount);
    this.dealBuf = new Float64Array(this.issueCount);
    const len = this.horizon + 1;
    const fields = {} as TraceFields;
    for (const f of TRACE_FIELDS) fields[f] = new Float64Array(len);
    this.fields = fields;
    this.valuation = {
      valueA: 0, valueB: 0, warMonthsA: 0, warMonthsB: 0, patienceA: 1, patienceB: 1,
      driftA: 0, driftB: 0, costA: 0, costB: 0, steps: scenario.war.decisiveSteps,
    };
  }

  /**
   * Simulate run `run` of base seed `seed` into the buffers (MODEL.md §4).
   * Random draws: per month exactly two, `u_battle` then `u_talks` (§1).
   */
  run(seed: number, run = 0, options: RunOptions = {}): this {
    const record = options.recordEvents !== false;
    const s = this.scenario;
    const A = s.sides.A, B = s.sides.B, w = s.war, bg = s.bargaining;
    const F = this.fields;
    const H = this.horizon;
    const N = w.decisiveSteps;
    const sigma = w.stalemateChance;
    const logitPsi0 = logit(w.baseWinChance);
    // δ = δ0^(1 + ζE) = e^((1 + ζE)·ln δ0): ln δ0 once per run (MODEL.md §4 step 7).
    const lnDiscountA = log(A.discount), lnDiscountB = log(B.discount);
    const lambda = bg.memory;
    const ev = this.compiled;
    const rng = this.rng.reseed(seed, run);
    const zone = this.zone;
    const z = this.assessment;
    const val = this.valuation;
    const nI = this.issueCount;
    if (record) this.events = [];

    // State at month 0.
    let j = Math.round(w.initialControl * N);
    let eA = A.initialExhaustion, eB = B.initialExhaustion;
    let aA = A.priorWins, bA = A.priorLosses, aB = B.priorWins, bB = B.priorLosses;
    let sanctions = s.levers.sanctions, aid = s.levers.aid, guarantee = s.levers.guarantee;
    let talkChance = bg.talkChance;
    let hasProposal = false;
    let nextEvent = 0;
    let casA = 0, casB = 0;
    let psi = 0;
    let wasOpen = false;
    this.zoneOpensAt = this.dealAt = this.ripeAt = this.endedAt = -1;
    this.outcome = 0;

    let t = 0;
    for (; t <= H; t++) {
      let dealNow = 0;
      let decided = j <= 0 || j >= N;
      if (t > 0) {
        // 1. Scheduled events.
        while (nextEvent < ev.count && ev.month[nextEvent]! === t) {
          const k = nextEvent++;
          const v1 = ev.sanctions[k]!, v2 = ev.aid[k]!, v3 = ev.guarantee[k]!, v4 = ev.talkChance[k]!;
          if (v1 === v1) sanctions = v1;
          if (v2 === v2) aid = v2;
          if (v3 === v3) guarantee = v3;
          if (v4 === v4) talkChance = v4;
          eA = clamp01(eA + ev.shockA[k]!);
          eB = clamp01(eB + ev.shockB[k]!);
          const pk = ev.proposalKind[k]!;
          if (pk === 1) { hasProposal = true; for (let i = 0; i < nI; i++) this.proposal[i] = ev.proposal[k * nI + i]!; }
          else if (pk === 2) hasProposal = false;
          if (record) this.events.push({ month: t, kind: 'event', label: ev.labels[k]! });
        }
        // 2. Battle (MODEL.md §1): both draws, always, in this order.
        psi = clampPsi(1 / (1 + exp(-(logitPsi0 + w.exhaustionEffect * (eB - eA) - w.sanctionsEffect * sanctions - w.aidEffect * aid))));
        const uBattle = rng.next();
        const uTalks = rng.next();
        let aWon = false, bWon = false;
        if (uBattle >= sigma) {
          if ((uBattle - sigma) / (1 - sigma) < psi) { j++; aWon = true; } else { j--; bWon = true; }
        }
        // 3. Casualties. 4. Exhaustion (aid adds to B's recovery).
        casA = A.casualtiesPerMonth * (1 + (bWon ? A.lossSurge : 0));
        casB = B.casualtiesPerMonth * (1 + (aWon ? B.lossSurge : 0));
        eA = clamp01(eA + casA / A.casualtyTolerance - A.recoveryPerMonth);
        eB = clamp01(eB + casB / B.casualtyTolerance - B.recoveryPerMonth - w.aidRecovery * aid);
        // 5. Beliefs (Slantchev 2003): discounted Beta counts, on months that moved.
        if (aWon || bWon) {
          const won = aWon ? 1 : 0, lost = bWon ? 1 : 0;
          aA = lambda * aA + won; bA = lambda * bA + lost;
          aB = lambda * aB + won; bB = lambda * bB + lost;
        }
        decided = j <= 0 || j >= N;
        // Talks (step 9) use this month's zone, assessed below.
        dealNow = uTalks < talkChance ? 1 : 0;
      } else {
        psi = clampPsi(1 / (1 + exp(-(logitPsi0 + w.exhaustionEffect * (eB - eA) - w.sanctionsEffect * sanctions - w.aidEffect * aid))));
      }

      // 6. Costs. 7. Patience.
      const kA = A.baseCost + A.exhaustionCost * eA + bg.sanctionsCostA * sanctions;
      const kBraw = B.baseCost + B.exhaustionCost * eB - bg.aidReliefB * aid;
      const kB = kBraw > 0 ? kBraw : 0;
      const dA = A.exhaustionImpatience === 0 ? A.discount : exp((1 + A.exhaustionImpatience * eA) * lnDiscountA);
      const dB = B.exhaustionImpatience === 0 ? B.discount : exp((1 + B.exhaustionImpatience * eB) * lnDiscountB);

      // 8. Values and the zone (MODEL.md §2–3).
      const beliefA = aA / (aA + bA), beliefB = aB / (aB + bB);
      const control = j / N;
      const muA = drift(sigma, beliefA), muB = drift(sigma, beliefB);
      const pvA = warMonths(j, N, sigma, dA, beliefA);
      const pvB = warMonths(j, N, sigma, dB, beliefB);
      val.valueA = valueOfWarA(control, pvA, dA, muA, N, kA);
      val.valueB = valueOfWarB(control, pvB, dB, muB, N, kB);
      val.warMonthsA = pvA; val.warMonthsB = pvB;
      val.patienceA = dA; val.patienceB = dB;
      val.driftA = muA; val.driftB = muB;
      val.costA = kA; val.costB = kB;
      zone.assess(val, guarantee, z);
      const open = z.open;
      const bandA = Math.abs(2 * clampPsi(beliefA) - 1), bandB = Math.abs(2 * clampPsi(beliefB) - 1);
      const ripe = open && bandA <= bg.stalemateBand && bandB <= bg.stalemateBand && kA >= A.hurtThreshold && kB >= B.hurtThreshold;

      // A decisive month is a victory, not a zone opening or a deal (step 10 ends the war).
      if (!decided) {
        if (open && this.zoneOpensAt < 0) this.zoneOpensAt = t;
        if (ripe && this.ripeAt < 0) { this.ripeAt = t; if (record) this.events.push({ month: t, kind: 'ripe', label: 'ripe: mutually hurting stalemate' }); }
        if (record && open !== wasOpen) this.events.push({ month: t, kind: open ? 'zoneOpens' : 'zoneCloses', label: open ? 'zone opens' : 'zone closes' });
        wasOpen = open;
      }

      // 9. Talks: a deal at the proposal if it lies in the zone, else at the Nash point.
      if (dealNow === 1) {
        dealNow = 0;
        let rejectedBy: Rejection = 'none';
        if (hasProposal && !decided) {
          rejectedBy = zone.rejection(z, this.proposal);
          if (rejectedBy !== 'none' && record) {
            this.events.push({ month: t, kind: 'proposalRejected', label: `proposal rejected by ${rejectedBy === 'both' ? 'both sides' : rejectedBy === 'A' ? A.label : B.label}`, terms: Array.from(this.proposal), rejectedBy });
          }
        }
        if (open && !decided) {
          dealNow = 1;
          if (hasProposal && rejectedBy === 'none') this.dealBuf.set(this.proposal);
          else zone.dealTerms(z, nashWeightA(dA, dB), this.dealBuf);
          if (this.dealAt < 0) { this.dealAt = t; this.terms.set(this.dealBuf); }
          if (record) this.events.push({ month: t, kind: 'deal', label: `deal: ${(this.dealBuf[0]! * 100).toFixed(1)}% to ${A.label}`, terms: Array.from(this.dealBuf) });
        }
      }

      // Write the month.
      F.control[t] = control; F.winChance[t] = psi; F.beliefA[t] = beliefA; F.beliefB[t] = beliefB;
      F.exhaustionA[t] = eA; F.exhaustionB[t] = eB; F.casualtiesA[t] = casA; F.casualtiesB[t] = casB;
      F.costA[t] = kA; F.costB[t] = kB; F.patienceA[t] = dA; F.patienceB[t] = dB;
      F.valueA[t] = val.valueA; F.valueB[t] = val.valueB; F.warMonthsA[t] = pvA; F.warMonthsB[t] = pvB;
      F.reservationA[t] = z.reservationA; F.reservationB[t] = z.reservationB; F.surplus[t] = z.surplus;
      F.zoneOpen[t] = open ? 1 : 0; F.ripe[t] = ripe ? 1 : 0; F.deal[t] = dealNow;
      F.sanctions[t] = sanctions; F.aid[t] = aid; F.guarantee[t] = guarantee;
      F.costsTerm[t] = z.costsTerm; F.optimismTerm[t] = z.optimismTerm; F.commitmentTerm[t] = z.commitmentTerm;
      F.domesticTerm[t] = z.domesticTerm; F.indivisibilityTerm[t] = z.indivisibilityTerm; F.logrollingTerm[t] = z.logrollingTerm;

      // 10. The end: a decisive victory, or a deal with stopAtDeal.
      if (decided) {
        this.outcome = j >= N ? 2 : 3;
        if (record) this.events.push({ month: t, kind: j >= N ? 'victoryA' : 'victoryB', label: `decisive victory: ${j >= N ? A.label : B.label}` });
        break;
      }
      if (dealNow === 1 && bg.stopAtDeal) break;
    }
    this.monthsSimulated = t > H ? H : t;
    if (t <= H) {
      this.endedAt = t;
      // Frozen after the end: every field keeps its last value (MODEL.md §4).
      for (const f of TRACE_FIELDS) { const a = F[f]; a.fill(a[t]!, t + 1); }
    }
    if (this.outcome === 0 && this.dealAt >= 0) this.outcome = 1;
    return this;
  }

  /** The last run's summary as an object. */
  summary(seed: number, run: number): RunSummary {
    const n = (x: number) => (x < 0 ? null : x);
    return {
      seed, run,
      zoneOpensAt: n(this.zoneOpensAt), dealAt: n(this.dealAt),
      terms: this.dealAt >= 0 ? Array.from(this.terms) : null,
      outcome: OUTCOMES[this.outcome]!, ripeAt: n(this.ripeAt), endedAt: n(this.endedAt),
    };
  }
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Base seed, an integer in [0, 2^32 − 1]. Default 1. */
  seed?: number;
  /** Run index within the seed (Monte Carlo run r uses (seed, r)). Default 0. */
  run?: number;
}

/**
 * Run one scenario month by month (MODEL.md §4) and return its trace. The
 * same seed and inputs give a bitwise-identical trace in Node and the browser.
 * Throws a RangeError listing the problems if the scenario does not validate.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): Trace {
  const checked = validateScenario(scenario);
  if (!checked.ok) throw new RangeError('invalid scenario: ' + checked.errors.map((e) => e.message).join('; '));
  const seed = options.seed ?? 1;
  const run = options.run ?? 0;
  const sim = new Simulator(checked.scenario).run(seed, run);
  const months = new Float64Array(sim.horizon + 1);
  for (let t = 0; t <= sim.horizon; t++) months[t] = t;
  const fields = {} as TraceFields;
  for (const f of TRACE_FIELDS) fields[f] = sim.fields[f].slice();
  return { months, fields, events: sim.events, summary: sim.summary(seed, run) };
}
