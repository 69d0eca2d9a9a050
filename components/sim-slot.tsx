import { SimPanel } from "./sim-panel";

// The place beside the arch matrix (and on fault-path patches) where the fault-path
// simulator of the selected arch lives. The panel is the one client component that uses lib/sim.
export function SimSlot({ arch, scenario, patchHrefPrefix }: { arch: string; scenario?: string; patchHrefPrefix?: string }) {
  return (
    <section aria-label="Fault-path simulator" data-testid="sim-slot" data-arch={arch} className="min-w-0 rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <SimPanel key={arch} arch={arch} initialScenario={scenario} patchHrefPrefix={patchHrefPrefix} />
    </section>
  );
}
