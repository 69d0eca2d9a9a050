// One lane per actor, one column per step; click a cell to jump there.
// Steps with a violation are marked red, blocked steps greyed out.

export type TimelineStep = {
  index: number;
  actor: string;
  label: string;
  violation: boolean;
  blocked: boolean;
};

export type SimTimelineProps = {
  lanes: { id: string; label: string }[];
  steps: TimelineStep[];
  /** Number of steps applied (0 = initial state). */
  cursor: number;
  onSeek: (cursor: number) => void;
};

export function SimTimeline({ lanes, steps, cursor, onSeek }: SimTimelineProps) {
  return (
    <div className="overflow-x-auto" data-testid="sim-timeline">
      <table className="border-collapse text-xs">
        <caption className="sr-only">Timeline: one row per actor, one column per step</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-white pr-2 text-left dark:bg-zinc-950">Actor</th>
            {steps.map((s) => (
              <th scope="col" key={s.index} className={`px-1 font-mono font-normal ${s.index === cursor - 1 ? "text-blue-700 dark:text-blue-300" : "text-zinc-500 dark:text-zinc-400"}`}>
                {s.index + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lanes.map((lane) => (
            <tr key={lane.id}>
              <th scope="row" className="sticky left-0 bg-white pr-2 text-left font-normal dark:bg-zinc-950">{lane.label}</th>
              {steps.map((s) => {
                if (s.actor !== lane.id) return <td key={s.index} className="border-l border-zinc-100 dark:border-zinc-800" />;
                const current = s.index === cursor - 1;
                const done = s.index < cursor;
                const tone = s.violation
                  ? "border-red-600 bg-red-100 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
                  : s.blocked
                    ? "border-zinc-300 bg-zinc-100 text-zinc-600 line-through dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400"
                    : "border-zinc-300 bg-white text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
                return (
                  <td key={s.index} className="border-l border-zinc-100 p-0.5 dark:border-zinc-800">
                    <button
                      type="button"
                      onClick={() => onSeek(s.index + 1)}
                      aria-current={current ? "step" : undefined}
                      aria-label={`Step ${s.index + 1}: ${s.label}${s.violation ? " (violation)" : ""}${s.blocked ? " (blocked)" : ""}`}
                      className={`whitespace-nowrap rounded border px-1 font-mono ${tone} ${current ? "ring-2 ring-blue-600 dark:ring-blue-400" : ""} ${done ? "" : "border-dashed"}`}
                    >
                      {s.label}
                      {s.violation ? " !" : ""}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
