// run(): a fold over step(), with stepIndex filled into violations.
import { initialState, step } from "./model";
import type { Arch, InitOpts, LogEntry, Policy, SimEvent, SimState, Violation, Vcpu } from "./types";

/** Script steps: concrete events, or DRAIN = FAULT_STEP this vCPU until its fault is done
 *  (or blocked), so one script fits policies whose faults take different numbers of steps. */
export type ScriptStep = SimEvent | { t: "DRAIN"; vcpu: Vcpu };

export type TraceStep = { index: number; event: SimEvent; before: SimState; state: SimState; log: LogEntry[]; violations: Violation[]; blocked: boolean };

export type RunResult = { initial: SimState; trace: TraceStep[]; final: SimState; violations: Violation[]; events: SimEvent[] };

const MAX_DRAIN = 64;

export function runFrom(initial: SimState, script: ScriptStep[]): RunResult {
  const trace: TraceStep[] = [];
  let s = initial;
  const push = (event: SimEvent) => {
    const r = step(s, event);
    const index = trace.length;
    const violations = r.violations.map((v) => ({ ...v, stepIndex: index }));
    trace.push({ index, event, before: s, state: r.state, log: r.log, violations, blocked: r.blocked });
    s = r.state;
    return r;
  };
  for (const st of script) {
    if (st.t !== "DRAIN") { push(st); continue; }
    for (let i = 0; i < MAX_DRAIN && s.vcpus[st.vcpu]?.fault; i++) {
      if (push({ t: "FAULT_STEP", vcpu: st.vcpu }).blocked) break;
    }
  }
  return { initial, trace, final: s, violations: trace.flatMap((t) => t.violations), events: trace.map((t) => t.event) };
}

export function run(arch: Arch, policy: Policy, script: ScriptStep[], opts?: InitOpts): RunResult {
  return runFrom(initialState(arch, policy, opts), script);
}
