// Explorer throughput for scripts/bench.ts: returns numbers, prints nothing.
// performance.now() is a Web API available in browsers and Node alike.
import { DEFAULT_BOUNDS, defaultModel, explore, type Bounds } from "./explore";
import { ARCHES } from "./profiles";
import type { Arch, Policy } from "./types";

export type BenchRow = { arch: Arch; policy: Policy; states: number; transitions: number; ms: number; statesPerSecond: number; found: number };
export type BenchResult = { rows: BenchRow[]; totalStates: number; totalMs: number; statesPerSecond: number; maxMs: number; bounds: Bounds };

export function benchExplorer(opts: { arches?: Arch[]; policies?: Policy[]; bounds?: Bounds } = {}): BenchResult {
  const bounds = opts.bounds ?? DEFAULT_BOUNDS;
  const rows: BenchRow[] = [];
  // One small warm-up run so the first row does not pay for JIT compilation.
  explore(defaultModel("x86", "pre"), { depth: 5 });
  for (const arch of opts.arches ?? ARCHES) {
    for (const policy of opts.policies ?? (["pre", "landed"] as Policy[])) {
      const t0 = performance.now();
      const r = explore(defaultModel(arch, policy), bounds);
      const ms = performance.now() - t0;
      rows.push({ arch, policy, states: r.statesExplored, transitions: r.transitions, ms, statesPerSecond: r.statesExplored / (ms / 1000), found: r.found.length });
    }
  }
  const totalStates = rows.reduce((a, r) => a + r.states, 0);
  const totalMs = rows.reduce((a, r) => a + r.ms, 0);
  return { rows, totalStates, totalMs, statesPerSecond: totalStates / (totalMs / 1000), maxMs: Math.max(...rows.map((r) => r.ms)), bounds };
}
