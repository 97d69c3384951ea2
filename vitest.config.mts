import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    // Whole demo runs (CLI subprocess, CGE, LibreOffice) take 30–60 s on a quiet 2-core machine;
    // a limit is a hang guard here, not a speed test (npm run bench measures speed).
    testTimeout: 180_000,
    hookTimeout: 420_000,
  },
});
