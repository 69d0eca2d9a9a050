// The simulator state as a table: one row per variable, changed rows highlighted.
// Pure presentation: receives states from SimPanel (type-only import of lib/sim).
import type { SimState } from "@/lib/sim/types";

type Row = { group: string; name: string; value: string };

const yn = (b: boolean) => (b ? "yes" : "no");
const ep = (v: number | null, cur: number) => (v === null ? "never" : v === cur ? `${v} (current)` : `${v} (older)`);

function rowsOf(s: SimState): Row[] {
  const f = s.folio;
  const rows: Row[] = [
    { group: "Host PTE", name: "present / writable / dirty / young", value: [s.hostPte.present, s.hostPte.writable, s.hostPte.dirty, s.hostPte.young].map(yn).join(" / ") },
    { group: "Folio", name: "exists", value: yn(f.exists) + (f.truncated ? " (truncated)" : "") },
    { group: "Folio", name: "refcount (KVM refs, pins)", value: `${f.refcount} (${f.kvmRefs}, ${f.pinned})` },
    { group: "Folio", name: "PG_dirty / PG_writeback", value: `${yn(f.dirty)} / ${yn(f.writeback)}` },
    { group: "Folio", name: "clean epoch", value: String(f.cleanEpoch) },
    { group: "Folio", name: "content last written in epoch", value: ep(f.contentEpochWritten, f.cleanEpoch) + (f.contentPersisted ? ", on disk" : ", not on disk") },
    { group: "Folio", name: "dirtied by KVM in epoch", value: ep(f.dirtiedByKvmEpoch, f.cleanEpoch) },
    { group: "Stage-2 PTE", name: "present", value: s.s2.present ? `yes (pfn ${s.s2.pfn}${s.s2.refcountedPage ? ", refcounted page" : ""})` : "no" },
    { group: "Stage-2 PTE", name: "sw-writable / hw-writable", value: `${yn(s.s2.swWritable)} / ${yn(s.s2.hwWritable)}` },
    { group: "Stage-2 PTE", name: "dirty / young", value: `${yn(s.s2.dirty)} / ${yn(s.s2.young)}` },
    { group: "KVM", name: "mmu_lock", value: s.mmuLock.mode === "none" ? "free" : `${s.mmuLock.mode} by ${s.mmuLock.holders.join(", ")}` },
    { group: "KVM", name: "mmu_invalidate_seq", value: String(s.mmuInvalidateSeq) },
    { group: "KVM", name: "invalidation in progress (range)", value: s.mmuInvalidateInProgress > 0 ? `${s.mmuInvalidateInProgress} (covers this gfn)` : "0" },
    { group: "KVM", name: "dirty log on / gfn in bitmap", value: `${yn(s.dirtyLog.enabled)} / ${yn(s.dirtyLog.bitmap)}` },
    { group: "Core MM", name: "writeback / reclaim", value: `${s.wb} / ${s.reclaim}` },
  ];
  s.vcpus.forEach((v, i) => {
    const ft = v.fault;
    rows.push({
      group: `vCPU ${i}`,
      name: "fault",
      value: ft ? `${ft.isWrite ? "write" : "read"} at ${ft.phase}, refs ${ft.refs}${ft.pending.length ? `, owes ${ft.pending.map((p) => p.op).join(", ")}` : ""}` : "none",
    });
  });
  return rows;
}

export type SimStateTableProps = { state: SimState; previous?: SimState };

export function SimStateTable({ state, previous }: SimStateTableProps) {
  const rows = rowsOf(state);
  const before = previous ? rowsOf(previous) : null;
  return (
    <table className="w-full text-left text-sm" data-testid="sim-state">
      <caption className="sr-only">Simulator state after the current step; changed values are highlighted</caption>
      <thead>
        <tr className="border-b border-zinc-300 dark:border-zinc-700">
          <th scope="col" className="py-1 pr-2">Part</th>
          <th scope="col" className="py-1 pr-2">Variable</th>
          <th scope="col" className="py-1">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const changed = before !== null && before[i]?.value !== r.value;
          return (
            <tr
              key={`${r.group}-${r.name}`}
              data-changed={changed || undefined}
              className={changed ? "bg-amber-100 dark:bg-amber-900/40" : "border-b border-zinc-100 dark:border-zinc-800"}
            >
              <th scope="row" className="py-0.5 pr-2 font-normal text-zinc-600 dark:text-zinc-400">{r.group}</th>
              <td className="py-0.5 pr-2">{r.name}</td>
              <td className="py-0.5 font-mono">
                {r.value}
                {changed && <span className="sr-only"> (changed)</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
