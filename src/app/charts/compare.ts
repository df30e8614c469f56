/**
 * Comparison with a pinned baseline (pure): the parameters that differ
 * between two scenarios, by path, with their panel labels. The baseline's
 * reservation points are overlaid by the deal-zone builder (dealZone.ts).
 */
import { getParam, parameterDescriptors, type Scenario } from '../../../models/index.ts';

export interface ParamDifference {
  path: string;
  label: string;
  baseline: string;
  current: string;
}

function show(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  return v === undefined ? '—' : String(v);
}

function eventsWords(s: Scenario): string {
  if (s.events.length === 0) return 'none';
  return s.events.map((e) => `m${e.month} ${e.label}`).join('; ');
}

function issuesWords(s: Scenario): string {
  const is = s.issues ?? [];
  return is.length <= 1 ? 'one issue' : is.map((i) => `${i.label} (${i.weightA}/${i.weightB})`).join('; ');
}

/** Every parameter, side label, seed, event list and issue list that differs. */
export function paramDiff(baseline: Scenario, current: Scenario, seeds?: { baseline: number; current: number }): ParamDifference[] {
  const out: ParamDifference[] = [];
  if (seeds && seeds.baseline !== seeds.current) out.push({ path: 'seed', label: 'Seed', baseline: String(seeds.baseline), current: String(seeds.current) });
  for (const side of ['A', 'B'] as const) {
    const a = baseline.sides[side].label, b = current.sides[side].label;
    if (a !== b) out.push({ path: `sides.${side}.label`, label: `Side ${side} name`, baseline: a, current: b });
  }
  for (const p of parameterDescriptors) {
    const a = getParam(baseline, p.path), b = getParam(current, p.path);
    if (!Object.is(a, b)) {
      const side = p.path.startsWith('sides.') ? `${current.sides[p.path[6] as 'A' | 'B'].label}: ` : '';
      out.push({ path: p.path, label: `${side}${p.label}${p.unit ? ` (${p.unit})` : ''}`, baseline: show(a), current: show(b) });
    }
  }
  if (JSON.stringify(baseline.events) !== JSON.stringify(current.events)) out.push({ path: 'events', label: 'Scheduled events', baseline: eventsWords(baseline), current: eventsWords(current) });
  if (JSON.stringify(baseline.issues ?? null) !== JSON.stringify(current.issues ?? null)) out.push({ path: 'issues', label: 'Issues', baseline: issuesWords(baseline), current: issuesWords(current) });
  return out;
}
