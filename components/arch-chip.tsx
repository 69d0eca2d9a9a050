import { ARCH_LABELS } from "@/lib/review/arch";

export type ArchChipProps = { arch: string; source?: string };

// Subject-only tags are dashed: the diff does not touch that arch, only the subject names it.
export function ArchChip({ arch, source }: ArchChipProps) {
  const label = ARCH_LABELS[arch] ?? arch;
  const title = source === "subject" ? `${label}: from the subject prefix only` : source === "path" ? `${label}: from the paths only (subject names another)` : label;
  return (
    <span
      title={title}
      className={`inline-block rounded border px-1.5 py-0 font-mono text-xs ${
        source === "subject" ? "border-dashed" : ""
      } border-sky-700 text-sky-800 dark:border-sky-400 dark:text-sky-200`}
    >
      {label}
    </span>
  );
}
