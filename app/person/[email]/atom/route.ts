import { atomResponse, buildAtomFeed } from "@/lib/atom";
import { getPersonByEmail } from "@/lib/db/people";
import { isEmailAddress } from "@/lib/format";

export const dynamic = "force-dynamic";

/** The patches still waiting for this person's ack, as a feed to subscribe to. */
export async function GET(req: Request, ctx: { params: Promise<{ email: string }> }) {
  const email = decodeURIComponent((await ctx.params).email);
  if (!isEmailAddress(email)) return new Response("not an email address\n", { status: 400 });
  const person = await getPersonByEmail(email);
  if (!person) return new Response(`nobody known as ${email}\n`, { status: 404 });
  const origin = new URL(req.url).origin;
  return atomResponse(
    buildAtomFeed({
      title: `patchdash: patches owed by ${person.name || person.email}`,
      self: `${origin}/person/${encodeURIComponent(person.email)}/atom`,
      alternate: `${origin}/person/${encodeURIComponent(person.email)}`,
      entries: person.owed.map((o) => ({
        id: `${origin}/patch/${o.patch.id}#${encodeURIComponent(o.name)}`,
        title: o.patch.subject,
        updated: o.patch.date ?? "",
        link: `${origin}/patch/${o.patch.id}`,
        summary: `${o.name} (${o.arch}) waits for ${person.name || person.email}`,
      })),
    }),
  );
}
