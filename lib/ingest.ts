import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { classifyMessage } from "./mail/classify";
import { looksLikeMessage, MboxSplitter } from "./mail/mbox";
import { parseMessage, synthesizeMessageId } from "./mail/parse-message";
import { rebuildDerived } from "./db/derive";
import { getMaintainerSections } from "./db/maintainers";
import { matchSectionsForPath, type Section } from "./review/maintainers";
import type { Db } from "./db/sqlite";
import { saveMessages, type IncomingMessage } from "./db/store";
import { startParseWorkers, type ParsePool, type ParsedJob } from "./ingest-worker";

// Glue: files -> raw messages -> parsed -> stored -> derived. Every message read lands in
// exactly one bucket: new, already present, or failed (stored raw with its reason).

export type IngestFailure = { source: string; messageId: string; reason: string };
export type IngestSummary = {
  files: number;
  read: number;
  new: number;
  duplicate: number;
  failed: IngestFailure[];
  /** Paths that could not be read at all, or are not mail. Nothing from them was stored. */
  errors: { path: string; reason: string }[];
  skipped: string[];
  derived: { series: number; patches: number; trailers: number } | null;
  seconds: number;
  /** Where the time went, in milliseconds (for scripts/bench.ts). */
  timings: IngestTimings;
  /** Worker threads that parsed (0: in process), and messages parsed in process after a worker failed. */
  parallel: { workers: number; fallbackMessages: number };
};

/**
 * split: reading, gunzip and mbox splitting; parse: MIME parsing and diff reading (summed over
 * workers when parsing runs in parallel); classify: kind of message; store: Message/Person rows;
 * index: the onStored hook (search index); derive: rebuildDerived. wait: main thread idle
 * waiting for parse workers; warm: MAINTAINERS path matching done in that wait (ahead of derive).
 */
export type IngestTimings = { split: number; parse: number; classify: number; store: number; index: number; derive: number; wait: number; warm: number };

export type IngestProgress = { file: string; read: number; new: number; duplicate: number; failed: number };

export type IngestOptions = {
  db: Db;
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Called with the newly stored rows of each batch (the search index hooks in here). */
  onStored?: (db: Db, rows: { id: number; message: IncomingMessage }[]) => void;
  /**
   * Parse workers (worker_threads), used only where workers can load TypeScript (under tsx).
   * Default 0: parse in process (see maybeStartPool). Output is identical either way.
   */
  workers?: number;
};

/** Messages per worker job: big enough to amortise postMessage, small enough to keep both sides busy. */
const JOB_SIZE = 32;
/** Jobs in flight per worker before the reader waits (bounds memory: ~JOB_SIZE x this x workers raw mails). */
const JOBS_AHEAD_PER_WORKER = 4;

const MAIL_EXTENSIONS = /\.(mbox|mboxrd|mbx|eml|mail|msg)(\.gz)?$|\.gz$/i;
const GZIP_MAGIC = [0x1f, 0x8b];

/** Expand folders (recursively) into the mail files inside them, sorted for a stable order. */
export async function expandPaths(paths: string[], errors: IngestSummary["errors"], skipped: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await fs.stat(p);
    } catch (err) {
      errors.push({ path: p, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      continue;
    }
    if (st.isDirectory()) {
      const entries = (await fs.readdir(p)).sort();
      const files: string[] = [];
      for (const e of entries) {
        const full = path.join(p, e);
        const est = await fs.stat(full).catch(() => null);
        if (est?.isDirectory()) files.push(full);
        else if (MAIL_EXTENSIONS.test(e)) files.push(full);
        else skipped.push(full);
      }
      out.push(...(await expandPaths(files, errors, skipped)));
    } else out.push(p);
  }
  return out;
}

async function* readRawMessages(file: string): AsyncGenerator<Buffer> {
  const handle = await fs.open(file, "r");
  const head = Buffer.alloc(4096);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  await handle.close();
  const isGz = bytesRead >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  let stream: NodeJS.ReadableStream = createReadStream(file, { highWaterMark: 1 << 20 });
  // 1 MiB out of gunzip instead of its 16 KiB default: far fewer splitter pushes (gunzip+split of the bulk archive 1.2 s -> 0.55 s).
  if (isGz) stream = stream.pipe(createGunzip({ chunkSize: 1 << 20 }));
  const splitter = new MboxSplitter();
  let first = true;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      const probe = chunk.subarray(0, 4096);
      if (!probe.subarray(0, 5).equals(Buffer.from("From ")) && !looksLikeMessage(probe)) {
        throw new Error("not mail: no mbox \"From \" line and no RFC-822 headers at the start");
      }
    }
    for (const m of splitter.push(chunk)) yield m;
  }
  if (first) throw new Error("empty file");
  for (const m of splitter.end()) yield m;
}

export async function toIncoming(raw: Buffer, source: string, timings?: IngestTimings): Promise<IncomingMessage> {
  if (!looksLikeMessage(raw)) {
    return { source, raw, messageId: synthesizeMessageId(raw), kind: "unparsed", parsed: null, error: "no RFC-822 headers", subject: "" };
  }
  const t0 = timings ? performance.now() : 0;
  const r = await parseMessage(raw);
  const t1 = timings ? performance.now() : 0;
  if (timings) timings.parse += t1 - t0;
  if (!r.ok) return { source, raw, messageId: r.messageId, kind: "unparsed", parsed: null, error: r.error, subject: r.subject };
  const p = r.message;
  const kind = classifyMessage({
    subjectInfo: p.subjectInfo,
    hasDiff: p.hasDiff,
    hasDiffstat: p.hasDiffstat,
    hasReferences: p.references.length > 0 || p.inReplyTo !== null,
    body: p.body,
  });
  if (timings) timings.classify += performance.now() - t1;
  return { source, raw, messageId: p.messageId, kind, parsed: p, error: null, subject: p.subject };
}

/**
 * MAINTAINERS matching of the patch files seen so far, done while the main thread would otherwise
 * sit waiting for a parse worker. matchSectionsForPath caches per path (on the Section[] that
 * rebuildDerived gets from getMaintainerSections), so derive, which runs alone at the end, finds
 * most paths matched already. Pure cache warming: derive's results do not depend on it.
 */
class PathWarmer {
  private queue: string[] = [];
  private seen = new Set<string>();
  constructor(private readonly sections: readonly Section[]) {}

  add(m: IncomingMessage | ParsedJob): void {
    if (m.kind !== "patch" || !m.parsed?.diff) return;
    for (const f of m.parsed.diff.files) {
      if (this.seen.has(f.path)) continue;
      this.seen.add(f.path);
      this.queue.push(f.path);
    }
  }

  /** Match queued paths until `done()` turns true or the queue is empty, yielding between slices. Returns ms spent matching. */
  async whileWaiting(done: () => boolean): Promise<number> {
    let spent = 0;
    while (!done() && this.queue.length) {
      const t0 = performance.now();
      const until = t0 + 2;
      while (this.queue.length && performance.now() < until) matchSectionsForPath(this.sections, this.queue.pop()!);
      spent += performance.now() - t0;
      await new Promise<void>((r) => setImmediate(r));
    }
    return spent;
  }
}

async function maybeStartPool(workers: number | undefined): Promise<(ParsePool & { size: number }) | null> {
  // Default: parse in process. With the fast path (lib/mail/fast-parse.ts) taking ~97% of list mail,
  // parsing the bulk archive is ~2 s of CPU, and a worker cost more than it saved: on 2 cores,
  // in process measured the same or better wall time (880-1,370 vs 860-1,180 messages/s over
  // alternating runs), ~1.2 s less CPU (structured clone of every result) and ~90 MB less peak RSS.
  // Pass workers >= 1 for mail that mostly needs mailparser (multipart, base64) on more cores.
  const count = workers ?? 0;
  if (count < 1) return null;
  const pool = startParseWorkers(count);
  return pool ? Object.assign(pool, { size: count }) : null;
}

export async function ingestPaths(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 500;
  const timings: IngestTimings = { split: 0, parse: 0, classify: 0, store: 0, index: 0, derive: 0, wait: 0, warm: 0 };
  const summary: IngestSummary = { files: 0, read: 0, new: 0, duplicate: 0, failed: [], errors: [], skipped: [], derived: null, seconds: 0, timings, parallel: { workers: 0, fallbackMessages: 0 } };
  const files = await expandPaths(paths, summary.errors, summary.skipped);
  const pool = await maybeStartPool(opts.workers);
  const workerCount = pool ? pool.size : 0;
  summary.parallel.workers = workerCount;
  let warnedFallback = false;
  // Only with workers: in-process parsing has no idle time to fill.
  const warmer = pool ? new PathWarmer(getMaintainerSections(opts.db).sections) : null;
  try {
  for (const file of files) {
    let batch: IncomingMessage[] = [];
    const flush = () => {
      if (!batch.length) return;
      const ts = performance.now();
      const res = saveMessages(opts.db, batch);
      const ti = performance.now();
      timings.store += ti - ts;
      summary.new += res.inserted.length;
      summary.duplicate += res.duplicates.length;
      for (const { message } of res.inserted) {
        if (message.error) summary.failed.push({ source: message.source, messageId: message.messageId, reason: message.error });
      }
      opts.onStored?.(opts.db, res.inserted);
      timings.index += performance.now() - ti;
      batch = [];
      opts.onProgress?.({ file, read: summary.read, new: summary.new, duplicate: summary.duplicate, failed: summary.failed.length });
    };
    let index = 0;
    // Parallel parsing: jobs of JOB_SIZE raw mails go to the workers; results are taken back
    // strictly in submission order, so rows are written in input order.
    type Job = { first: number; raws: Buffer[]; result: Promise<{ results: ParsedJob[]; ms: number }> };
    const inflight: Job[] = [];
    let pendingRaws: Buffer[] = [];
    let pendingFirst = 1;
    const submit = () => {
      if (!pendingRaws.length || !pool) return;
      const result = pool.parse(pendingRaws);
      result.catch(() => {}); // handled when the job is taken back
      inflight.push({ first: pendingFirst, raws: pendingRaws, result });
      pendingRaws = [];
      pendingFirst = index + 1;
    };
    const takeOne = async () => {
      const job = inflight.shift()!;
      const tw = performance.now();
      let parsed: ParsedJob[] | null = null;
      try {
        if (warmer) {
          let settled = false;
          const mark = () => (settled = true);
          job.result.then(mark, mark);
          const spent = await warmer.whileWaiting(() => settled);
          timings.warm += spent;
          timings.wait -= spent;
        }
        const r = await job.result;
        parsed = r.results;
        timings.parse += r.ms;
      } catch (err) {
        parsed = null; // a broken worker: parse this job here instead (same result, slower)
        if (!warnedFallback) process.emitWarning(`ingest: parse worker failed (${(err as Error).message}); parsing in process`);
        warnedFallback = true;
        summary.parallel.fallbackMessages += job.raws.length;
      }
      timings.wait += performance.now() - tw;
      for (let i = 0; i < job.raws.length; i++) {
        const source = `${file}#${job.first + i}`;
        const m = parsed ? { source, raw: job.raws[i], ...parsed[i] } : await toIncoming(job.raws[i], source, timings);
        warmer?.add(m);
        batch.push(m);
        if (batch.length >= batchSize) flush();
      }
    };
    const drain = async () => {
      submit();
      while (inflight.length) await takeOne();
    };
    try {
      const reader = readRawMessages(file);
      for (;;) {
        const tr = performance.now();
        const next = await reader.next();
        timings.split += performance.now() - tr;
        if (next.done) break;
        index++;
        summary.read++;
        if (pool) {
          pendingRaws.push(next.value);
          if (pendingRaws.length >= JOB_SIZE) submit();
          while (inflight.length > workerCount * JOBS_AHEAD_PER_WORKER) await takeOne();
          continue;
        }
        batch.push(await toIncoming(next.value, `${file}#${index}`, timings));
        if (batch.length >= batchSize) flush();
      }
      await drain();
      flush();
      summary.files++;
    } catch (err) {
      await drain();
      flush();
      const e = err as NodeJS.ErrnoException;
      summary.errors.push({ path: file, reason: e.code ? `cannot read: ${e.code}` : e.message });
    }
  }
  } finally {
    await pool?.close();
  }
  const td = performance.now();
  if (summary.new > 0) summary.derived = rebuildDerived(opts.db);
  timings.derive = performance.now() - td;
  summary.seconds = (performance.now() - t0) / 1000;
  return summary;
}
