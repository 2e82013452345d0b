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

describe("notificationText for moderation and follows", () => {
  it("tells the author why an insight was rejected or removed, with the note", () => {
    expect(
      notificationText({ kind: "INSIGHT_REJECTED", sectionTitle: "Pay", reason: "SPAM", note: null }),
    ).toBe("Your insight on “Pay” was not published. Reason: Spam. You can appeal once.");
    expect(
      notificationText({
        kind: "INSIGHT_REMOVED",
        sectionTitle: "Pay",
        reason: "OFF_TOPIC",
        note: "Keep to the section.",
      }),
    ).toBe(
      "Your insight on “Pay” was removed by a moderator. Reason: Off-topic. You can appeal once. Moderator's note: Keep to the section.",
    );
  });

  it("says how an appeal ended", () => {
    expect(
      notificationText({ kind: "APPEAL_DECIDED", sectionTitle: "Pay", outcome: "OVERTURNED", note: null }),
    ).toBe("Your appeal about your insight on “Pay” was accepted: the decision was reversed.");
    expect(
      notificationText({
        kind: "APPEAL_DECIDED",
        sectionTitle: "Pay",
        outcome: "UPHELD",
        note: "Still spam.",
      }),
    ).toBe(
      "Your appeal about your insight on “Pay” was reviewed: the decision stands. Moderator's note: Still spam.",
    );
  });

  it("dates a suspension in UTC", () => {
    expect(
      notificationText({
        kind: "MEMBER_SUSPENDED",
        until: "2026-11-29T14:05:00.000Z",
        message: "Spam links.",
      }),
    ).toBe("Your account was suspended until 29 Nov 2026, 14:05 UTC. Reason: Spam links.");
  });

  it("counts new insights on a followed article", () => {
    expect(
      notificationText({ kind: "FOLLOWED_ARTICLE_INSIGHT", articleTitle: "Careers", actorCount: 1 }),
    ).toBe("A new insight on “Careers”.");
    expect(
      notificationText({ kind: "FOLLOWED_ARTICLE_INSIGHT", articleTitle: "Careers", actorCount: 4 }),
    ).toBe("4 new insights on “Careers”.");
    expect(
      notificationText({ kind: "FOLLOWED_DOMAIN_ARTICLE", domainName: "Careers", articleTitle: "Pay bands" }),
    ).toBe("New in Careers: “Pay bands”.");
  });
});
