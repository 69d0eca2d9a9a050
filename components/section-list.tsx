import type { PatchSection } from "@/lib/review/status";

const STATUS_CLASS: Record<string, string> = {
  satisfied: "text-green-800 dark:text-green-300",
  owed: "text-red-800 dark:text-red-300",
  author: "text-zinc-700 dark:text-zinc-300",
};

function names(people: string[]): string {
  return people.map((p) => p.replace(/\s*<[^>]*>\s*$/, "") || p).join(", ");
}

export function SectionList({ sections }: { sections: PatchSection[] }) {
  const owners = sections.filter((s) => s.role === "owner");
  const cc = sections.filter((s) => s.role === "cc");
  if (sections.length === 0) return null;
  return (
    <section aria-labelledby="sections-h" data-testid="sections">
      <h2 id="sections-h" className="mb-1 text-base font-semibold">MAINTAINERS</h2>
      <ul className="space-y-1 text-sm">
        {owners.map((s) => (
          <li key={`${s.arch}-${s.name}`} data-status={s.status}>
            <span className={`font-medium ${STATUS_CLASS[s.status] ?? ""}`}>
              {s.status === "satisfied" ? "✓ satisfied" : s.status === "owed" ? "✗ owed" : "author's own"}
            </span>{" "}
            {s.name}
            {s.status === "satisfied" && s.satisfiedBy && (
              <span className="text-zinc-600 dark:text-zinc-300"> — {s.satisfiedBy.kind === "applied" ? `applied by ${s.satisfiedBy.name}` : `${s.satisfiedBy.kind} ${s.satisfiedBy.name}`}</span>
            )}
            {s.status === "owed" && <span className="text-zinc-600 dark:text-zinc-300"> — waiting for {names(s.owedBy) || "nobody listed (no M: line)"}</span>}
          </li>
        ))}
      </ul>
      {cc.length > 0 && (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-300">
          Cc: {cc.map((s) => s.name).join("; ")}
        </p>
      )}
    </section>
  );
}
