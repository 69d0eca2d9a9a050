import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { SearchBox } from "@/components/search-box";

export const metadata: Metadata = {
  title: { default: "patchdash", template: "%s · patchdash" },
  description: "Per-architecture review status of patch series sent to mailing lists",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <header className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-2">
            <Link href="/" className="font-mono text-lg font-bold tracking-tight text-zinc-900 dark:text-zinc-50">
              patchdash
            </Link>
            <nav aria-label="Main" className="flex gap-3 text-sm">
              <Link href="/" className="text-zinc-700 hover:underline dark:text-zinc-300">
                Series
              </Link>
            </nav>
            <div className="ml-auto w-full sm:w-96">
              <SearchBox />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
