/**
 * The app's views (tabs). Each view mounts into the main area when its tab is
 * chosen and unmounts when another is; it reads and writes the one store.
 */
import type { ViewId } from '../state.ts';

export interface View {
  id: ViewId;
  label: string;
  /** Build the view's DOM into `root` (empty) and start listening to the store. */
  mount(root: HTMLElement): void;
  /** Stop listening and free charts; the DOM is removed by the caller. */
  unmount(): void;
}
