/**
 * The app's one engine pool, and the live single run: each request carries a
 * number, and a result is drawn only if no newer request was made since, so a
 * stale result never overwrites a newer one.
 */
import type { Scenario, Trace } from '../../models/index.ts';
import { createBrowserPool } from '../../worker/browser.ts';
import type { JobResult } from '../../worker/api.ts';

export const pool = createBrowserPool();

let latest = 0;

/** Run (scenario, seed) in a worker; resolves to null if a newer run was asked for meanwhile. */
export async function runLatest(scenario: Scenario, seed: number): Promise<JobResult<Trace> | null> {
  const ticket = ++latest;
  const result = await pool.simulate(scenario, seed);
  return ticket === latest ? result : null;
}
