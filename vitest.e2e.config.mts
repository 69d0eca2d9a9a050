import { defineConfig } from "vitest/config";

// End-to-end tests: real headless Chromium against the built app served by `next start`
// on a test database filled from the real threads (tests/e2e/global-setup.ts).
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: "forks",
  },
});
