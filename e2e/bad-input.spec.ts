// Addresses with a NUL byte or a malformed slug answer 404 (or the page, unfiltered), never an error page:
// PostgreSQL refuses NUL in text, so nothing of the kind may reach it.
import { expect, test } from "./fixtures";

for (const path of [
  "/domains/%00",
  "/domains/%00/leaderboard",
  "/domains/%00/leaderboard/month",
  "/domains/a%00b/page/2",
  "/domains/%00/sponsor",
  "/articles/%00",
  "/articles/Not%20A%20Slug",
  "/members/%00",
  "/badges/%00",
  "/insights/%00/history",
]) {
  test(`${path} answers 404`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(404);
  });
}

test("staff filters and the member search with a NUL byte show the page, unfiltered", async ({
  page,
  makeUser,
  signIn,
}) => {
  const admin = await makeUser({ role: "ADMIN" });
  await signIn(page, admin);

  for (const [path, heading] of [
    ["/admin/members?q=%00", "Members"],
    ["/admin/members?q=ada%00&cursor=%00", "Members"],
    ["/moderation?domain=%00", "Review queue"],
    ["/moderation/log?target=%00", "Moderation log"],
    ["/moderation/log?moderator=%00", "Moderation log"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
});

test("admin pages for a malformed article id or domain slug answer 404", async ({
  page,
  makeUser,
  signIn,
}) => {
  const admin = await makeUser({ role: "ADMIN" });
  await signIn(page, admin);

  for (const path of [
    "/admin/articles/%00",
    "/admin/articles/not%20an%20id/preview",
    "/admin/sponsorship/domains/%00",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
