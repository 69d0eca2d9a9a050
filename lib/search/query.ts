// The search query language, parsed into an AST. PURE: no SQL, no database.
//
// lore's prefixes (public-inbox `lib/PublicInbox/Search.pm`, see shared/design/review-rules.md §2.4):
//   s: subject   f: from (name and address)   b: body (quoted and not)   nq: non-quoted   q: quoted
//   dfn: diff file name   dfa: removed lines   dfb: added lines   dfhh: hunk header   d: date range
//   m: Message-ID
// ours:
//   a: arch (PatchArch)   p: patch number (or range 68..71)   t: trailer kind written in the message
//   is:acked | is:owed | is:applied | is:patch | is:reply | is:cover
// Bare words, "phrases", prefix* matching, AND (implicit), OR, NOT / leading `-`, parentheses.
// Operators are upper-case only, as in Xapian/lore: "or" is a word.
//
// A malformed query yields { ok: false, error } with a sentence a person can act on; the parser never
// throws. Nothing here is ever pasted into SQL: lib/search/plan.ts turns the AST into an FTS5 expression
// in which every user term is a quoted FTS5 string, and lib/db/search.ts binds every other value.

import { parseDateRange } from "./dates";

/** FTS5 columns of the search index (the order of prisma/migrations/20261126000100_search). */
export const FTS_COLUMNS = [
  "subject",
  "from_name",
  "from_email",
  "mid",
  "nq",
  "q",
  "dfn",
  "dfa",
  "dfb",
  "dfhh",
  "tk",
] as const;
export type FtsColumn = (typeof FTS_COLUMNS)[number];

/** Columns a bare word searches: lore's default set (msgid, subject, from, quoted, file name, unquoted body). */
export const DEFAULT_COLUMNS: readonly FtsColumn[] = ["subject", "from_name", "from_email", "mid", "nq", "q", "dfn"];

/** Text prefixes and the index columns they search. The ONLY way a column name reaches FTS5. */
export const TEXT_PREFIXES: Record<string, readonly FtsColumn[]> = {
  s: ["subject"],
  f: ["from_name", "from_email"],
  b: ["nq", "q"],
  nq: ["nq"],
  q: ["q"],
  dfn: ["dfn"],
  dfa: ["dfa"],
  dfb: ["dfb"],
  dfhh: ["dfhh"],
};

export const IS_VALUES = ["acked", "owed", "applied", "patch", "reply", "cover"] as const;
export type IsValue = (typeof IS_VALUES)[number];

export type TextNode = {
  type: "text";
  /** Index columns to search (already whitelisted). */
  columns: readonly FtsColumn[];
  value: string;
  /** Written in double quotes by the user (informational: every term is sent to FTS5 quoted). */
  quoted: boolean;
  /** Trailing `*`: prefix match on the last word. */
  prefix: boolean;
};

export type QueryNode =
  | TextNode
  | { type: "and"; children: QueryNode[] }
  | { type: "or"; children: QueryNode[] }
  | { type: "not"; child: QueryNode }
  /** Trailer kind, normalised ("reviewed-by"); searched in the `tk` column. */
  | { type: "trailer"; kind: string }
  /** [from, to) as ISO-8601 UTC strings; either end may be open. */
  | { type: "date"; from: string | null; to: string | null }
  | { type: "messageId"; value: string }
  | { type: "arch"; value: string }
  | { type: "patchNumber"; from: number; to: number }
  | { type: "is"; value: IsValue };

export type ParseResult =
  | { ok: true; ast: QueryNode; warnings: string[] }
  | { ok: false; error: string; warnings: string[] };

export type ParseOptions = { now?: Date };

/** Bounds: a query a person types is far below these; a pasted mail body is not. */
export const MAX_QUERY_LENGTH = 2000;
export const MAX_TERMS = 64;
export const MAX_DEPTH = 16;

// ---------------------------------------------------------------------------------------------
// Lexer

type Token =
  | { kind: "lparen"; pos: number }
  | { kind: "rparen"; pos: number }
  | { kind: "op"; op: "AND" | "OR" | "NOT"; pos: number }
  | { kind: "minus"; pos: number }
  /** A term: optional `prefix:`, then a bare or quoted value. `raw` is the text as typed. */
  | { kind: "term"; field: string | null; value: string; quoted: boolean; star: boolean; raw: string; pos: number };

class QueryError extends Error {}

const PREFIX_RE = /^([A-Za-z][A-Za-z0-9]*):/;
const OTHER_PREFIXES = ["d", "m", "a", "p", "t", "is"];
function isKnownPrefix(name: string): boolean {
  const k = name.toLowerCase();
  return k in TEXT_PREFIXES || OTHER_PREFIXES.includes(k);
}

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;
  const isSpace = (c: string) => /\s/.test(c);

  while (i < n) {
    const c = input[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === "(") {
      tokens.push({ kind: "lparen", pos: i++ });
      continue;
    }
    if (c === ")") {
      tokens.push({ kind: "rparen", pos: i++ });
      continue;
    }
    // A leading `-` negates what follows it directly (`-foo`, `-"a b"`, `-(x OR y)`, `-s:foo`).
    if (c === "-" && i + 1 < n && !isSpace(input[i + 1]) && input[i + 1] !== "-" && input[i + 1] !== ")") {
      tokens.push({ kind: "minus", pos: i++ });
      continue;
    }
    const start = i;
    let field: string | null = null;
    const m = PREFIX_RE.exec(input.slice(i, i + 40));
    if (m && i + m[0].length < n && !isSpace(input[i + m[0].length])) {
      field = m[1];
      i += m[0].length;
    } else if (m && isKnownPrefix(m[1])) {
      throw new QueryError(`${m[1]}: at character ${i + 1} needs a value right after the colon, e.g. ${m[1]}:kvm.`);
    }
    let value = "";
    let quoted = false;
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) {
        throw new QueryError(
          `The quote opened at character ${i + 1} is never closed. Add a closing " or remove the opening one.`,
        );
      }
      value = input.slice(i + 1, close);
      quoted = true;
      i = close + 1;
    } else {
      while (i < n && !isSpace(input[i]) && input[i] !== "(" && input[i] !== ")" && input[i] !== '"') i++;
      value = input.slice(field ? start + field.length + 1 : start, i);
    }
    let star = false;
    if (quoted && input[i] === "*") {
      star = true;
      i++;
    } else if (!quoted && value.endsWith("*")) {
      star = true;
      value = value.replace(/\*+$/, "");
    }
    const raw = input.slice(start, i);
    if (!field && !quoted && !star && (value === "AND" || value === "OR" || value === "NOT")) {
      tokens.push({ kind: "op", op: value, pos: start });
      continue;
    }
    if (!quoted && value === "" && !field) {
      if (star) throw new QueryError(`A "*" must follow a word: write kvm* to find kvm, kvm_mmu, ...`);
      continue;
    }
    tokens.push({ kind: "term", field, value, quoted, star, raw, pos: start });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser: or := and (OR and)* ; and := unary (AND? unary)* ; unary := (NOT | -) unary | primary ;
// primary := ( or ) | term

/** Does this text contain anything FTS5's unicode61 tokenizer would keep? */
function hasSearchableText(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}

const TRAILER_SHORTHANDS: Record<string, string> = {
  acked: "acked-by",
  ack: "acked-by",
  reviewed: "reviewed-by",
  tested: "tested-by",
  reported: "reported-by",
  suggested: "suggested-by",
  signed: "signed-off-by",
  "signed-off": "signed-off-by",
  cc: "cc",
};

/** "Reviewed-By" -> "reviewed-by"; the index stores kinds squashed to letters and digits (see fields.ts). */
export function normalizeTrailerKind(kind: string): string {
  const k = kind.trim().toLowerCase().replace(/:$/, "");
  return TRAILER_SHORTHANDS[k] ?? k;
}

class Parser {
  private pos = 0;
  terms = 0;
  warnings: string[] = [];
  constructor(
    private tokens: Token[],
    private now: Date,
  ) {}

  parse(): QueryNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.parseOr(0);
    const t = this.tokens[this.pos];
    if (t) {
      if (t.kind === "rparen") {
        throw new QueryError(`The ")" at character ${t.pos + 1} has no matching "(". Remove it or add a "(" before it.`);
      }
      throw new QueryError(`Unexpected text at character ${t.pos + 1}.`);
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private parseOr(depth: number): QueryNode | null {
    const first = this.parseAnd(depth);
    const children = first ? [first] : [];
    while (this.peek()?.kind === "op" && (this.peek() as { op: string }).op === "OR") {
      const orTok = this.tokens[this.pos++];
      const next = this.parseAnd(depth);
      if (children.length === 0 || !next) {
        throw new QueryError(
          `OR at character ${orTok.pos + 1} needs something to search for on both sides, e.g. kvm OR mmu.`,
        );
      }
      children.push(next);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0] : { type: "or", children };
  }

  private parseAnd(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === "rparen") break;
      if (t.kind === "op" && t.op === "OR") break;
      if (t.kind === "op" && t.op === "AND") {
        this.pos++;
        const nt = this.peek();
        if (children.length === 0 || !nt || nt.kind === "rparen" || (nt.kind === "op" && nt.op !== "NOT")) {
          throw new QueryError(`AND at character ${t.pos + 1} needs something to search for on both sides.`);
        }
        continue;
      }
      const node = this.parseUnary(depth);
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    return children.length === 1 ? children[0] : { type: "and", children };
  }

  private parseUnary(depth: number): QueryNode | null {
    const t = this.peek()!;
    if ((t.kind === "op" && t.op === "NOT") || t.kind === "minus") {
      this.pos++;
      const nt = this.peek();
      if (!nt || nt.kind === "rparen" || (nt.kind === "op" && nt.op !== "NOT")) {
        const what = t.kind === "minus" ? '"-"' : "NOT";
        throw new QueryError(`${what} at character ${t.pos + 1} must be followed by what to exclude, e.g. NOT arm64.`);
      }
      const child = this.parseUnary(depth);
      if (!child) return null;
      return child.type === "not" ? child.child : { type: "not", child };
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): QueryNode | null {
    const t = this.tokens[this.pos++];
    if (t.kind === "lparen") {
      if (depth + 1 > MAX_DEPTH) {
        throw new QueryError(`Parentheses are nested more than ${MAX_DEPTH} deep; simplify the query.`);
      }
      const inner = this.parseOr(depth + 1);
      const close = this.tokens[this.pos];
      if (!close || close.kind !== "rparen") {
        throw new QueryError(`The "(" at character ${t.pos + 1} is never closed. Add a ")" or remove the "(".`);
      }
      this.pos++;
      if (!inner) throw new QueryError(`The parentheses at character ${t.pos + 1} are empty.`);
      return inner;
    }
    if (t.kind !== "term") {
      // rparen / op are handled by the callers; anything else is a bug in the grammar, reported politely.
      throw new QueryError(`Unexpected "${t.kind === "rparen" ? ")" : "operator"}" at character ${t.pos + 1}.`);
    }
    if (++this.terms > MAX_TERMS) {
      throw new QueryError(`The query has more than ${MAX_TERMS} search terms; use fewer words or filters.`);
    }
    return this.termNode(t);
  }

  private termNode(t: Extract<Token, { kind: "term" }>): QueryNode | null {
    const field = t.field?.toLowerCase() ?? null;
    const text = (columns: readonly FtsColumn[], value: string): QueryNode | null => {
      if (!hasSearchableText(value)) {
        this.warnings.push(`Ignored ${JSON.stringify(t.raw)}: it has no letters or digits to search for.`);
        return null;
      }
      return { type: "text", columns, value, quoted: t.quoted, prefix: t.star };
    };

    if (field === null) return text(DEFAULT_COLUMNS, t.value);

    const cols = TEXT_PREFIXES[field];
    if (cols) {
      if (t.value.trim() === "") throw new QueryError(`${field}: needs a value, e.g. ${field}:kvm.`);
      return text(cols, t.value);
    }
    const v = t.value.trim();
    const need = (example: string) => {
      if (v === "") throw new QueryError(`${field}: needs a value, e.g. ${example}.`);
    };
    switch (field) {
      case "d": {
        need("d:2024-08-01..2024-08-31");
        const r = parseDateRange(v, this.now);
        if (!r.ok) throw new QueryError(r.error);
        return { type: "date", from: r.from, to: r.to };
      }
      case "m": {
        need("m:ZrFezgVbCI3DRQH3@google.com");
        const id = v.replace(/^<|>$/g, "");
        if (!id) throw new QueryError(`m: needs a Message-ID, e.g. m:ZrFezgVbCI3DRQH3@google.com.`);
        return { type: "messageId", value: id };
      }
      case "a": {
        need("a:loongarch");
        if (!/^[a-z0-9_-]{1,32}$/i.test(v)) {
          throw new QueryError(`a: takes an architecture name as the kernel spells it (arm64, loongarch, mips, ...).`);
        }
        return { type: "arch", value: v.toLowerCase() };
      }
      case "p": {
        need("p:68 or p:68..71");
        const m = /^(\d{1,5})(?:(?:\.\.|-)(\d{1,5}))?$/.exec(v);
        if (!m) throw new QueryError(`p: takes a patch number or a range, e.g. p:68 or p:68..71.`);
        const from = Number(m[1]);
        const to = m[2] === undefined ? from : Number(m[2]);
        if (to < from) throw new QueryError(`p:${v} is an empty range; write the smaller number first.`);
        return { type: "patchNumber", from, to };
      }
      case "t": {
        need("t:reviewed-by");
        const kind = normalizeTrailerKind(v);
        if (!/^[a-z][a-z0-9-]{0,40}$/.test(kind)) {
          throw new QueryError(`t: takes a trailer name, e.g. t:reviewed-by, t:acked-by, t:tested-by, t:fixes.`);
        }
        return { type: "trailer", kind };
      }
      case "is": {
        const val = v.toLowerCase();
        if (!(IS_VALUES as readonly string[]).includes(val)) {
          throw new QueryError(`is:${v} is not known; use one of ${IS_VALUES.map((x) => "is:" + x).join(", ")}.`);
        }
        return { type: "is", value: val as IsValue };
      }
      default: {
        // `subject:foo`, `{col}:x`, `Link:` ... are not ours: search them as plain text (quoted, so FTS5 never
        // sees a column filter it did not get from TEXT_PREFIXES) and say so.
        const hint = field === "subject" ? " (did you mean s:?)" : field === "from" ? " (did you mean f:?)" : "";
        this.warnings.push(`"${t.field}:" is not a search prefix${hint}; searched for it as text.`);
        return text(DEFAULT_COLUMNS, t.raw.replace(/\*$/, ""));
      }
    }
  }
}

/** Parse a search query. Never throws. */
export function parseQuery(input: string, opts: ParseOptions = {}): ParseResult {
  const warnings: string[] = [];
  if (typeof input !== "string") return { ok: false, error: "The query must be text.", warnings };
  if (input.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      error: `The query is ${input.length} characters long; the limit is ${MAX_QUERY_LENGTH}. Shorten it.`,
      warnings,
    };
  }
  // Control characters cannot be typed into a search box; they are also our snippet markers.
  const clean = input.replace(/[\u0000-\u001f\u007f]/g, " ");
  if (clean.trim() === "") return { ok: false, error: "Type something to search for.", warnings };
  try {
    const parser = new Parser(lex(clean), opts.now ?? new Date());
    const ast = parser.parse();
    warnings.push(...parser.warnings);
    if (!ast) return { ok: false, error: "The query has nothing to search for.", warnings };
    return { ok: true, ast, warnings };
  } catch (e) {
    if (e instanceof QueryError) return { ok: false, error: e.message, warnings };
    return { ok: false, error: "The query could not be read.", warnings };
  }
}
