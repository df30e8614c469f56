/**
 * The app's one engine pool, and the live single run: each request carries a
 * number, and a result is drawn only if no newer request was made since, so a
 * stale result never overwrites a newer one. Requests made while a run is in
 * flight are coalesced: when it returns, only the newest waiting request is
 * sent (a dragged slider asks for dozens of runs; the worker does two or three).
 */
import type { Scenario, Trace } from '../../models/index.ts';
import { createBrowserPool } from '../../worker/browser.ts';
import type { JobResult } from '../../worker/api.ts';

export const pool = createBrowserPool();

let latest = 0;
let inFlight: Promise<unknown> | null = null;

/** Run (scenario, seed) in a worker; resolves to null if a newer run was asked for meanwhile. */
export async function runLatest(scenario: Scenario, seed: number): Promise<JobResult<Trace> | null> {
  const ticket = ++latest;
  while (inFlight) {
    await inFlight.catch(() => undefined);
    if (ticket !== latest) return null;
  }
  const job = pool.simulate(scenario, seed);
  inFlight = job;
  try {
    const result = await job;
    return ticket === latest ? result : null;
  } finally {
    if (inFlight === job) inFlight = null;
  }
}
