// Splitting mbox files into raw messages, on Buffers so 8-bit bodies stay intact.
// Reads mboxrd (lore's t.mbox.gz) and mboxo alike: any line that starts with "From "
// separates messages, and one ">" is taken off lines matching /^>+From / (the mboxrd
// rule; for mboxo it restores the "From " that the writer escaped).

const NL = 0x0a;
const FROM_ = Buffer.from("From ");

/** True when the buffer starts like an mbox (a "From " separator line), not a bare RFC-822 message. */
export function isMboxStart(buf: Buffer): boolean {
  return buf.subarray(0, 5).equals(FROM_);
}

/** Undo mboxrd/mboxo escaping: ">From " -> "From ", ">>From " -> ">From ". Latin-1 maps bytes 1:1. */
export function unescapeFromLines(msg: Buffer): Buffer {
  if (msg.indexOf(">From ") < 0) return msg;
  const text = msg.toString("latin1").replace(/^>(>*From )/gm, "$1");
  return Buffer.from(text, "latin1");
}

function stripSeparatorLine(msg: Buffer): Buffer {
  if (!isMboxStart(msg)) return msg;
  const eol = msg.indexOf(NL);
  return eol < 0 ? Buffer.alloc(0) : msg.subarray(eol + 1);
}

function hasNonSpace(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i] > 0x20) return true;
  return false;
}

function finish(msg: Buffer): Buffer | null {
  let body = unescapeFromLines(stripSeparatorLine(msg));
  // An mbox ends every message with a blank line; that line belongs to the format, not the mail.
  const n = body.length;
  if (n >= 2 && body[n - 1] === NL && body[n - 2] === NL) body = body.subarray(0, n - 1);
  else if (n >= 4 && body.subarray(n - 4).toString("latin1") === "\r\n\r\n") body = body.subarray(0, n - 2);
  return hasNonSpace(body) ? body : null;
}

/**
 * Incremental splitter: feed chunks of any size, get whole messages back. Lets the
 * ingester stream a 150 MB archive without holding it in memory.
 */
export class MboxSplitter {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;
  private bare = false;

  /** Feed a chunk; returns the messages completed by it. */
  push(chunk: Buffer): Buffer[] {
    // Only the bytes that could not hold a whole "\nFrom " before are searched again: without
    // this, a big message arriving in many small chunks was rescanned from its start each time.
    const scanned = this.pending.length;
    this.pending = scanned ? Buffer.concat([this.pending, chunk]) : chunk;
    if (!this.started) {
      if (this.pending.length < 5) return [];
      this.started = true;
      this.bare = !isMboxStart(this.pending);
    }
    if (this.bare) return [];
    const out: Buffer[] = [];
    let searchFrom = Math.max(1, scanned - 5);
    for (;;) {
      const idx = this.pending.indexOf("\nFrom ", searchFrom);
      if (idx < 0) break;
      const msg = finish(this.pending.subarray(0, idx + 1));
      if (msg) out.push(msg);
      this.pending = this.pending.subarray(idx + 1);
      searchFrom = 1;
    }
    // Keep memory flat: copy the tail so the big chunk it came from can be freed.
    if (out.length) this.pending = Buffer.from(this.pending);
    return out;
  }

  /** Flush what is left at end of input. */
  end(): Buffer[] {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    if (rest.length === 0) return [];
    if (this.bare || !this.started) return hasNonSpace(rest) ? [rest] : [];
    const msg = finish(rest);
    return msg ? [msg] : [];
  }
}

/** Whole-buffer convenience over MboxSplitter: an mbox gives its messages, a bare RFC-822 file gives one. */
export function splitMbox(buf: Buffer): Buffer[] {
  const s = new MboxSplitter();
  return [...s.push(buf), ...s.end()];
}

/** Cheap check that a buffer starts with an RFC-822 header line ("Name: value"). */
export function looksLikeMessage(buf: Buffer): boolean {
  const head = buf.subarray(0, 4096).toString("latin1");
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  return /^[\x21-\x39\x3b-\x7e]+:/.test(firstLine) && /^(from|subject|message-id|date|received|return-path|to|mime-version|x-[\w-]+|delivered-to|arc-[\w-]+|dkim-signature|in-reply-to|references|content-type):/im.test(head);
}
