/** The single-run view: the deal zone over time (more charts to come). */
import { store } from '../state.ts';
import { mountChart, type MountedChart } from '../charts/mount.ts';
import { dealZoneChart } from '../charts/dealZone.ts';
import type { View } from './registry.ts';

let dealZone: MountedChart | null = null;
let off: (() => void) | null = null;

function render(root: HTMLElement): void {
  const { trace, scenario, month } = store.get();
  if (!trace) return;
  const spec = dealZoneChart(trace, scenario, { cursor: month });
  if (dealZone) dealZone.update(spec);
  else dealZone = mountChart(root, 'The deal zone over time', spec, 'chart-deal-zone');
}

export const runView: View = {
  id: 'run',
  label: 'Single run',
  mount(root) {
    render(root);
    off = store.subscribe((_s, changed) => { if (changed.has('trace') || changed.has('month')) render(root); });
  },
  unmount() {
    off?.();
    dealZone?.destroy();
    dealZone = null;
  },
};
