// Webpack loader (wired in next.config.js) that fixes a React bug in the react-dom client that
// Next 15.5.29 bundles (next/dist/compiled/react-dom, React 19.2.0-canary-0bdb9206-20250818).
// The bug is facebook/react#35210, fixed upstream by facebook/react#35494 ("Correctly handle
// replaying when hydrating") in later React versions, none of which a Next 15.5.x release bundles.
//
// The bug: while hydrating, a host element (<tbody>, <ul>, ...) claims its server-rendered DOM
// node, which moves the hydration cursor to that node's first child. Then it reconciles its
// children. If a child is a React Server Components chunk that has not arrived yet, rendering
// suspends. When the chunk arrives, React replays that element's beginWork without moving the
// cursor back. The element then tries to claim its own first child (a <tr> for a <tbody>), which
// fails, and React reports #418 "Hydration failed because the server rendered HTML didn't match
// the client" and renders the whole document again on the client, although server and client
// markup are identical.
//
// Any big page can hit this. React's RSC server moves an element into a separate lazy chunk
// ("$L…") once a row is over 3,200 bytes. Next inlines those chunks as
// `self.__next_f.push(…)` scripts after the HTML, and hydration starts from an async script
// while the browser is still parsing them. So whether a chunk is still missing when the
// element renders depends on timing. In headless Chromium that happened on about 1 in 10 loads
// of `/` and `/series/:id`.
//
// The fix is the one upstream made: when a HostComponent (tag 5) that claimed its DOM node during
// this hydration is replayed, move the cursor back to that node and restore the parent hydration
// context before beginWork runs again, so the element claims its own node a second time.
//
// The loader fails the build if the code it patches is not found exactly once, so a Next/React
// upgrade cannot silently drop the fix. When that happens, check that the new bundled React
// includes facebook/react#35494, then delete this loader and its rule in next.config.js.

"use strict";

// `replaySuspendedUnitOfWork` (production, profiling) / `replayBeginWork` (development):
//   case 5:
//     resetHooksOnUnwind(next);
//   default:
//     unwindInterruptedWork(current, next), ...beginWork(current, next, ...)
const REPLAY_HOST_COMPONENT = /case 5:(\s*)resetHooksOnUnwind\((\w+)\);(\s*)default:(\s*)unwindInterruptedWork\(current, \2\)/g;
// The hydration state the fix touches; all are module-level names in these bundles.
const REQUIRED = ["isHydrating", "hydrationParentFiber", "nextHydratableInstance", "function popToNextHostParent("];

/** @this {{ resourcePath: string }} */
module.exports = function reactDomHydrationReplayLoader(source) {
  const file = this.resourcePath;
  const hits = source.match(REPLAY_HOST_COMPONENT) ?? [];
  const missing = REQUIRED.filter((name) => !source.includes(name));
  if (hits.length !== 1 || missing.length) {
    throw new Error(
      `patches/react-dom-hydration-replay-loader.cjs: ${file}: expected the HostComponent replay branch once (found ${hits.length})` +
        (missing.length ? ` and the names ${missing.join(", ")}` : "") +
        ". The bundled React changed: if it includes facebook/react#35494, delete this loader and its rule in next.config.js.",
    );
  }
  return source.replace(
    REPLAY_HOST_COMPONENT,
    (_m, s1, fiber, s2, s3) =>
      `case 5:${s1}` +
      // Rewind the cursor this host fiber moved when it claimed its DOM node (patchdash, see loader).
      `isHydrating && null === current && hydrationParentFiber === ${fiber} && null !== ${fiber}.stateNode && ` +
      `((nextHydratableInstance = ${fiber}.stateNode), popToNextHostParent(${fiber}));${s1}` +
      `resetHooksOnUnwind(${fiber});${s2}default:${s3}unwindInterruptedWork(current, ${fiber})`,
  );
};
