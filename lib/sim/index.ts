// Public surface of the fault-path simulator. Pure: no React, no Node APIs.
export type * from "./types";
export type { ArchProfile, Sourced, OpPoint } from "./profiles";
export { ARCHES, POLICIES, getProfile } from "./profiles";
export { initialState, step, enabledEvents, whyBlocked, actorOf } from "./model";
export { INVARIANTS, INVARIANT_BY_ID, type InvariantInfo } from "./invariants";
export { run, runFrom, type RunResult, type ScriptStep, type TraceStep } from "./run";
export { SCENARIOS, SCENARIO_BY_ID, type Scenario, type Expect, type FinalAsserts } from "./scenarios";
export { encodeEvent, decodeEvent, encodeEvents, decodeEvents, encodeTrace, decodeTrace, type TraceRef } from "./codec";
export { explore, defaultModel, stateKey, DEFAULT_ACTORS, DEFAULT_BOUNDS, type ExploreModel, type Bounds, type Counterexample, type ExploreResult } from "./explore";
export { benchExplorer, type BenchResult, type BenchRow } from "./bench";
