import { describe, expect, it } from "vitest";
import { notificationText, peopleCount } from "./notification-text";

describe("peopleCount", () => {
  it("says person for one and people for more", () => {
    expect(peopleCount(1)).toBe("1 person");
    expect(peopleCount(2)).toBe("2 people");
    expect(peopleCount(120)).toBe("120 people");
  });
});

describe("notificationText", () => {
  it("names the section of a published insight", () => {
    expect(notificationText({ kind: "INSIGHT_PUBLISHED", sectionTitle: "Getting started" })).toBe(
      "Your insight on “Getting started” was published.",
    );
  });

  it.each([
    ["LIKE", 1, "1 person liked your insight"],
    ["LIKE", 3, "3 people liked your insight"],
    ["INSIGHTFUL", 1, "1 person found your insight insightful"],
    ["INSIGHTFUL", 3, "3 people found your insight insightful"],
    ["HELPFUL", 2, "2 people found your insight helpful"],
    ["CELEBRATE", 5, "5 people celebrated your insight"],
    ["UNHELPFUL", 1, "1 person marked your insight unhelpful"],
  ] as const)("groups %s reactions from %i member(s)", (reactionKind, actorCount, expected) => {
    expect(notificationText({ kind: "INSIGHT_REACTIONS", reactionKind, actorCount })).toBe(expected);
  });
});
