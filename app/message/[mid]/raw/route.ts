import { getMessageRaw } from "@/lib/db/patches";

export const dynamic = "force-dynamic";

// The stored bytes exactly as read, as text/plain: never interpreted as HTML.
export async function GET(_req: Request, ctx: { params: Promise<{ mid: string }> }) {
  const { mid } = await ctx.params;
  const messageId = decodeURIComponent(mid);
  if (!messageId || messageId.length > 1000) return new Response("bad Message-ID\n", { status: 400 });
  const msg = await getMessageRaw(messageId);
  if (!msg) return new Response(`no message <${messageId}>\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(msg.raw), {
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "content-security-policy": "default-src 'none'" },
  });
}
