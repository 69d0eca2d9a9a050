import Link from "next/link";
import { listSeries } from "@/lib/db/series";
import { formatDay } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const series = await listSeries();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Series</h1>
      {series.length === 0 ? (
        <p>No series stored yet. Ingest an mbox with <code className="font-mono">npm run ingest -- path/to/thread.mbox</code>.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
            <tr>
              <th scope="col" className="py-1 pr-3">Series</th>
              <th scope="col" className="py-1 pr-3">Rev</th>
              <th scope="col" className="py-1 pr-3">Author</th>
              <th scope="col" className="py-1 pr-3">Patches</th>
              <th scope="col" className="py-1 pr-3">Posted</th>
              <th scope="col" className="py-1 pr-3">Last activity</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.id} className="border-b border-zinc-100 dark:border-zinc-800">
                <td className="py-1 pr-3">
                  <Link href={`/series/${s.id}`} className="text-blue-700 hover:underline dark:text-blue-300">
                    {s.title}
                  </Link>
                </td>
                <td className="py-1 pr-3 font-mono">v{s.revision}</td>
                <td className="py-1 pr-3">{s.authorName || s.authorEmail}</td>
                <td className="py-1 pr-3 font-mono">
                  {s._count.patches}/{s.total}
                </td>
                <td className="py-1 pr-3 font-mono">{formatDay(s.date)}</td>
                <td className="py-1 pr-3 font-mono">{formatDay(s.lastActivity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
