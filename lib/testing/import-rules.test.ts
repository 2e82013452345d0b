import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The project's own eslint.config.mjs, as `npm run lint` loads it, on snippets placed where a bad import
// would be written. Only the import rules run: the rest of the config is slow and says nothing here.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const IMPORT_RULES = new Set(["import/no-restricted-paths", "no-restricted-imports"]);
const eslint = new ESLint({ cwd: root, ruleFilter: ({ ruleId }) => IMPORT_RULES.has(ruleId) });

/** The import rules' complaints about `code` saved at `file` (relative to the repository root). */
async function complaints(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

// The snippets import files every checkout has (the root layout, a UI primitive): the rule only judges an
// import it can resolve.
describe("imports point one way: app → components → lib", () => {
  it("refuses lib/ importing components/", async () => {
    const code = 'import { Button } from "@/components/ui/button";\nexport const button = Button;\n';
    expect(await complaints("lib/data/x.ts", code)).toEqual([
      {
        ruleId: "import/no-restricted-paths",
        message: expect.stringContaining("lib/ may not import app/ or components/"),
      },
    ]);
  });

  it("refuses components/ importing app/", async () => {
    const code = 'import RootLayout from "@/app/layout";\nexport const layout = RootLayout;\n';
    expect(await complaints("components/x/y.tsx", code)).toEqual([
      {
        ruleId: "import/no-restricted-paths",
        message: expect.stringContaining("components/ may not import app/"),
      },
    ]);
  });

  it("refuses a relative path as it refuses the alias", async () => {
    const code = 'import RootLayout from "../app/layout";\nexport const layout = RootLayout;\n';
    expect(await complaints("lib/x.ts", code)).toEqual([
      {
        ruleId: "import/no-restricted-paths",
        message: expect.stringMatching(/^Unexpected path "\.\.\/app\/layout" .* lib\/ may not import app\//),
      },
    ]);
  });

  it("lets components/ import lib/", async () => {
    const code = 'import { cn } from "@/lib/utils";\nexport const classes = cn("a", "b");\n';
    expect(await complaints("components/x/y.tsx", code)).toEqual([]);
  });

  it("still keeps the database client inside lib/data", async () => {
    const code = 'import { db } from "@/lib/db";\nexport const client = db;\n';
    expect(await complaints("components/x/y.tsx", code)).toEqual([
      { ruleId: "no-restricted-imports", message: expect.stringContaining("Only lib/data/* may import") },
    ]);
  });
});
