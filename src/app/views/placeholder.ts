/** A view not built yet: says so plainly. */
import type { ViewId } from '../state.ts';
import type { View } from './registry.ts';

export function placeholderView(id: ViewId, label: string): View {
  return {
    id, label,
    mount(root) { const p = document.createElement('p'); p.textContent = `${label}: coming soon.`; root.appendChild(p); },
    unmount() {},
  };
}
