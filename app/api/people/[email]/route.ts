import { getPersonByEmail } from "@/lib/db/people";
import { isEmailAddress } from "@/lib/format";
import { jsonError, jsonResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ email: string }> }) {
  const email = decodeURIComponent((await ctx.params).email);
  if (!isEmailAddress(email)) return jsonError(400, `not an email address: "${email.slice(0, 80)}"`);
  const person = await getPersonByEmail(email);
  if (!person) return jsonError(404, `nobody known as ${email}`);
  return jsonResponse(person);
}
