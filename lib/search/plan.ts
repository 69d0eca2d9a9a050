// From the query AST to a search plan: one FTS5 MATCH expression for the full-text part that FTS5 can
// answer by itself, plus a tree of conditions for the rest (date, Message-ID, arch, patch number, is:).
// PURE: the plan is data; lib/db/search.ts turns it into parameterised SQL.
//
// Safety: every user term becomes an FTS5 string ("..." with " doubled), so FTS5 operators, column
// filters, NEAR(), ^ and {col}: typed by a user are only ever words. Column names come from
// TEXT_PREFIXES/DEFAULT_COLUMNS in query.ts, never from the query text.

import { FTS_COLUMNS, type FtsColumn, type IsValue, type QueryNode } from "./query";

export type Condition =
  | { type: "and"; children: Condition[] }
  | { type: "or"; children: Condition[] }
  | { type: "not"; child: Condition }
  /** The message's rowid is in the FTS5 result of `match`. */
  | { type: "fts"; match: string }
  | { type: "date"; from: string | null; to: string | null }
  | { type: "messageId"; value: string }
  | { type: "arch"; value: string }
  | { type: "patchNumber"; from: number; to: number }
  | { type: "is"; value: IsValue };

export type SearchPlan = {
  /** MATCH expression the whole result set must satisfy (joined, ranked by bm25); null: no FTS join. */
  match: string | null;
  /** Further conditions on the message, all of which must hold. */
  conditions: Condition[];
  /** Every positive full-text term OR-ed together: what snippet() highlights. null: nothing to highlight. */
  highlight: string | null;
};

/** An FTS5 string: the value in double quotes, inner double quotes doubled. */
export function quoteFts(value: string): string {
  return '"' + value.replace(/"/g, '""') + '"';
}

function columnFilter(columns: readonly FtsColumn[]): string {
  for (const c of columns) {
    // Belt and braces: the AST can only carry whitelisted names, but a caller could build one by hand.
    if (!(FTS_COLUMNS as readonly string[]).includes(c)) throw new Error(`not an index column: ${c}`);
  }
  return "{" + columns.join(" ") + "}";
}

/** The index stores trailer kinds squashed to letters and digits ("reviewed-by" -> "reviewedby"). */
export function trailerToken(kind: string): string {
  return kind.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function isFtsLeaf(node: QueryNode): boolean {
  return node.type === "text" || node.type === "trailer";
}

/** Can FTS5 answer this sub-tree on its own? (FTS5 has no unary NOT: only `a NOT b`.) */
export function isFtsExpressible(node: QueryNode): boolean {
  if (isFtsLeaf(node)) return true;
  if (node.type === "or") return node.children.every(isFtsExpressible);
  if (node.type === "and") {
    let positive = 0;
    for (const c of node.children) {
      if (c.type === "not") {
        if (!isFtsExpressible(c.child)) return false;
      } else if (isFtsExpressible(c)) positive++;
      else return false;
    }
    return positive > 0;
  }
  return false;
}

/** FTS5 expression for an expressible sub-tree, fully parenthesised. */
export function toFts(node: QueryNode): string {
  switch (node.type) {
    case "text":
      return `${columnFilter(node.columns)} : ${quoteFts(node.value)}${node.prefix ? " *" : ""}`;
    case "trailer":
      return `{tk} : ${quoteFts(trailerToken(node.kind))}`;
    case "or":
      return "(" + node.children.map(toFts).join(" OR ") + ")";
    case "and": {
      const pos = node.children.filter((c) => c.type !== "not");
      const neg = node.children.flatMap((c) => (c.type === "not" ? [c.child] : []));
      return andNot(pos.map(toFts), neg.map(toFts));
    }
    default:
      throw new Error(`not expressible in FTS5: ${node.type}`);
  }
}

function andNot(pos: string[], neg: string[]): string {
  const p = pos.length === 1 ? pos[0] : "(" + pos.join(" AND ") + ")";
  if (neg.length === 0) return p;
  return "(" + p + " NOT " + (neg.length === 1 ? neg[0] : "(" + neg.join(" OR ") + ")") + ")";
}

function toCondition(node: QueryNode): Condition {
  if (isFtsExpressible(node)) return { type: "fts", match: toFts(node) };
  switch (node.type) {
    case "and":
      return { type: "and", children: node.children.map(toCondition) };
    case "or":
      return { type: "or", children: node.children.map(toCondition) };
    case "not":
      return { type: "not", child: toCondition(node.child) };
    case "date":
    case "messageId":
    case "arch":
    case "patchNumber":
    case "is":
      return node;
    default:
      throw new Error(`unexpected node ${node.type}`);
  }
}

function positiveLeaves(node: QueryNode, out: string[]): void {
  if (node.type === "not") return;
  if (node.type === "and" || node.type === "or") {
    for (const c of node.children) positiveLeaves(c, out);
    return;
  }
  if (isFtsLeaf(node)) {
    const e = toFts(node);
    if (!out.includes(e)) out.push(e);
  }
}

export function planQuery(ast: QueryNode): SearchPlan {
  const hl: string[] = [];
  positiveLeaves(ast, hl);
  const highlight = hl.length === 0 ? null : hl.length === 1 ? hl[0] : hl.join(" OR ");

  if (isFtsExpressible(ast)) return { match: toFts(ast), conditions: [], highlight };

  const top = ast.type === "and" ? ast.children : [ast];
  const pos: string[] = [];
  const neg: string[] = [];
  const rest: QueryNode[] = [];
  for (const c of top) {
    if (c.type === "not" && isFtsExpressible(c.child)) neg.push(toFts(c.child));
    else if (c.type !== "not" && isFtsExpressible(c)) pos.push(toFts(c));
    else rest.push(c);
  }
  if (pos.length === 0) {
    // No positive full-text part: negated terms become NOT IN (...) conditions.
    return {
      match: null,
      conditions: [
        ...neg.map((m): Condition => ({ type: "not", child: { type: "fts", match: m } })),
        ...rest.map(toCondition),
      ],
      highlight,
    };
  }
  return { match: andNot(pos, neg), conditions: rest.map(toCondition), highlight };
}
