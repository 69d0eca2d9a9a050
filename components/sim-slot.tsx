// The place beside the arch matrix where the fault-path simulator of the selected arch lives.
export function SimSlot({ arch }: { arch: string }) {
  return (
    <section aria-labelledby="sim-h" data-testid="sim-slot" data-arch={arch} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <h2 id="sim-h" className="mb-2 text-lg font-semibold">Fault-path simulator</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">Loading the simulator for {arch}…</p>
    </section>
  );
}
