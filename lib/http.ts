import { parseId } from "./format";

// Route-handler helpers: validate, then map to 400/404 with a plain reason. Nothing leaks.

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body, null, 2), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}

export function jsonError(status: 400 | 404 | 422, error: string): Response {
  return jsonResponse({ error }, status);
}

/** A positive integer id from a route segment, or a 400 response saying why not. */
export function parseIdParam(raw: string, what: string): number | Response {
  return parseId(raw) ?? jsonError(400, `${what} id must be a positive integer, got "${raw.slice(0, 40)}"`);
}
