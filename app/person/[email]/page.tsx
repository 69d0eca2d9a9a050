import Link from "next/link";
import { notFound } from "next/navigation";
import { canonicalTrailerKind } from "@/lib/db/report";
import { getPersonByEmail } from "@/lib/db/people";
import { isEmailAddress, loreUrl } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function PersonPage(props: { params: Promise<{ email: string }> }) {
  const email = decodeURIComponent((await props.params).email);
  if (!isEmailAddress(email)) notFound();
  const person = await getPersonByEmail(email);
  if (!person) notFound();
  const byKind = new Map<string, typeof person.trailers>();
  for (const t of person.trailers) (byKind.get(t.kind) ?? byKind.set(t.kind, []).get(t.kind)!).push(t);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-xl font-semibold">{person.name || person.email}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          {person.email}
          {person.names.length > 1 && <> · also seen as {person.names.filter((n) => n !== person.name).join(", ")}</>} ·{" "}
          <a href={`/person/${encodeURIComponent(person.email)}/atom`} className="text-blue-700 hover:underline dark:text-blue-300">
            feed of owed patches
          </a>
        </p>
      </header>
      <section aria-labelledby="owed-h">
        <h2 id="owed-h" className="mb-1 text-lg font-semibold">Waiting for an answer ({person.owed.length})</h2>
        {person.owed.length === 0 ? (
          <p className="text-sm">Nothing owed.</p>
        ) : (
          <ul className="space-y-0.5 text-sm" data-testid="owed">
            {person.owed.map((o) => (
              <li key={`${o.patch.id}-${o.name}`}>
                <Link href={`/patch/${o.patch.id}`} className="text-blue-700 hover:underline dark:text-blue-300">
                  {o.patch.subject}
                </Link>{" "}
                <span className="text-zinc-600 dark:text-zinc-300">— {o.name}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {[...byKind].map(([kind, list]) => (
        <section key={kind} aria-labelledby={`k-${kind}`}>
          <h2 id={`k-${kind}`} className="mb-1 text-lg font-semibold">
            {canonicalTrailerKind(kind)} ({list.length})
          </h2>
          <ul className="space-y-0.5 text-sm">
            {list.map((t, i) => (
              <li key={i} className={t.verified ? "" : "text-zinc-500 dark:text-zinc-400"}>
                <Link href={`/patch/${t.patch.id}`} className="text-blue-700 hover:underline dark:text-blue-300">
                  {t.patch.subject}
                </Link>{" "}
                <a href={loreUrl(t.messageId)} className="text-xs text-zinc-600 hover:underline dark:text-zinc-300">
                  (via {t.via}{t.verified ? "" : ", unverified"})
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="maint-h">
        <h2 id="maint-h" className="mb-1 text-lg font-semibold">MAINTAINERS sections ({person.maintains.length})</h2>
        <ul className="text-sm">
          {person.maintains.map((s) => (
            <li key={s.name}>
              <span className="font-mono">{s.role}:</span> {s.name}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
