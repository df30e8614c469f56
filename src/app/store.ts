/**
 * One store with `subscribe` (DESIGN.md: no UI framework). Panels read the
 * state, call `set` with a partial update, and re-render on notification.
 */
export interface Store<T extends object> {
  get(): Readonly<T>;
  set(patch: Partial<T>): void;
  subscribe(listener: (state: Readonly<T>, changed: ReadonlySet<keyof T>) => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<(s: Readonly<T>, changed: ReadonlySet<keyof T>) => void>();
  return {
    get: () => state,
    set(patch) {
      const changed = new Set<keyof T>();
      for (const k of Object.keys(patch) as (keyof T)[]) if (!Object.is(state[k], patch[k])) changed.add(k);
      if (changed.size === 0) return;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, changed);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
