import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { SearchResults } from "@/components/search-results";
import { searchMessages } from "@/lib/db/search";
import { getDatabase } from "@/lib/db/sqlite";
import { parseSearchParams, searchHref } from "@/lib/search/params";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await props.searchParams);
  if (!q.trim()) return { title: "Search" };
  return {
    title: `Search: ${q.slice(0, 80)}`,
    alternates: { types: { "application/atom+xml": `/search.atom?q=${encodeURIComponent(q)}` } },
  };
}

export default async function SearchPage(props: Props) {
  const params = parseSearchParams(await props.searchParams);
  const { q, sort, page, pageSize } = params;
  const outcome = q.trim() ? searchMessages(getDatabase(), q, { sort, page, pageSize }) : null;
  const pages = outcome ? Math.max(1, Math.ceil(outcome.total / pageSize)) : 0;
  const first = (page - 1) * pageSize;

  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Search</h1>
      <SearchBox defaultValue={q} label="Search query" testId="search-page-box" sort={sort} />

      {!outcome && <SearchHelp />}

      {outcome?.error && (
        <div role="alert" data-testid="search-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-medium">This query cannot be searched.</p>
          <p>{outcome.error}</p>
        </div>
      )}

      {outcome?.warnings?.map((w) => (
        <p key={w} className="text-sm text-amber-800 dark:text-amber-300" data-testid="search-warning">
          {w}
        </p>
      ))}

      {outcome && !outcome.error && (
        <>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <p data-testid="search-total" aria-live="polite">
              {outcome.total === 0
                ? "No messages match."
                : `${outcome.total} message${outcome.total === 1 ? "" : "s"}` +
                  (outcome.total > pageSize ? `, ${first + 1}–${Math.min(first + pageSize, outcome.total)} shown` : "")}
            </p>
            <nav aria-label="Sort results" className="flex gap-2">
              <span className="text-zinc-600 dark:text-zinc-300">Sort:</span>
              <SortLink params={params} value="relevance" label="relevance" />
              <SortLink params={params} value="date" label="newest" />
            </nav>
            <a href={`/search.atom?q=${encodeURIComponent(q)}`} className="ml-auto text-blue-700 hover:underline dark:text-blue-300">
              Atom feed
            </a>
          </div>
          {outcome.results.length > 0 && <SearchResults results={outcome.results} offset={first} />}
          {pages > 1 && (
            <nav aria-label="Result pages" className="flex items-center gap-3 text-sm">
              {page > 1 && (
                <Link rel="prev" href={searchHref({ ...params, page: page - 1 })} className="text-blue-700 hover:underline dark:text-blue-300">
                  ‹ previous
                </Link>
              )}
              <span>
                page {page} of {pages}
              </span>
              {page < pages && (
                <Link rel="next" href={searchHref({ ...params, page: page + 1 })} className="text-blue-700 hover:underline dark:text-blue-300">
                  next ›
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}

function SortLink({ params, value, label }: { params: ReturnType<typeof parseSearchParams>; value: "relevance" | "date"; label: string }) {
  if (params.sort === value) {
    return (
      <span aria-current="true" className="font-medium">
        {label}
      </span>
    );
  }
  return (
    <Link href={searchHref({ ...params, sort: value, page: 1 })} className="text-blue-700 hover:underline dark:text-blue-300">
      {label}
    </Link>
  );
}

const HELP: [string, string][] = [
  ["s:", "subject"],
  ["f:", "sender name or address"],
  ["b:", "body, quoted and not"],
  ["nq: / q:", "non-quoted / quoted body"],
  ["dfn:", "file name in the diff (dfn:arch/mips/kvm/mmu.c)"],
  ["dfa: / dfb:", "removed / added diff lines"],
  ["dfhh:", "function name in a hunk header"],
  ["d:", "date range: d:2024-08-01..2024-08-31, d:last.week.., d:..2024-08-01"],
  ["m:", "Message-ID"],
  ["a:", "architecture of the patch (a:loongarch)"],
  ["p:", "patch number (p:64, p:68..71)"],
  ["t:", "trailer given in the message (t:reviewed-by)"],
  ["is:acked", "the patch has a (verified) Acked-by or Reviewed-by"],
  ["is:owed", "a MAINTAINERS section of the patch still owes an ack"],
  ["is:applied", "the patch was applied (a “thanks, applied” reply)"],
  ["is:patch / is:reply / is:cover", "kind of message"],
];

function SearchHelp() {
  return (
    <section aria-labelledby="search-help-h" className="space-y-2 text-sm">
      <h2 id="search-help-h" className="font-semibold">
        How to search
      </h2>
      <p>
        Words must all appear (AND); use <code className="font-mono">OR</code>, <code className="font-mono">NOT</code> or a
        leading <code className="font-mono">-</code>, parentheses, <code className="font-mono">&quot;exact phrases&quot;</code>{" "}
        and <code className="font-mono">prefix*</code>. Prefixes, as on lore:
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {HELP.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-mono">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
