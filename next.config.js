const path = require("node:path");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  eslint: { ignoreDuringBuilds: true },
  // The app's own files only: scripts and tests are checked by `npm run typecheck`.
  typescript: { ignoreBuildErrors: false, tsconfigPath: "tsconfig.next.json" },
  webpack(config) {
    // Fix the React hydration-replay bug in the react-dom client bundled by Next 15.5.29
    // (facebook/react#35210, fixed upstream by #35494). Without it, big pages like `/` and
    // `/series/:id` randomly fail to hydrate with React error #418. See the loader for details.
    config.module.rules.push({
      test: /[\\/]next[\\/]dist[\\/]compiled[\\/]react-dom(?:-experimental)?[\\/]cjs[\\/]react-dom-(?:client|profiling)\.(?:production|development|profiling)\.js$/,
      use: [{ loader: path.join(__dirname, "patches/react-dom-hydration-replay-loader.cjs") }],
    });
    return config;
  },
};
module.exports = nextConfig;
