import path from "node:path";
import { fileURLToPath } from "node:url";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig([
  ...nextCoreWebVitals,
  ...nextTypeScript,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // The data access layer is the only way to the database (docs/architecture.md).
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@/lib/db", message: "Only lib/data/* may import the database client." }],
          patterns: [
            { group: ["**/generated/prisma/client"], message: "Use lib/data/* for database access." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/data/**", "lib/db.ts", "prisma/**", "lib/cli/**", "lib/testing/**", "e2e/**", "bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
  // Imports point one way: app → components → lib (docs/architecture.md). The rule resolves each import,
  // so `@/app/…` and `../app/…` are caught alike. Tests follow it too: a test lives beside the code it
  // drives (a route's tests under app/, a component's under components/).
  {
    files: ["lib/**", "components/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          basePath: root,
          zones: [
            {
              target: "./lib",
              from: ["./app", "./components"],
              message: "lib/ may not import app/ or components/: move what both need into lib/.",
            },
            {
              target: "./components",
              from: "./app",
              message:
                "components/ may not import app/: move what both need into lib/ (server actions to lib/actions/).",
            },
          ],
        },
      ],
    },
  },
]);
