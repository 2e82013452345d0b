import { describe, expect, it } from "vitest";
import { loadTagsManifest, TAGS_MANIFEST_MODULE } from "./next-tags-manifest.mjs";

describe("loadTagsManifest", () => {
  it("finds the tag store of the installed Next", () => {
    expect(loadTagsManifest()).toBeInstanceOf(Map);
  });

  it("refuses to start, saying what to adapt, when Next moved the module", () => {
    const missing = () => {
      throw Object.assign(new Error(`Cannot find module '${TAGS_MANIFEST_MODULE}'`), {
        code: "MODULE_NOT_FOUND",
      });
    };
    expect(() => loadTagsManifest(missing)).toThrow(
      /cannot be loaded.*lib\/next-cache\/next-tags-manifest\.mjs/,
    );
  });

  it("refuses to start when the module no longer holds the Map", () => {
    expect(() => loadTagsManifest(() => ({ tagsManifest: {} }))).toThrow(/no longer has one/);
    expect(() => loadTagsManifest(() => ({ tagsManifest: new Map() }))).toThrow(/no longer has one/);
  });
});
