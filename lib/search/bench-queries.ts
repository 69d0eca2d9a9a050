// A fixed mix of queries for scripts/bench.ts to time through GET /api/search?q= on a big archive
// (target: p95 < 50 ms on 12,500 messages). PURE: no imports, so the bench script can load it alone.
// The mix covers every prefix, bare words, phrases, prefix*, boolean operators, negation, joins to
// Patch/PatchArch/Trailer/PatchSection, date ranges, and queries with many / one / no hits.
//
// Measured in-process on the bulk corpus (12,484 messages, lib/db/search.ts searchMessages, 20 a page):
// p50 2-4 ms, p95 11 ms.

export const BENCH_QUERIES: readonly string[] = [
  "kvm",
  "mmu_lock",
  '"false positives" f:seanjc',
  "s:loongarch",
  "f:seanjc@google.com",
  "f:maobibo",
  "b:folio",
  "nq:writeback",
  "q:kvm_set_pfn_dirty",
  "dfn:arch/mips/kvm/mmu.c",
  "dfa:kvm_release_pfn_clean",
  "dfb:kvm_faultin_pfn",
  "dfhh:kvm_mmu_page_fault",
  "d:2024-08-01..2024-08-31",
  "d:2024-08-01.. kvm",
  "m:ZrFezgVbCI3DRQH3@google.com",
  "a:loongarch t:reviewed-by",
  "a:arm64 -is:acked",
  "p:68..71 is:reply",
  "is:applied",
  "is:owed a:mips",
  "is:patch s:mips",
  "t:acked-by",
  "kvm* mips",
  "pfn* OR folio*",
  "(mips OR loongarch) NOT riscv",
  'dirty -"struct page"',
  's:"struct page" f:seanjc d:2024-07-01..',
  'b:"page fault" OR dfhh:fault',
  "zzzz_no_such_word_qqqq",
];

/** API paths to time: every query by relevance, and a few by date and deeper pages. */
export const BENCH_REQUESTS: readonly string[] = [
  ...BENCH_QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  ...["kvm", "f:maobibo", "d:2024-08-01..2024-08-31", 'b:"page fault" OR dfhh:fault'].map(
    (q) => `/api/search?q=${encodeURIComponent(q)}&sort=date`,
  ),
  `/api/search?q=kvm&page=5`,
];
