import { describe, expect, it, vi } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db, draftWithSections, person, refreshedTags } from "@/lib/data/editorial/testing";
import { session, updateTag } from "@/lib/testing/integration";
import { createArticle, createDomain } from "@/prisma/factories";
import * as domainActions from "./actions";

await vi.hoisted(() => import("@/lib/testing/integration").then((t) => t.standInForNext()));

describe("domain actions", () => {
  it("a rename refreshes the domain pages and the articles whose breadcrumbs name it", async () => {
    const parent = await createDomain(db);
    const child = await createDomain(db, { parentId: parent.id });
    const inChild = await createArticle(db, { domainId: child.id });
    const draft = await draftWithSections(child.id);
    session.userId = (await person("ADMIN")).id;
    const result = await domainActions.updateDomainAction({
      id: parent.id,
      name: "Renamed parent",
      description: "",
    });
    expect(result.ok).toBe(true);
    expect(refreshedTags()).toEqual([tags.article(inChild.id), tags.domain(parent.id), tags.domains].sort());
    expect(refreshedTags()).not.toContain(tags.article(draft.id));
    // Only a description: the article pages do not show it.
    updateTag.mockClear();
    await domainActions.updateDomainAction({
      id: parent.id,
      name: "Renamed parent",
      description: "New words",
    });
    expect(refreshedTags()).toEqual([tags.domain(parent.id), tags.domains].sort());
  });
});
