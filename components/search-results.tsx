// Search results: one row per message, with the snippet's matched words as <mark> elements.
// The snippet arrives as text with \u0001/\u0002 around each match; it is split here, never parsed as HTML.
import Link from "next/link";
import type { SearchResult } from "@/lib/db/search";
import { hrefForMessage, splitSnippet } from "@/lib/search/snippet";
import { formatDate } from "@/lib/format";

export function SearchSnippet({ snippet }: { snippet: string }) {
  return (
    <p className="mail text-zinc-700 dark:text-zinc-300" data-testid="search-snippet">
      {splitSnippet(snippet).map((part, i) =>
        part.hit ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-zinc-900 dark:bg-yellow-700 dark:text-zinc-50">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}

export function SearchResults({ results, offset }: { results: SearchResult[]; offset: number }) {
  return (
    <ol className="space-y-4" start={offset + 1} data-testid="search-results">
      {results.map((r) => (
        <li key={r.messageId} className="space-y-1 border-b border-zinc-100 pb-3 dark:border-zinc-800" data-testid="search-result">
          <div>
            <Link
              href={hrefForMessage(r.messageId, r.patch?.id ?? null)}
              className="font-medium text-blue-700 hover:underline dark:text-blue-300"
            >
              {r.subject || "(no subject)"}
            </Link>
          </div>
          <div className="flex flex-wrap gap-x-3 text-sm text-zinc-600 dark:text-zinc-300">
            <span>{r.from.name || r.from.email || "unknown sender"}</span>
            <time dateTime={r.date ?? undefined} className="font-mono">
              {formatDate(r.date)}
            </time>
            {r.patch && <span className="font-mono">patch {r.patch.number}</span>}
            {r.series && (
              <Link href={`/series/${r.series.id}`} className="hover:underline">
                v{r.series.revision} {r.series.title}
              </Link>
            )}
          </div>
          {r.snippet && <SearchSnippet snippet={r.snippet} />}
        </li>
      ))}
    </ol>
  );
}
