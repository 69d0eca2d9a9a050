// The search box: a plain GET form to /search (works without client JavaScript).
// In the header it keeps the defaults; the search page passes its own label and test id so the page
// never has two controls with the same accessible name.

export type SearchBoxProps = {
  defaultValue?: string;
  label?: string;
  testId?: string;
  /** Keep the chosen sort when the query is edited on the search page. */
  sort?: "relevance" | "date";
};

export function SearchBox({ defaultValue, label = "Search review comments", testId = "search-box", sort }: SearchBoxProps) {
  return (
    <form action="/search" method="get" role="search" className="flex gap-2">
      <input
        type="search"
        name="q"
        defaultValue={defaultValue}
        aria-label={label}
        data-testid={testId}
        maxLength={2000}
        placeholder='f:seanjc "false positives"  a:loongarch t:reviewed-by'
        className="w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-sm text-zinc-900 placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-400"
      />
      {sort === "date" && <input type="hidden" name="sort" value="date" />}
      <button
        type="submit"
        className="rounded bg-zinc-800 px-3 py-1 text-sm text-white hover:bg-zinc-700 dark:bg-zinc-200 dark:text-zinc-900"
      >
        Search
      </button>
    </form>
  );
}
