// Diff colouring by line prefix; text only.
function lineClass(line: string): string {
  if (line.startsWith("+++ ") || line.startsWith("--- ") || line.startsWith("diff --git")) return "font-bold text-zinc-800 dark:text-zinc-100";
  if (line.startsWith("@@")) return "text-violet-700 dark:text-violet-300";
  if (line.startsWith("+")) return "bg-green-50 text-green-800 dark:bg-green-950 dark:text-green-200";
  if (line.startsWith("-")) return "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200";
  return "";
}

export function DiffView({ text }: { text: string }) {
  return (
    <div className="my-1 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
      {text.split("\n").map((line, i) => (
        <div key={i} className={`whitespace-pre px-2 ${lineClass(line)}`}>
          {line || " "}
        </div>
      ))}
    </div>
  );
}
