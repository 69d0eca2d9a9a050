"use client";
// Fault-path simulator panel: the only client file that uses lib/sim.
//
// data-testid for end-to-end tests:
//   sim-panel      root                      sim-arch / sim-policy / sim-scenario   <select>s
//   sim-back / sim-step / sim-play / sim-end / sim-reset   buttons (play toggles to "Pause")
//   sim-cursor     "Step i of n" (data-cursor, data-total)
//   sim-outcome    outcome of the run so far: data-outcome="clean"|"violations", data-codes="A,B"
//   sim-violations list of violations up to the cursor (data-count); items are sim-violation
//                  (data-invariant, data-code, data-step), each with a link to its v12 patch
//   sim-compare    before-vs-after box (data-differs="true"|"false"), with sim-compare-pre and
//                  sim-compare-landed (data-outcome, data-codes), run on the whole scenario
//   sim-timeline, sim-state, sim-log          lanes per actor, state table, log of the current step
//   sim-add-event + sim-add                   append an enabled event at the cursor
//   sim-find-race, sim-race-results, sim-race-replay (one per counterexample)
// The trace lives in ?sim=<arch>.<policy>.<init>.<events> (history.replaceState) and is read back on load.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  ARCHES, DEFAULT_BOUNDS, POLICIES, SCENARIOS, SCENARIO_BY_ID, actorOf, decodeTrace, defaultModel, enabledEvents,
  encodeEvent, encodeTrace, explore, initialState, runFrom,
  type Arch, type ExploreResult, type InitOpts, type Policy, type SimEvent, type SimState,
} from "@/lib/sim";
import { SimStateTable } from "./sim-state-table";
import { SimTimeline, type TimelineStep } from "./sim-timeline";
import { SimCompare, SimViolations, type Outcome } from "./sim-violations";

export type SimPanelProps = {
  arch?: string;
  initialScenario?: string;
  /** Link for a v12 patch number. Functions cannot cross from a server component, so a server
   *  page passes `patchHrefPrefix` instead (default "#patch-", matching the series page rows). */
  patchHref?: (n: number) => string;
  patchHrefPrefix?: string;
};

const ARCH_LABEL: Record<Arch, string> = {
  x86: "x86", arm64: "arm64", riscv: "RISC-V", loongarch: "LoongArch", mips: "MIPS",
  ppc_book3s_pr: "PowerPC Book3S PR", ppc_e500: "PowerPC e500", s390: "s390",
};
const POLICY_LABEL: Record<Policy, string> = {
  "pre-nofastref": "before, v6.10 LoongArch fast path (no get_page)",
  pre: "before the series (v6.12)",
  v12: "v12 as posted",
  landed: "as landed (v13, v6.13)",
};
const LANES = [
  { id: "v0", label: "vCPU 0" }, { id: "v1", label: "vCPU 1" }, { id: "vmm", label: "VMM" },
  { id: "wb", label: "writeback" }, { id: "reclaim", label: "reclaim" }, { id: "age", label: "aging" }, { id: "dirtylog", label: "dirty log" },
];
const SHORT: Record<string, string> = {
  GUEST_READ: "read", GUEST_WRITE: "write", VMM_WRITE_HVA: "write hva", VMM_READ_HVA: "read hva",
  WB_INVALIDATE_START: "inval start", WB_MKCLEAN: "mkclean", WB_INVALIDATE_END: "inval end", WB_CLEAR_DIRTY: "clear dirty",
  WB_END: "I/O done", RECLAIM_INVALIDATE_START: "inval start", RECLAIM_UNMAP: "unmap", RECLAIM_INVALIDATE_END: "inval end",
  RECLAIM_FREE: "free", TRUNCATE: "truncate", AGE_CLEAR_YOUNG: "clear young", AGE_TEST_YOUNG: "test young",
  DIRTYLOG_ENABLE: "enable", DIRTYLOG_GET_CLEAR: "harvest", VCPU_MAP: "map", VCPU_UNMAP: "unmap",
};

function eventLabel(e: SimEvent, before?: SimState): string {
  if (e.t === "FAULT_STEP" || e.t === "AF_STEP") return before?.vcpus[e.vcpu]?.fault?.phase ?? "step";
  return SHORT[e.t] ?? e.t;
}

/** Kernel arch names from the series page ("powerpc", "loongarch") to simulator arches. */
function toArch(a?: string): Arch | null {
  if (!a) return null;
  const k = a.toLowerCase();
  if (k === "powerpc" || k === "ppc") return "ppc_book3s_pr";
  return (ARCHES as string[]).includes(k) ? (k as Arch) : null;
}

function optsFor(init: string, arch: Arch, policy: Policy): InitOpts {
  if (SCENARIO_BY_ID[init]) return SCENARIO_BY_ID[init].opts;
  if (init === "explore") return defaultModel(arch, policy).opts ?? {};
  return { vcpus: 2 };
}

function scenarioEvents(id: string, policy: Policy): SimEvent[] {
  const sc = SCENARIO_BY_ID[id];
  return sc ? runFrom(initialState(sc.arch, policy, sc.opts), sc.script).events : [];
}

function firstScenario(arch: Arch): string {
  return SCENARIOS.find((s) => s.arch === arch)?.id ?? "default";
}

export function SimPanel({ arch: archProp, initialScenario, patchHref: hrefProp, patchHrefPrefix = "#patch-" }: SimPanelProps) {
  const patchHref = hrefProp ?? ((n: number) => `${patchHrefPrefix}${n}`);
  const start = SCENARIO_BY_ID[initialScenario ?? ""] ? initialScenario! : firstScenario(toArch(archProp) ?? "loongarch");
  const [arch, setArch] = useState<Arch>(SCENARIO_BY_ID[start]?.arch ?? toArch(archProp) ?? "loongarch");
  const [policy, setPolicy] = useState<Policy>("pre");
  const [init, setInit] = useState<string>(start);
  const [events, setEvents] = useState<SimEvent[]>(() => scenarioEvents(start, "pre"));
  const [custom, setCustom] = useState(false); // events edited or loaded: do not re-expand the scenario
  const [cursor, setCursor] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [race, setRace] = useState<{ running: boolean; result?: ExploreResult; where?: string }>({ running: false });
  const [addIdx, setAddIdx] = useState(0);
  const urlReady = useRef(false);

  const result = useMemo(() => runFrom(initialState(arch, policy, optsFor(init, arch, policy)), events), [arch, policy, init, events]);
  const total = result.trace.length;
  const at = Math.min(cursor, total);
  const current = at === 0 ? result.initial : result.trace[at - 1].state;
  const previous = at === 0 ? undefined : at === 1 ? result.initial : result.trace[at - 2].state;
  const soFar = result.trace.slice(0, at).flatMap((t) => t.violations);
  const next = useMemo(() => enabledEvents(current), [current]);

  // Write the trace to the URL on every change (declared before the reader so the first
  // commit does not overwrite a shared link), and read a shared trace once on load.
  // The step shown is part of the link (simstep), so a pasted link opens where the reviewer was.
  useEffect(() => {
    if (!urlReady.current) return;
    const url = new URL(window.location.href);
    url.searchParams.set("sim", encodeTrace({ arch, policy, init, events }));
    url.searchParams.set("simstep", String(at));
    window.history.replaceState(window.history.state, "", url);
  }, [arch, policy, init, events, at]);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const t = decodeTrace(params.get("sim") ?? "");
    if (t) {
      const step = Number(params.get("simstep"));
      setArch(t.arch); setPolicy(t.policy); setInit(t.init); setEvents(t.events); setCustom(true);
      setCursor(Number.isInteger(step) && step >= 0 && step <= t.events.length ? step : t.events.length);
    }
    urlReady.current = true;
  }, []);

  useEffect(() => {
    if (!playing) return;
    if (cursor >= total) { setPlaying(false); return; }
    const id = setTimeout(() => setCursor((c) => Math.min(c + 1, total)), 250);
    return () => clearTimeout(id);
  }, [playing, cursor, total]);

  const load = useCallback((a: Arch, p: Policy, id: string) => {
    setArch(a); setPolicy(p); setInit(id); setEvents(scenarioEvents(id, p)); setCustom(false); setCursor(0); setPlaying(false);
  }, []);
  const onArch = (a: Arch) => { load(a, policy, firstScenario(a)); setRace({ running: false }); };
  const onPolicy = (p: Policy) => {
    setRace({ running: false });
    if (SCENARIO_BY_ID[init] && !custom) load(arch, p, init);
    else { setPolicy(p); setCursor(0); setPlaying(false); }
  };
  const append = (e: SimEvent) => {
    setEvents([...events.slice(0, at), e]); setCustom(true); setCursor(at + 1);
  };

  const findRace = () => {
    const model = defaultModel(arch, policy);
    setRace({ running: true });
    const inline = (why: string) => setTimeout(() => setRace({ running: false, result: explore(model, DEFAULT_BOUNDS), where: why }), 0);
    let worker: Worker | null = null;
    try {
      worker = typeof Worker === "undefined" ? null : new Worker(new URL("../lib/sim/explore.worker.ts", import.meta.url));
    } catch {
      worker = null;
    }
    if (!worker) return inline("inline (no Web Worker)");
    const w = worker;
    w.onmessage = (ev: MessageEvent<ExploreResult>) => { setRace({ running: false, result: ev.data, where: "Web Worker" }); w.terminate(); };
    w.onerror = () => { w.terminate(); inline("inline (worker failed)"); };
    w.postMessage({ model, bounds: DEFAULT_BOUNDS });
  };
  const replay = (evs: SimEvent[], from: number) => {
    setInit("explore"); setEvents(evs); setCustom(true); setCursor(from); setPlaying(true);
  };

  const outcomeOf = (p: Policy): Outcome => {
    const sc = SCENARIO_BY_ID[init];
    const r = sc && !custom ? runFrom(initialState(sc.arch, p, sc.opts), sc.script) : runFrom(initialState(arch, p, optsFor(init, arch, p)), events);
    const logs = new Set(r.trace.flatMap((t) => t.log.map((l) => l.code)));
    const notes = ["KVM_FALSE_DIRTY", "MAP_FAILED", "TRUNCATE_DIRTY_WARN"].filter((c) => logs.has(c));
    return { label: POLICY_LABEL[p], policy: p, violations: r.violations, notes };
  };
  // Two short runs per render: microseconds, not worth memoising.
  const before = outcomeOf("pre");
  const after = outcomeOf("landed");

  const steps: TimelineStep[] = result.trace.map((t) => ({
    index: t.index, actor: actorOf(t.event), label: eventLabel(t.event, t.before), violation: t.violations.length > 0, blocked: t.blocked,
  }));
  const btn = "rounded border border-zinc-400 bg-white px-2 py-1 text-sm text-zinc-900 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:text-zinc-500 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:disabled:text-zinc-500";
  const sel = "max-w-full rounded border border-zinc-400 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
  const scenarios = SCENARIOS.filter((s) => s.arch === arch);
  const codes = [...new Set(soFar.map((v) => v.code))].sort();

  return (
    <section data-testid="sim-panel" aria-labelledby="sim-h" className="min-w-0 space-y-4 text-zinc-900 dark:text-zinc-100">
      <h2 id="sim-h" className="text-lg font-semibold">Fault-path simulator</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-0 max-w-full flex-col text-sm">Architecture
          <select data-testid="sim-arch" className={sel} value={arch} onChange={(e) => onArch(e.target.value as Arch)}>
            {ARCHES.map((a) => <option key={a} value={a}>{ARCH_LABEL[a]}</option>)}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-sm">Policy
          <select data-testid="sim-policy" className={sel} value={policy} onChange={(e) => onPolicy(e.target.value as Policy)}>
            {POLICIES.map((p) => <option key={p} value={p}>{POLICY_LABEL[p]}</option>)}
          </select>
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-sm">Scenario
          <select data-testid="sim-scenario" className={sel} value={SCENARIO_BY_ID[init] ? init : ""} onChange={(e) => load(arch, policy, e.target.value || "default")}>
            <option value="">Empty (build your own)</option>
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.id}: {s.title}</option>)}
          </select>
        </label>
      </div>
      {SCENARIO_BY_ID[init] && <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">{SCENARIO_BY_ID[init].summary}</p>}

      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Playback">
        <button type="button" data-testid="sim-reset" className={btn} onClick={() => { setCursor(0); setPlaying(false); }}>Reset</button>
        <button type="button" data-testid="sim-back" className={btn} disabled={at === 0} onClick={() => setCursor(at - 1)}>Step back</button>
        <button type="button" data-testid="sim-step" className={btn} disabled={at >= total} onClick={() => setCursor(at + 1)}>Step forward</button>
        <button type="button" data-testid="sim-play" className={btn} disabled={!playing && at >= total} onClick={() => setPlaying(!playing)}>{playing ? "Pause" : "Play"}</button>
        <button type="button" data-testid="sim-end" className={btn} disabled={at >= total} onClick={() => { setCursor(total); setPlaying(false); }}>Run to end</button>
        <span data-testid="sim-cursor" data-cursor={at} data-total={total} className="text-sm" aria-live="polite">Step {at} of {total}</span>
        <span data-testid="sim-outcome" data-outcome={codes.length ? "violations" : "clean"} data-codes={codes.join(",")} className={`text-sm font-medium ${codes.length ? "text-red-800 dark:text-red-300" : "text-green-800 dark:text-green-300"}`}>
          {codes.length ? `Violations: ${codes.join(", ")}` : "No violations so far"}
        </span>
      </div>

      <SimTimeline lanes={LANES} steps={steps} cursor={at} onSeek={(c) => { setCursor(c); setPlaying(false); }} />

      <div className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 max-w-full flex-col text-sm">Next event at step {at + 1}
          <select data-testid="sim-add-event" className={sel} value={Math.min(addIdx, Math.max(next.length - 1, 0))} onChange={(e) => setAddIdx(Number(e.target.value))}>
            {next.map((e, i) => <option key={encodeEvent(e)} value={i}>{actorOf(e)}: {e.t}</option>)}
          </select>
        </label>
        <button type="button" data-testid="sim-add" className={btn} disabled={next.length === 0} onClick={() => next.length && append(next[Math.min(addIdx, next.length - 1)])}>Add event</button>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <SimStateTable state={current} previous={previous} />
        <div className="space-y-4">
          <section aria-labelledby="sim-log-h">
            <h3 id="sim-log-h" className="font-semibold">Log of step {at}</h3>
            <ul data-testid="sim-log" className="space-y-0.5 font-mono text-xs">
              {(at ? result.trace[at - 1].log : []).map((l, i) => (
                <li key={i} className={l.level === "violation" ? "text-red-800 dark:text-red-300" : l.level === "blocked" || l.level === "warn" ? "text-amber-800 dark:text-amber-300" : ""}>
                  [{l.actor}] {l.code}: {l.detail}{l.srcRef ? ` (${l.srcRef})` : ""}
                </li>
              ))}
            </ul>
          </section>
          <SimViolations violations={soFar} patchHref={patchHref} onSeek={(c) => { setCursor(c); setPlaying(false); }} />
        </div>
      </div>

      <SimCompare before={before} after={after} patchHref={patchHref} />

      <section aria-labelledby="sim-race-h" className="space-y-2">
        <h3 id="sim-race-h" className="font-semibold">Find a race</h3>
        <button type="button" data-testid="sim-find-race" className={btn} disabled={race.running} onClick={findRace}>
          {race.running ? "Searching…" : `Search interleavings (${ARCH_LABEL[arch]}, ${policy}, depth ${DEFAULT_BOUNDS.depth})`}
        </button>
        {race.result && (
          <div data-testid="sim-race-results" className="text-sm" aria-live="polite">
            <p>{race.result.summary} <span className="text-zinc-600 dark:text-zinc-400">({race.where})</span></p>
            <ul className="list-disc pl-5">
              {race.result.found.map((c) => (
                <li key={c.invariant}>
                  <strong>{c.invariant}</strong> {c.violation.code} in {c.depth} steps: {c.violation.explain}{" "}
                  <button type="button" data-testid="sim-race-replay" className={btn} onClick={() => replay(c.events, c.setupLength)}>Replay {c.invariant}</button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </section>
  );
}
