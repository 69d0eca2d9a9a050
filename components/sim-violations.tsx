// Violations found so far (each linked to the v12 patch that addresses it), and the
// "before vs after" outcome of the same scenario under the pre-series and landed policies.
import type { Violation } from "@/lib/sim/types";

export type SimViolationsProps = {
  violations: Violation[];
  patchHref: (n: number) => string;
  onSeek: (cursor: number) => void;
};

export function SimViolations({ violations, patchHref, onSeek }: SimViolationsProps) {
  return (
    <section aria-labelledby="sim-violations-h">
      <h3 id="sim-violations-h" className="font-semibold">Violations so far</h3>
      {violations.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="sim-violations" data-count={0}>None.</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="sim-violations" data-count={violations.length}>
          {violations.map((v, i) => (
            <li
              key={`${v.stepIndex}-${v.invariant}-${i}`}
              data-testid="sim-violation"
              data-invariant={v.invariant}
              data-code={v.code}
              data-step={v.stepIndex + 1}
              className={`rounded border-l-4 px-2 py-1 ${v.severity === "bug" ? "border-red-600 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950/60 dark:text-red-50" : v.severity === "warn" ? "border-amber-600 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950/60 dark:text-amber-50" : "border-zinc-500 bg-zinc-50 text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"}`}
            >
              <button type="button" onClick={() => onSeek(v.stepIndex + 1)} className="font-mono underline">
                step {v.stepIndex + 1}
              </button>{" "}
              <strong>{v.invariant}</strong> <span className="font-mono">{v.code}</span> ({v.severity}): {v.explain}{" "}
              <a href={patchHref(v.patch)} className="underline">
                addressed by v12 {String(v.patch).padStart(2, "0")}/84
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export type Outcome = { label: string; policy: string; violations: Violation[]; notes: string[] };

const codesOf = (o: Outcome) => [...new Set(o.violations.map((v) => `${v.invariant} ${v.code}`))];

export function SimCompare({ before, after, patchHref }: { before: Outcome; after: Outcome; patchHref: (n: number) => string }) {
  const differs = codesOf(before).join() !== codesOf(after).join();
  return (
    <section aria-labelledby="sim-compare-h" data-testid="sim-compare" data-differs={differs}>
      <h3 id="sim-compare-h" className="font-semibold">Before vs after the series</h3>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {differs ? "The outcomes differ." : "Same outcome under both policies."}
      </p>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        {[before, after].map((o) => {
          const codes = codesOf(o);
          return (
            <div
              key={o.policy}
              data-testid={`sim-compare-${o.policy}`}
              data-outcome={codes.length ? "violations" : "clean"}
              data-codes={[...new Set(o.violations.map((v) => v.code))].sort().join(",")}
              className="rounded border border-zinc-300 p-2 text-sm dark:border-zinc-700"
            >
              <h4 className="font-medium">{o.label}</h4>
              {codes.length === 0 ? (
                <p className="text-green-800 dark:text-green-300">No invariant violated.</p>
              ) : (
                <ul className="list-disc pl-5">
                  {o.violations
                    .filter((v, i, a) => a.findIndex((w) => w.code === v.code) === i)
                    .map((v) => (
                      <li key={v.code}>
                        <strong>{v.invariant}</strong> <span className="font-mono">{v.code}</span> at step {v.stepIndex + 1}{" "}
                        (<a className="underline" href={patchHref(v.patch)}>v12 {v.patch}</a>)
                      </li>
                    ))}
                </ul>
              )}
              {o.notes.length > 0 && <p className="mt-1 text-zinc-700 dark:text-zinc-300">Also: {o.notes.join(", ")}</p>}
            </div>
          );
        })}
      </div>
    </section>
  );
}
