import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_TERMS, parseQuery, type QueryNode } from "./query";
import { planQuery, quoteFts } from "./plan";

const NOW = new Date("2024-08-15T12:00:00Z");
const D = '{subject from_name from_email mid nq q dfn}';

function ast(q: string): QueryNode {
  const r = parseQuery(q, { now: NOW });
  if (!r.ok) throw new Error(`expected ok for ${q}: ${r.error}`);
  return r.ast;
}
function plan(q: string) {
  return planQuery(ast(q));
}
function err(q: string): string {
  const r = parseQuery(q, { now: NOW });
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(q)}, got ${JSON.stringify(r.ast)}`);
  return r.error;
}

describe("parseQuery: terms and prefixes", () => {
  it.each<[string, QueryNode]>([
    ["kvm", { type: "text", columns: ["subject", "from_name", "from_email", "mid", "nq", "q", "dfn"], value: "kvm", quoted: false, prefix: false }],
    ['"false positives"', { type: "text", columns: ["subject", "from_name", "from_email", "mid", "nq", "q", "dfn"], value: "false positives", quoted: true, prefix: false }],
    ["s:loongarch", { type: "text", columns: ["subject"], value: "loongarch", quoted: false, prefix: false }],
    ["f:seanjc", { type: "text", columns: ["from_name", "from_email"], value: "seanjc", quoted: false, prefix: false }],
    ["b:folio", { type: "text", columns: ["nq", "q"], value: "folio", quoted: false, prefix: false }],
    ["nq:folio", { type: "text", columns: ["nq"], value: "folio", quoted: false, prefix: false }],
    ["q:folio", { type: "text", columns: ["q"], value: "folio", quoted: false, prefix: false }],
    ["dfn:arch/mips/kvm/mmu.c", { type: "text", columns: ["dfn"], value: "arch/mips/kvm/mmu.c", quoted: false, prefix: false }],
    ["dfa:kvm_release_pfn_clean", { type: "text", columns: ["dfa"], value: "kvm_release_pfn_clean", quoted: false, prefix: false }],
    ["dfb:kvm_faultin_pfn", { type: "text", columns: ["dfb"], value: "kvm_faultin_pfn", quoted: false, prefix: false }],
    ["dfhh:kvm_mmu_page_fault", { type: "text", columns: ["dfhh"], value: "kvm_mmu_page_fault", quoted: false, prefix: false }],
    ['s:"struct page"', { type: "text", columns: ["subject"], value: "struct page", quoted: true, prefix: false }],
    ["kvm*", { type: "text", columns: ["subject", "from_name", "from_email", "mid", "nq", "q", "dfn"], value: "kvm", quoted: false, prefix: true }],
    ['"struct pa"*', { type: "text", columns: ["subject", "from_name", "from_email", "mid", "nq", "q", "dfn"], value: "struct pa", quoted: true, prefix: true }],
    ["S:Mips", { type: "text", columns: ["subject"], value: "Mips", quoted: false, prefix: false }],
    ["m:ZrFezgVbCI3DRQH3@google.com", { type: "messageId", value: "ZrFezgVbCI3DRQH3@google.com" }],
    ["m:<ZrFezgVbCI3DRQH3@google.com>", { type: "messageId", value: "ZrFezgVbCI3DRQH3@google.com" }],
    ["a:LoongArch", { type: "arch", value: "loongarch" }],
    ["p:68", { type: "patchNumber", from: 68, to: 68 }],
    ["p:68..71", { type: "patchNumber", from: 68, to: 71 }],
    ["p:68-71", { type: "patchNumber", from: 68, to: 71 }],
    ["t:reviewed-by", { type: "trailer", kind: "reviewed-by" }],
    ["t:Acked-by", { type: "trailer", kind: "acked-by" }],
    ["t:reviewed", { type: "trailer", kind: "reviewed-by" }],
    ["is:acked", { type: "is", value: "acked" }],
    ["is:owed", { type: "is", value: "owed" }],
    ["is:applied", { type: "is", value: "applied" }],
    ["is:patch", { type: "is", value: "patch" }],
    ["is:reply", { type: "is", value: "reply" }],
  ])("%s", (q, expected) => expect(ast(q)).toEqual(expected));
});

describe("parseQuery: dates (now = 2024-08-15T12:00Z)", () => {
  it.each<[string, string | null, string | null]>([
    ["d:2024-08-01..2024-08-31", "2024-08-01T00:00:00.000Z", "2024-09-01T00:00:00.000Z"],
    ["d:2024-08-01..", "2024-08-01T00:00:00.000Z", null],
    ["d:..2024-08-01", null, "2024-08-02T00:00:00.000Z"],
    ["d:2024-08-01", "2024-08-01T00:00:00.000Z", "2024-08-02T00:00:00.000Z"],
    ["d:20240801..20240802", "2024-08-01T00:00:00.000Z", "2024-08-03T00:00:00.000Z"],
    ["d:2024-08", "2024-08-01T00:00:00.000Z", "2024-09-01T00:00:00.000Z"],
    ["d:2024", "2024-01-01T00:00:00.000Z", "2025-01-01T00:00:00.000Z"],
    ["d:last.week..", "2024-08-08T12:00:00.000Z", null],
    ["d:last.week", "2024-08-08T12:00:00.000Z", null],
    ["d:2.weeks.ago..last.week", "2024-08-01T12:00:00.000Z", "2024-08-08T12:00:00.000Z"],
    ["d:3.days.ago..", "2024-08-12T12:00:00.000Z", null],
    ["d:last.month..", "2024-07-15T12:00:00.000Z", null],
    ["d:yesterday", "2024-08-14T00:00:00.000Z", "2024-08-15T00:00:00.000Z"],
    ["d:today..", "2024-08-15T00:00:00.000Z", null],
  ])("%s", (q, from, to) => expect(ast(q)).toEqual({ type: "date", from, to }));

  it.each([
    ["d:2024-02-30", /not a calendar date/],
    ["d:next.tuesday", /not a date/],
    ["d:2024-08-31..2024-08-01", /empty range/],
    ["d:..", /needs a date/],
    ["d:2024..2025..2026", /more than one/],
  ])("%s is an error", (q, re) => expect(err(q)).toMatch(re));
});

describe("parseQuery: boolean structure", () => {
  it("implicit AND, explicit AND, OR precedence, NOT and -", () => {
    expect(plan("kvm mmu").match).toBe(`(${D} : "kvm" AND ${D} : "mmu")`);
    expect(plan("kvm AND mmu").match).toBe(`(${D} : "kvm" AND ${D} : "mmu")`);
    expect(plan("a b OR c").match).toBe(`((${D} : "a" AND ${D} : "b") OR ${D} : "c")`);
    expect(plan("a (b OR c)").match).toBe(`(${D} : "a" AND (${D} : "b" OR ${D} : "c"))`);
    expect(plan("kvm -riscv").match).toBe(`(${D} : "kvm" NOT ${D} : "riscv")`);
    expect(plan("kvm NOT riscv NOT s390").match).toBe(`(${D} : "kvm" NOT (${D} : "riscv" OR ${D} : "s390"))`);
    expect(plan("kvm -(riscv OR s390)").match).toBe(`(${D} : "kvm" NOT (${D} : "riscv" OR ${D} : "s390"))`);
    expect(plan("--kvm").match).toBe(`${D} : "--kvm"`);
    expect(ast("NOT NOT kvm")).toMatchObject({ type: "text", value: "kvm" });
    expect(ast("or and")).toMatchObject({ type: "and" }); // lower-case operators are words, as on lore
  });

  it("separates what FTS5 answers from joined filters", () => {
    const p = plan('"false positives" f:seanjc');
    expect(p.match).toBe(`(${D} : "false positives" AND {from_name from_email} : "seanjc")`);
    expect(p.conditions).toEqual([]);

    const q = plan("a:loongarch t:reviewed-by");
    expect(q.match).toBe(`{tk} : "reviewedby"`);
    expect(q.conditions).toEqual([{ type: "arch", value: "loongarch" }]);

    const r = plan("-kvm is:reply");
    expect(r.match).toBeNull();
    expect(r.conditions).toEqual([
      { type: "not", child: { type: "fts", match: `${D} : "kvm"` } },
      { type: "is", value: "reply" },
    ]);

    const s = plan("mips OR a:mips");
    expect(s.match).toBeNull();
    expect(s.conditions).toEqual([
      { type: "or", children: [{ type: "fts", match: `${D} : "mips"` }, { type: "arch", value: "mips" }] },
    ]);
    expect(s.highlight).toBe(`${D} : "mips"`);

    expect(plan("kvm* -foo").highlight).toBe(`${D} : "kvm" *`);
  });
});

describe("parseQuery: hostile input never reaches FTS5 as syntax", () => {
  // Every user term must come out as one quoted FTS5 string; no column filter but our own.
  const allowedFilter = /^\{(subject|from_name|from_email|mid|nq|q|dfn|dfa|dfb|dfhh|tk)( (subject|from_name|from_email|mid|nq|q|dfn|dfa|dfb|dfhh|tk))*\}$/;
  function assertSafe(match: string) {
    // Tokenise the FTS5 expression: strings, parens, operators, column filters, ':' and '*'.
    const re = /"(?:[^"]|"")*"|\(|\)|\bAND\b|\bOR\b|\bNOT\b|\{[^}]*\}|:|\*|\s+/gy;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = re.exec(match))) {
      consumed = re.lastIndex;
      if (m[0].startsWith("{")) expect(m[0]).toMatch(allowedFilter);
    }
    expect(consumed).toBe(match.length);
  }

  it.each([
    ["subject:foo", `${D} : "subject:foo"`],
    ["NEAR(a b)", `(${D} : "NEAR" AND (${D} : "a" AND ${D} : "b"))`],
    ["{col}:x", `${D} : "{col}:x"`],
    ["{subject}:x", `${D} : "{subject}:x"`],
    ["^x", `${D} : "^x"`],
    ['s:"a"" OR {q}:b"', null],
    ['say "hi"" there', null],
    ["a:b:c", null],
    ["nq:-foo", `{nq} : "-foo"`],
    ["foo*bar", `${D} : "foo*bar"`],
    ["x + y", `(${D} : "x" AND ${D} : "y")`],
    ["kvm; DROP TABLE Message; --", null],
    ["Robert'); DROP TABLE \"Message\";--", null],
    ["f:\"x\"\"y\"", null],
  ])("%s", (q, expected) => {
    const r = parseQuery(q, { now: NOW });
    if (!r.ok) {
      expect(r.error).toMatch(/\w/);
      return;
    }
    const p = planQuery(r.ast);
    if (expected !== null) expect(p.match).toBe(expected);
    for (const m of [p.match, p.highlight, ...JSON.stringify(p.conditions).match(/"match":"(?:[^"\\]|\\.)*"/g) ?? []]) {
      if (!m) continue;
      assertSafe(m.startsWith('"match":') ? JSON.parse(m.slice(8)) : m);
    }
  });

  it("quoteFts doubles inner double quotes", () => {
    expect(quoteFts('a"b')).toBe('"a""b"');
    expect(quoteFts('"')).toBe('""""');
  });

  it("unknown prefixes are searched as text, with a warning", () => {
    const r = parseQuery("subject:foo");
    expect(r.ok).toBe(true);
    expect(r.warnings.join()).toMatch(/did you mean s:/);
  });

  it("terms with nothing searchable are dropped with a warning", () => {
    const r = parseQuery('kvm "..." ^', { now: NOW });
    expect(r.ok && r.ast).toMatchObject({ type: "text", value: "kvm" });
    expect(r.warnings).toHaveLength(2);
  });
});

describe("parseQuery: malformed queries get a plain explanation", () => {
  it.each([
    ['"false positives', /quote opened at character 1 is never closed/],
    ['s:"struct page', /never closed/],
    ["(kvm OR mmu", /"\(" at character 1 is never closed/],
    ["kvm)", /"\)" at character 4 has no matching "\("/],
    ["()", /empty/],
    ["kvm OR", /OR at character 5 needs something/],
    ["OR kvm", /OR at character 1 needs something/],
    ["kvm AND", /AND .* needs something/],
    ["AND kvm", /AND .* needs something/],
    ["kvm NOT", /NOT .* must be followed/],
    ["kvm -", null],
    ["is:great", /is:great is not known; use one of is:acked/],
    ["p:x", /patch number/],
    ["p:71..68", /empty range/],
    ["a:../etc", /architecture/],
    ["t:\"reviewed by\"", /trailer name/],
    ["s:", /needs a value/],
    ["s: kvm", /needs a value right after the colon/],
    ["d:", /needs a value/],
    ["", /Type something/],
    ["   ", /Type something/],
    ["...", /nothing to search/],
    ["*", /must follow a word/],
  ])("%j", (q, re) => {
    if (re === null) {
      // "-" alone is a word with nothing searchable: dropped, the rest is searched.
      expect(parseQuery(q).ok).toBe(true);
      return;
    }
    expect(err(q)).toMatch(re);
  });

  it("bounds length, term count and nesting, with a clear error", () => {
    expect(err("x".repeat(MAX_QUERY_LENGTH + 1))).toMatch(/2001 characters long; the limit is 2000/);
    expect(err(Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`).join(" "))).toMatch(/more than 64 search terms/);
    expect(err("(".repeat(40) + "x" + ")".repeat(40))).toMatch(/nested more than 16/);
    expect(err("-".repeat(1500) + "(x")).toMatch(/never closed/);
  });

  it("accepts the limits themselves", () => {
    expect(parseQuery(Array.from({ length: MAX_TERMS }, (_, i) => `w${i}`).join(" ")).ok).toBe(true);
    expect(parseQuery("k".repeat(MAX_QUERY_LENGTH)).ok).toBe(true);
  });

  it("never throws on random input", () => {
    const alphabet = ['"', "(", ")", "-", "*", ":", " ", "a", "s", "OR ", "NOT ", "AND ", "{", "}", "^", "d:", "..", "\u0001", "é"];
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const q = Array.from({ length: 1 + Math.floor(rnd() * 20) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
      const r = parseQuery(q, { now: NOW });
      if (r.ok) expect(() => planQuery(r.ast)).not.toThrow();
      else expect(typeof r.error).toBe("string");
    }
  });
});
