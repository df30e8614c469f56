/**
 * The shipped presets (models/scenarios): every file validates, ids match file
 * names, each says what it teaches, and the calibrated presets trace every
 * number to a source (issue 5; MODEL.md §7).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIO_ID, parameterDescriptors, scenarios, validateScenario, type Scenario } from '../../models/index.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../models/scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const FILE_IDS = FILES.map((f) => f.replace(/\.json$/, '')).sort();
const raw = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

/** The presets calibrated on public facts: every number carries provenance. */
const CALIBRATED = ['alaska-2025', 'alaska-2025-issues'];
const CONFIDENCE = ['fact', 'estimate', 'judgement', 'textbook'];
/** Numeric parameter paths (kind number or integer): what analysts can trace. */
const NUMERIC = parameterDescriptors.filter((d) => d.kind === 'number' || d.kind === 'integer').map((d) => d.path);

describe('every preset file', () => {
  it('there are the eight presets of issue 5, and no others', () => {
    expect(FILE_IDS).toEqual([
      'alaska-2025', 'alaska-2025-issues', 'armistice-1953', 'commitment-problem', 'convergence',
      'hurting-stalemate', 'rubinstein-patience', 'textbook-fearon',
    ]);
  });

  for (const file of FILES) {
    describe(file, () => {
      it('validates as it is on disk, with no errors', () => {
        const r = validateScenario(raw(file));
        if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
        expect(r.ok).toBe(true);
      });
      it('has an id equal to its file name and is registered under it', () => {
        const id = (raw(file) as { id: string }).id;
        expect(id).toBe(file.replace(/\.json$/, ''));
        expect(scenarios[id]).toBeDefined();
      });
      it('has a title and a description that states what it teaches', () => {
        const s = raw(file) as Scenario;
        expect(s.title.trim().length).toBeGreaterThan(0);
        expect(s.description).toMatch(/It teaches: \S/);
      });
      it('traces its numbers: every provenance entry has a source, a note and a known confidence', () => {
        const prov = (raw(file) as Scenario).provenance ?? {};
        expect(Object.keys(prov).length).toBeGreaterThan(0);
        for (const [path, p] of Object.entries(prov)) {
          expect(p.source.trim(), `${path}.source`).not.toBe('');
          expect(p.note.trim(), `${path}.note`).not.toBe('');
          expect(CONFIDENCE, `${path}.confidence`).toContain(p.confidence);
        }
      });
    });
  }
});

describe('the registry', () => {
  it('holds exactly the files, with unique ids, and the shipped scenario is one of them', () => {
    const ids = Object.keys(scenarios);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(FILE_IDS);
    expect(ids).toContain(SHIPPED_SCENARIO_ID);
    for (const [id, s] of Object.entries(scenarios)) expect(s.id).toBe(id);
  });
  it('registers what validation returns (defaults filled in), equal to the file where the file is explicit', () => {
    for (const file of FILES) {
      const r = validateScenario(raw(file));
      if (!r.ok) continue;
      expect(scenarios[r.scenario.id]).toEqual(r.scenario);
    }
  });
});

describe('provenance of the calibrated presets', () => {
  for (const id of CALIBRATED) {
    describe(id, () => {
      const s = scenarios[id]!;
      it('every numeric parameter has provenance with a source and a note', () => {
        const missing = NUMERIC.filter((path) => {
          const p = s.provenance?.[path];
          return !p || p.source.trim() === '' || p.note.trim() === '';
        });
        expect(missing).toEqual([]);
      });
      it('the booleans and the events are traced too', () => {
        for (const path of ['bargaining.armistice', 'bargaining.stopAtDeal', 'events']) expect(s.provenance?.[path], path).toBeDefined();
      });
      it('judgement calls are marked as such and give a plausible range', () => {
        for (const path of NUMERIC) {
          const p = s.provenance![path]!;
          if (p.confidence === 'judgement') expect(p.note, path).toMatch(/plausible/);
        }
      });
      it('facts and estimates cite a dated source', () => {
        for (const path of NUMERIC) {
          const p = s.provenance![path]!;
          if (p.confidence === 'fact' || p.confidence === 'estimate') expect(p.source, path).toMatch(/\b(19|20)\d\d\b/);
        }
      });
      it('cites the August 2025 summit reporting it was calibrated from', () => {
        const sources = Object.values(s.provenance!).map((p) => p.source).join('\n');
        expect(sources).toMatch(/August 2025 summit reporting/);
        expect(sources).toMatch(/Stanovaya/);
        expect(sources).toMatch(/Jarabik/);
      });
    });
  }

  it('alaska-2025-issues traces its issues, and its issue 0 is the contested territory', () => {
    const s = scenarios['alaska-2025-issues']!;
    const p = s.provenance?.issues;
    expect(p?.source.trim()).toBeTruthy();
    expect(p?.note.trim()).toBeTruthy();
    expect(s.issues!.map((i) => i.id)).toEqual(['territory', 'security', 'sanctions']);
  });

  it('alaska-2025-issues fights the same war as alaska-2025: only the bargaining differs', () => {
    const one = scenarios['alaska-2025']!, many = scenarios['alaska-2025-issues']!;
    expect(many.war).toEqual(one.war);
    expect(many.levers).toEqual(one.levers);
    expect(many.events).toEqual(one.events);
    expect(many.horizonMonths).toBe(one.horizonMonths);
    for (const side of ['A', 'B'] as const) {
      const { domesticBound: _a, ...restMany } = many.sides[side];
      const { domesticBound: _b, ...restOne } = one.sides[side];
      expect(restMany).toEqual(restOne);
    }
  });

  it('the stories the issues rely on hold in the weights: Russia values sanctions relief more, Ukraine security more', () => {
    const [territory, security, sanctions] = scenarios['alaska-2025-issues']!.issues!;
    expect(sanctions!.weightA).toBeGreaterThan(sanctions!.weightB);
    expect(security!.weightB).toBeGreaterThan(security!.weightA);
    expect(security!.weightB).toBeGreaterThan(territory!.weightB);
  });
});
