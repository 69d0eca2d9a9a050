// A fixed mix of queries for scripts/bench.ts to time through GET /api/search?q= on a big archive
// (target: p95 < 50 ms on 12,500 messages). PURE: no imports, so the bench script can load it alone.
// The mix covers every prefix, bare words, phrases, prefix*, boolean operators, negation, joins to
// Patch/PatchArch/Trailer, date ranges, both sorts, and queries with many / no hits.

export type BenchQuery = { q: string; sort?: "relevance" | "date"; page?: number };

export const BENCH_QUERIES: readonly BenchQuery[] = [
  { q: "kvm" },
  { q: "kvm", sort: "date" },
  { q: "mmu_lock" },
  { q: '"false positives" f:seanjc' },
  { q: "s:loongarch" },
  { q: "f:seanjc@google.com" },
  { q: "f:maobibo", sort: "date" },
  { q: "b:folio" },
  { q: "nq:writeback" },
  { q: "q:kvm_set_pfn_dirty" },
  { q: "dfn:arch/mips/kvm/mmu.c" },
  { q: "dfa:kvm_release_pfn_clean" },
  { q: "dfb:kvm_faultin_pfn" },
  { q: "dfhh:kvm_mmu_page_fault" },
  { q: "d:2024-08-01..2024-08-31", sort: "date" },
  { q: "d:2024-08-01.. kvm" },
  { q: "m:ZrFezgVbCI3DRQH3@google.com" },
  { q: "a:loongarch t:reviewed-by" },
  { q: "a:arm64 -is:acked" },
  { q: "p:68..71 is:reply" },
  { q: "is:applied" },
  { q: "is:owed a:mips" },
  { q: "is:patch s:mips" },
  { q: "t:acked-by" },
  { q: "kvm* mips" },
  { q: "pfn* OR folio*" },
  { q: "(mips OR loongarch) NOT riscv" },
  { q: 'dirty -"struct page"' },
  { q: 's:"struct page" f:seanjc d:2024-07-01..' },
  { q: "zzzz_no_such_word_qqqq" },
  { q: "kvm", page: 5 },
  { q: 'b:"page fault" OR dfhh:fault', sort: "date" },
];
