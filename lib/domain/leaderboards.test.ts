import { describe, expect, it } from "vitest";
import { TOP_VOICE } from "./badges";
import {
  DEFAULT_LEADERBOARD_PERIOD,
  LEADERBOARD_PERIODS,
  LEADERBOARD_SCORE_SUMMARY,
  LEADERBOARD_SCORE_TEXT,
  leaderboardPath,
  parseLeaderboardPeriod,
  periodDays,
  periodLabel,
} from "./leaderboards";

describe("leaderboard periods", () => {
  it("counts 7 days, 30 days and all time, 30 days by default", () => {
    expect(LEADERBOARD_PERIODS.map((period) => [period, periodDays(period), periodLabel(period)])).toEqual([
      ["7d", 7, "7 days"],
      ["30d", 30, "30 days"],
      ["all", null, "All time"],
    ]);
    expect(DEFAULT_LEADERBOARD_PERIOD).toBe("30d");
  });

  it("parses only the known period segments", () => {
    expect(parseLeaderboardPeriod("7d")).toBe("7d");
    expect(parseLeaderboardPeriod("all")).toBe("all");
    for (const segment of ["", "7D", "7", "90d", "all-time", "toString", "constructor"]) {
      expect(parseLeaderboardPeriod(segment)).toBeNull();
    }
  });

  it("gives each period one address, the default one without a period segment", () => {
    expect(leaderboardPath("design", "30d")).toBe("/domains/design/leaderboard");
    expect(leaderboardPath("design", "7d")).toBe("/domains/design/leaderboard/7d");
    expect(leaderboardPath("design", "all")).toBe("/domains/design/leaderboard/all");
  });

  it("explains the score with the Top Voice cap per reacting member", () => {
    expect(LEADERBOARD_SCORE_TEXT).toContain(`at most ${TOP_VOICE.maxPointsPerReactor} points`);
    expect(LEADERBOARD_SCORE_SUMMARY).toContain(`at most ${TOP_VOICE.maxPointsPerReactor} points`);
  });
});
