import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

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
      // The data access layer is the only way to the database (STYLE.md).
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
]);
