// The search box in the header: a plain GET form, so it works without client JavaScript.
export function HeaderSearch({ defaultValue }: { defaultValue?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex gap-2">
      <input
        type="search"
        name="q"
        defaultValue={defaultValue}
        aria-label="Search review comments"
        data-testid="search-box"
        placeholder='Search: f:maz s:arm64 "false positives"'
        className="w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-sm text-zinc-900 placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-400"
      />
      <button type="submit" className="rounded bg-zinc-800 px-3 py-1 text-sm text-white hover:bg-zinc-700 dark:bg-zinc-200 dark:text-zinc-900">
        Search
      </button>
    </form>
  );
}
