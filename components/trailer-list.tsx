import { canonicalTrailerKind } from "@/lib/db/report";
import Link from "next/link";
import { loreUrl } from "@/lib/format";

export type TrailerRow = {
  kind: string;
  name: string;
  email: string;
  value?: string;
  verified: boolean;
  via: string;
  messageId: string;
  scope: string | null;
  note?: string | null;
};

export function TrailerList({ trailers }: { trailers: TrailerRow[] }) {
  const shown = trailers.filter((t) => !(t.via === "self" && t.kind === "signed-off-by"));
  if (shown.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-300">No review trailers yet.</p>;
  return (
    <section aria-labelledby="trailers-h">
      <h2 id="trailers-h" className="mb-1 text-base font-semibold">Trailers</h2>
      <table className="text-left text-sm" data-testid="trailers">
        <thead className="text-zinc-600 dark:text-zinc-300">
          <tr>
            <th scope="col" className="pr-3">Kind</th>
            <th scope="col" className="pr-3">Who</th>
            <th scope="col" className="pr-3">Via</th>
            <th scope="col" className="pr-3">Scope</th>
            <th scope="col" className="pr-3">Checked</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((t, i) => (
            <tr key={i} className={t.verified ? "" : "text-zinc-500 line-through dark:text-zinc-400"}>
              <td className="pr-3 font-mono">{canonicalTrailerKind(t.kind)}</td>
              <td className="pr-3 break-all">
                {t.email ? (
                  <Link href={`/person/${encodeURIComponent(t.email)}`} className="hover:underline">
                    {`${t.name} <${t.email}>`}
                  </Link>
                ) : (
                  t.value
                )}
              </td>
              <td className="pr-3">
                <a href={loreUrl(t.messageId)} className="text-blue-700 hover:underline dark:text-blue-300">
                  {t.via}
                </a>
              </td>
              <td className="pr-3">{t.scope ?? t.note ?? ""}</td>
              <td className="pr-3">{!t.email ? "—" : t.verified ? "sender matches" : "unverified: sender differs"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
