import { tokenizeC, type Token } from "@/lib/mail/highlight";

// Diff colouring by line prefix, and C syntax colouring inside code lines; text only.
function lineClass(line: string): string {
  if (line.startsWith("+++ ") || line.startsWith("--- ") || line.startsWith("diff --git")) return "font-bold text-zinc-800 dark:text-zinc-100";
  if (line.startsWith("@@")) return "text-violet-700 dark:text-violet-300";
  if (line.startsWith("+")) return "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100";
  if (line.startsWith("-")) return "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100";
  return "";
}

const TOKEN_CLASS: Record<Token["kind"], string> = {
  keyword: "font-semibold text-blue-800 dark:text-blue-300",
  type: "text-teal-800 dark:text-teal-300",
  string: "text-amber-800 dark:text-amber-300",
  comment: "italic text-zinc-600 dark:text-zinc-400",
  number: "text-fuchsia-800 dark:text-fuchsia-300",
  preproc: "text-purple-800 dark:text-purple-300",
  plain: "",
};

function isCodeLine(line: string): boolean {
  return /^[+\- ]/.test(line) && !line.startsWith("+++ ") && !line.startsWith("--- ");
}

function CodeLine({ line }: { line: string }) {
  return (
    <>
      {line[0]}
      {tokenizeC(line.slice(1)).map((t, i) =>
        t.kind === "plain" ? (
          t.text
        ) : (
          <span key={i} className={TOKEN_CLASS[t.kind]}>
            {t.text}
          </span>
        ),
      )}
    </>
  );
}

export function DiffView({ text }: { text: string }) {
  return (
    <div className="my-1 overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
      {text.split("\n").map((line, i) => (
        <div key={i} className={`whitespace-pre px-2 ${lineClass(line)}`}>
          {!line ? " " : isCodeLine(line) ? <CodeLine line={line} /> : line}
        </div>
      ))}
    </div>
  );
}
