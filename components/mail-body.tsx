import { FOLD_QUOTES_OVER, splitBodyBlocks } from "@/lib/mail/blocks";
import { DiffView } from "./diff-view";

// Mail is rendered as text: every string goes through React's escaping, never as HTML.
export function MailBody({ body }: { body: string }) {
  const blocks = splitBodyBlocks(body);
  return (
    <div className="mail mt-2">
      {blocks.map((b, i) => {
        if (b.type === "text") return <div key={i}>{b.text}</div>;
        if (b.type === "diff") return <DiffView key={i} text={b.text} />;
        if (b.type === "signature")
          return (
            <details key={i} className="text-zinc-500 dark:text-zinc-400">
              <summary className="cursor-pointer font-sans text-xs">signature ({b.lines} lines)</summary>
              {b.text}
            </details>
          );
        if (b.lines <= FOLD_QUOTES_OVER)
          return (
            <div key={i} className="text-emerald-800 dark:text-emerald-300">
              {b.text}
            </div>
          );
        return (
          <details key={i} className="text-emerald-800 dark:text-emerald-300" data-testid="quote-fold">
            <summary className="cursor-pointer font-sans text-xs text-zinc-600 dark:text-zinc-300">show {b.lines} quoted lines</summary>
            {b.text}
          </details>
        );
      })}
    </div>
  );
}
