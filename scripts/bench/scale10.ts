import { createReadStream, createWriteStream } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

// Copies of an mbox archive under rewritten Message-IDs, for the 10x search benchmark
// (`npm run bench -- --scale10`). Streaming: one line at a time, never the whole file.
// Inside a message's header block, every <id> in Message-ID, In-Reply-To and References
// (continuation lines included) gets the suffix ".c<copy>", so each copy threads within
// itself and no copy is a duplicate of another.

const ID_HEADER = /^(message-id|in-reply-to|references):/i;
const ANGLE = /<([^<>\s]+)>/g;

export class RewriteIds extends Transform {
  private tail = "";
  private inHeaders = false;
  private inIdHeader = false;
  constructor(private readonly suffix: string) {
    super();
  }

  private line(l: string): string {
    if (l.startsWith("From ")) {
      this.inHeaders = true;
      this.inIdHeader = false;
      return l;
    }
    if (!this.inHeaders) return l;
    if (l === "" || l === "\r") {
      this.inHeaders = false;
      this.inIdHeader = false;
      return l;
    }
    if (l[0] === " " || l[0] === "\t") {
      if (!this.inIdHeader) return l;
    } else this.inIdHeader = ID_HEADER.test(l);
    return this.inIdHeader ? l.replace(ANGLE, (_m, id: string) => `<${id}${this.suffix}>`) : l;
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    // latin1 maps bytes 1:1, so 8-bit bodies pass through unchanged.
    const text = this.tail + chunk.toString("latin1");
    const lines = text.split("\n");
    this.tail = lines.pop() ?? "";
    cb(null, Buffer.from(lines.map((l) => this.line(l)).join("\n") + (lines.length ? "\n" : ""), "latin1"));
  }

  _flush(cb: TransformCallback): void {
    cb(null, this.tail ? Buffer.from(this.line(this.tail), "latin1") : undefined);
  }
}

/** Write copy number `copy` of a (gzipped) mbox to `out` as gzip (level 1: fast, still small on disk). */
export async function writeRewrittenCopy(input: string, out: string, copy: number): Promise<void> {
  const src = createReadStream(input, { highWaterMark: 1 << 20 });
  const rewrite = new RewriteIds(`.c${copy}`);
  if (input.endsWith(".gz")) await pipeline(src, createGunzip(), rewrite, createGzip({ level: 1 }), createWriteStream(out));
  else await pipeline(src, rewrite, createGzip({ level: 1 }), createWriteStream(out));
}
