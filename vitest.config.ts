import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
const notOurs = [...configDefaults.exclude, "**/.next/**", "**/.data/**"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside a Server Components bundle; tests import server code directly.
      { find: /^server-only$/, replacement: path.join(root, "lib/testing/empty-module.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          // property tests run hundreds of cases: give them room on a loaded 2-core machine
          testTimeout: 20_000,
          include: [
            "lib/**/*.test.ts",
            "lib/**/*.test.tsx",
            "components/**/*.test.tsx",
            "app/**/*.test.ts",
            "app/**/*.test.tsx",
            "prisma/**/*.test.ts",
          ],
          exclude: [...notOurs, "**/*.integration.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["**/*.integration.test.ts"],
          exclude: notOurs,
          // One database shared by every file: run the files one after another in a single fork.
          pool: "forks",
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ["lib/testing/integration-global-setup.ts"],
        },
      },
    ],
  },
});
