import { isMainThread, parentPort, Worker } from "node:worker_threads";
import type { IncomingMessage } from "./db/store";

// MIME parsing off the main thread. mailparser's simpleParser is most of an ingest's CPU; the
// main thread keeps reading, storing, indexing and deriving while workers parse. Results come
// back in input order (the caller awaits jobs first-in, first-out), so ids and buckets are the
// same as with in-process parsing.
//
// The worker loads this TypeScript file through tsx's CommonJS hook (a dependency already).
// Where that is impossible startParseWorkers() returns null and the caller parses in process;
// a worker that fails later makes the caller parse that job in process.

export type ParsedJob = Omit<IncomingMessage, "raw" | "source">;
type Request = { id: number; raws: Uint8Array[] };
type Response = { id: number; results: ParsedJob[]; ms: number } | { id: number; error: string };

export type ParsePool = {
  /** Parse a chunk of raw messages; resolves with one result per message, in order. */
  parse(raws: Buffer[]): Promise<{ results: ParsedJob[]; ms: number }>;
  close(): Promise<void>;
};

/**
 * Worker source: Node 20 workers do not inherit tsx's loader, so a compiled .js file is
 * required as is and this .ts file is required after registering tsx's CommonJS hook.
 */
function workerSource(): string | null {
  if (__filename.endsWith(".js")) return `require(${JSON.stringify(__filename)});`;
  try {
    const api = require.resolve("tsx/cjs/api");
    return `require(${JSON.stringify(api)}).register(); require(${JSON.stringify(__filename)});`;
  } catch {
    return null;
  }
}

/** Start `count` parse workers, or return null when workers cannot run this file here. */
export function startParseWorkers(count: number): ParsePool | null {
  const source = count < 1 ? null : workerSource();
  if (!source) return null;
  const workers: Worker[] = [];
  const pending = new Map<number, { resolve: (r: { results: ParsedJob[]; ms: number }) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let broken: Error | null = null;
  const fail = (err: Error) => {
    broken = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  for (let i = 0; i < count; i++) {
    // A bounded old generation caps a runaway worker (a 4 MiB body parses well within it); the young
    // generation keeps V8's default: capping it at 16 MB made parsing measurably slower.
    const w = new Worker(source, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    w.on("message", (msg: Response) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if ("error" in msg) p.reject(new Error(msg.error));
      else p.resolve({ results: msg.results, ms: msg.ms });
    });
    w.on("error", fail);
    w.on("exit", (code) => {
      if (code !== 0 && pending.size) fail(new Error(`parse worker exited with code ${code}`));
    });
    workers.push(w);
  }
  let turn = 0;
  return {
    parse(raws) {
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      // Copy each message into its own ArrayBuffer (a Buffer from the splitter is a view of a
      // larger chunk, and posting a view would clone the whole chunk), then move it over.
      const copies = raws.map((r) => new Uint8Array(r));
      const w = workers[turn++ % workers.length];
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, raws: copies } satisfies Request, copies.map((c) => c.buffer as ArrayBuffer));
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  // Required here, in the worker only (ingest.ts imports this module on the main thread).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { toIncoming } = require("./ingest") as typeof import("./ingest");
  // One job at a time: simpleParser yields to the event loop, and interleaved jobs would both
  // blur the per-job time and hold more mail in memory at once.
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (req: Request) => {
    queue = queue.then(() => parseJob(req));
  });
  async function parseJob(req: Request): Promise<void> {
    try {
      const t0 = performance.now();
      const results: ParsedJob[] = [];
      for (const bytes of req.raws) {
        const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const { raw: _raw, source: _source, ...rest } = await toIncoming(raw, "");
        results.push(rest);
      }
      port.postMessage({ id: req.id, results, ms: performance.now() - t0 } satisfies Response);
    } catch (err) {
      port.postMessage({ id: req.id, error: (err as Error).message } satisfies Response);
    }
  }
}
