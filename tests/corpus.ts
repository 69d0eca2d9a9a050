import path from "node:path";

// Tests read the real mail in ../shared/corpus in place (CI lays it beside the clone).
export const CORPUS = path.resolve(__dirname, "../../shared/corpus");
export const V12_MBOX = path.join(CORPUS, "lore-v12/v12-thread.linux-mips.mbox");
export const V13_MBOX = path.join(CORPUS, "lore-v13/v13-thread.linux-mips.mbox");
export const V12_COVER = "20240726235234.228822-1-seanjc@google.com";
/** Patch N of v12 has Message-ID 20240726235234.228822-(N+1)-seanjc@google.com (git send-email numbering). */
export const v12PatchId = (n: number) => `20240726235234.228822-${n + 1}-seanjc@google.com`;
export const corpusPath = (...p: string[]) => path.join(CORPUS, ...p);
