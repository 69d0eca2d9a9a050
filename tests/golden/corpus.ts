import path from "node:path";

/** The shared mail corpus, read in place (../shared/corpus relative to the repo root). */
export const CORPUS = path.resolve(__dirname, "../../../shared/corpus");
export const corpusPath = (...parts: string[]) => path.join(CORPUS, ...parts);
