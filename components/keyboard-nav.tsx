"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Keyboard navigation on a patch page, as mail readers have it: j/k move between the
// messages of the thread, n/p go to the next/previous patch, "/" focuses the search box.
export function KeyboardNav({ prevHref, nextHref }: { prevHref?: string; nextHref?: string }) {
  const router = useRouter();
  useEffect(() => {
    let current = -1;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName)))) return;
      const messages = Array.from(document.querySelectorAll<HTMLElement>("[data-testid=thread-message]"));
      if (e.key === "j" || e.key === "k") {
        if (!messages.length) return;
        current = e.key === "j" ? Math.min(current + 1, messages.length - 1) : Math.max(current - 1, 0);
        const el = messages[current];
        el.scrollIntoView({ block: "start" });
        el.focus({ preventScroll: true });
      } else if (e.key === "n" && nextHref) router.push(nextHref);
      else if (e.key === "p" && prevHref) router.push(prevHref);
      else if (e.key === "/") {
        const box = document.querySelector<HTMLInputElement>("[data-testid=search-box]");
        if (box) {
          e.preventDefault();
          box.focus();
        }
      } else return;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, prevHref, nextHref]);
  return (
    <p className="sr-only" aria-live="off">
      Keys: j and k move between messages, n and p go to the next and previous patch, slash searches.
    </p>
  );
}
