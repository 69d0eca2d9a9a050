// A small C tokenizer for colouring diff lines (kernel patches are mostly C). Pure and
// line-based: a block comment opened on an earlier line is not tracked, which at worst
// leaves a line uncoloured.

export type Token = { text: string; kind: "keyword" | "type" | "string" | "comment" | "number" | "preproc" | "plain" };

const KEYWORDS = new Set(
  "if else for while do switch case default break continue return goto sizeof typeof struct union enum typedef static const volatile inline extern register auto restrict __always_inline likely unlikely".split(" "),
);
const TYPES = new Set("void char short int long unsigned signed bool float double size_t ssize_t u8 u16 u32 u64 s8 s16 s32 s64 gfn_t gpa_t hva_t kvm_pfn_t pte_t".split(" "));
const TOKEN_RE = /(\/\/.*$|\/\*.*?(?:\*\/|$))|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(^\s*#\s*\w+)|\b(0x[0-9a-fA-F]+|\d+)\b|([A-Za-z_]\w*)/g;

export function tokenizeC(line: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  const push = (text: string, kind: Token["kind"]) => {
    if (!text) return;
    const prev = out[out.length - 1];
    if (prev && prev.kind === kind) prev.text += text;
    else out.push({ text, kind });
  };
  for (const m of line.matchAll(TOKEN_RE)) {
    const i = m.index ?? 0;
    push(line.slice(last, i), "plain");
    if (m[1]) push(m[1], "comment");
    else if (m[2]) push(m[2], "string");
    else if (m[3]) push(m[3], "preproc");
    else if (m[4]) push(m[4], "number");
    else if (m[5]) push(m[5], KEYWORDS.has(m[5]) ? "keyword" : TYPES.has(m[5]) ? "type" : "plain");
    last = i + m[0].length;
  }
  push(line.slice(last), "plain");
  return out;
}
