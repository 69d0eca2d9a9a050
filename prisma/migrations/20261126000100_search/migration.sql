-- Full-text search index (SQLite FTS5). Written by hand: Prisma does not model virtual tables, so the
-- Prisma client never sees this table; lib/db/search.ts (raw SQL, parameterised) is its only reader and
-- lib/db/search-index.ts its only writer. No triggers: the fields need TypeScript parsing (quoted vs
-- non-quoted body, diff parts; see lib/search/fields.ts), so the ingester calls indexMessages() for every
-- new message inside its batch transaction.
--
-- rowid = Message.id, so a hit joins to Message by primary key.
-- Columns (order matters for bm25() weights in lib/db/search.ts and for snippet()):
--   subject, from_name, from_email  s:, f:        mid       Message-ID words (bare words, like lore's XM)
--   nq                              non-quoted body without the diff        q   quoted body (`^>` runs)
--   dfn, dfa, dfb, dfhh             diff file names, removed lines, added lines, hunk headers
--   tk                              trailer kinds written in the message, squashed ("reviewedby")
-- Tokenizer: porter over unicode61, so "false positives" finds "false positive" (lore stems too) and
-- arch/mips/kvm/mmu.c is the phrase "arch mips kvm mmu c". Underscores split words: mmu finds kvm_mmu_*.

-- CreateVirtualTable
CREATE VIRTUAL TABLE "MessageSearch" USING fts5(
    subject,
    from_name,
    from_email,
    mid,
    nq,
    q,
    dfn,
    dfa,
    dfb,
    dfhh,
    tk,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Covering indexes for search (lib/db/search.ts phase 1 picks and orders ids from these alone). A Message
-- row carries the raw mail; reading kind/patchId/seriesId, stored after it, walks overflow pages. On the
-- 12,484-message bulk corpus a filtered count went from 13 ms to 1.5 ms. lib/db/search.ts also creates
-- them IF NOT EXISTS, for databases that applied this migration before they were added.
-- CreateIndex
CREATE INDEX IF NOT EXISTS "Message_search_id_idx" ON "Message"("id", "date", "kind", "patchId", "seriesId");
CREATE INDEX IF NOT EXISTS "Message_search_patch_idx" ON "Message"("patchId", "date", "kind", "seriesId");
