// Sponsorship as visitors and admins meet it: an inquiry sent from "Sponsor this category" and followed up
// in /admin/sponsorship; a sponsor labelled "Sponsored by" on a domain and its articles while its window is
// open, and gone once it has ended; an admin setting a sponsor with a logo upload.
import type { Page } from "@playwright/test";
import { createArticle, createDomain } from "../prisma/factories";
import { makeLogoPng } from "../prisma/seed/sponsors";
import { expect, headerSignInLink, test } from "./fixtures";

test.describe.configure({ timeout: 60_000 });

const DAY = 24 * 60 * 60 * 1000;

/** The sponsor line on the current page, found as a reader sees it. */
function sponsorLink(page: Page, name: string) {
  return page.getByText("Sponsored by").locator("..").getByRole("link", { name, exact: true });
}

test("a visitor sends a sponsor inquiry from a domain and an admin marks it contacted", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const domain = await createDomain(db);
  const organisation = `Contoso ${Date.now().toString(36)}`;

  await page.goto(`/domains/${domain.slug}`);
  await page.getByRole("link", { name: "Sponsor this category" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Sponsor ${domain.name}` })).toBeVisible();
  await expect(headerSignInLink(page)).toBeVisible();

  const form = page.getByRole("form", { name: "Sponsorship inquiry" });
  // Sending it empty announces what is missing, next to each field.
  await form.getByRole("button", { name: "Send inquiry" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Enter your organisation's name." })).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: "Choose a budget range." })).toBeVisible();
  await expect(form.getByLabel("Organisation")).toBeFocused();

  await form.getByLabel("Organisation").fill(organisation);
  await form.getByLabel("Your name").fill("Ada Lovelace");
  await form.getByLabel("Email").fill("Ada.Lovelace@Contoso.example");
  await form.getByLabel("Budget").selectOption({ label: "$5,000 to $20,000" });
  await form.getByLabel("Message").fill("We would like to sponsor this category for the next quarter.");
  await form.getByRole("button", { name: "Send inquiry" }).click();
  await expect(page.getByText("Thank you: your inquiry is on its way")).toBeVisible();
  await expect(page.getByText("will reply to ada.lovelace@contoso.example")).toBeVisible();

  const admin = await makeUser({ role: "ADMIN" });
  await signIn(page, admin);
  await page.goto("/admin/sponsorship");
  await expect(page.getByRole("heading", { level: 1, name: "Sponsorship" })).toBeVisible();
  const item = page.getByRole("article", { name: organisation });
  await expect(item).toContainText(domain.name);
  await expect(item).toContainText("ada.lovelace@contoso.example");
  await expect(item).toContainText("$5,000 to $20,000");
  await expect(item).toContainText("Status: New");
  await item.getByRole("button", { name: "Mark contacted" }).click();
  await expect(item).toContainText("Status: Contacted");

  // It is filed under Contacted from now on.
  await page
    .getByRole("navigation", { name: "Inquiries by status" })
    .getByRole("link", { name: /^Contacted/ })
    .click();
  await expect(page).toHaveURL(/status=CONTACTED/);
  await expect(page.getByRole("article", { name: organisation })).toContainText("Status: Contacted");
});

test("members are turned away from /admin/sponsorship", async ({ page, makeUser, signIn }) => {
  const member = await makeUser();
  await signIn(page, member);
  const response = await page.goto("/admin/sponsorship");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Sponsorship", exact: true })).toHaveCount(0);
});

test("an active sponsor shows on the domain and its article with rel=sponsored; an ended one does not", async ({
  page,
  db,
}) => {
  const now = Date.now();
  const [active, ended] = await Promise.all([createDomain(db), createDomain(db)]);
  const [activeArticle, endedArticle] = await Promise.all([
    createArticle(db, { domainId: active.id }),
    createArticle(db, { domainId: ended.id }),
  ]);
  const sponsor = await db.domainSponsor.create({
    data: {
      domainId: active.id,
      name: "Northwind Tools",
      url: "https://northwind.example/",
      tagline: "Developer tools for small teams",
      logo: new Uint8Array(makeLogoPng()),
      logoType: "image/png",
      startsAt: new Date(now - DAY),
      endsAt: new Date(now + 30 * DAY),
    },
    select: { id: true },
  });
  await db.domainSponsor.create({
    data: {
      domainId: ended.id,
      name: "Gone Ltd",
      url: "https://gone.example/",
      startsAt: new Date(now - 30 * DAY),
      endsAt: new Date(now - DAY),
    },
  });

  for (const path of [`/domains/${active.slug}`, `/articles/${activeArticle.slug}`]) {
    await page.goto(path);
    const link = sponsorLink(page, "Northwind Tools");
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("rel", "sponsored noopener");
    await expect(link).toHaveAttribute("href", "https://northwind.example/");
    await expect(page.getByText("Developer tools for small teams")).toBeVisible();
  }

  // The logo comes from our own route as an image that cannot be read as a page.
  const logoSrc = await page.locator(`img[src^="/sponsor-logos/${sponsor.id}"]`).getAttribute("src");
  const logo = await page.request.get(logoSrc!);
  expect(logo.status()).toBe(200);
  expect(logo.headers()).toMatchObject({
    "content-type": "image/png",
    "x-content-type-options": "nosniff",
    "content-disposition": "inline",
  });
  const policy = logo.headers()["content-security-policy"];
  expect(policy).toContain("default-src 'none'");
  expect(policy).not.toContain("script-src");
  expect(Buffer.from(await logo.body()).equals(makeLogoPng())).toBe(true);
  expect((await page.request.get("/sponsor-logos/no-such-logo")).status()).toBe(404);

  for (const path of [`/domains/${ended.slug}`, `/articles/${endedArticle.slug}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(headerSignInLink(page)).toBeVisible();
    await expect(page.getByText("Sponsored by")).toHaveCount(0);
    await expect(page.getByText("Gone Ltd")).toHaveCount(0);
  }
});

test("an admin sets a sponsor with a PNG logo, an SVG is refused, and the line appears on the domain", async ({
  page,
  db,
  makeUser,
  signIn,
}) => {
  const domain = await createDomain(db);
  const admin = await makeUser({ role: "ADMIN" });
  await signIn(page, admin);
  await page.goto(`/admin/sponsorship/domains/${domain.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: `Sponsor of ${domain.name}` })).toBeVisible();
  await expect(page.getByText("Dates and times are in UTC")).toBeVisible();

  const form = page.getByRole("form", { name: "Sponsor details" });
  const toInput = (time: number) => new Date(time).toISOString().slice(0, 16);
  await form.getByLabel("Sponsor name").fill("Fabrikam");
  await form.getByLabel("Link").fill("https://fabrikam.example/");
  await form.getByLabel("Short line (optional)").fill("Cloud hosting for teams");
  await form.getByLabel("Starts (UTC)").fill(toInput(Date.now() - DAY));
  await form.getByLabel("Ends (UTC)").fill(toInput(Date.now() + 7 * DAY));

  await form.getByLabel("Logo (optional)").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await form.getByRole("button", { name: "Set sponsor" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "SVG logos are not accepted: upload a PNG, JPEG or WebP image.",
  );
  expect(await db.domainSponsor.count({ where: { domainId: domain.id } })).toBe(0);

  await form.getByLabel("Logo (optional)").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: makeLogoPng(),
  });
  await form.getByRole("button", { name: "Set sponsor" }).click();
  await expect(page.getByText("Sponsor booked.")).toBeVisible();
  const current = page.getByRole("region", { name: "Current sponsor" });
  await expect(current).toContainText("Fabrikam");
  await expect(current).toContainText("Showing");
  await expect(current.getByRole("img", { name: "Fabrikam logo" })).toBeVisible();

  await page.goto(`/domains/${domain.slug}`);
  const link = sponsorLink(page, "Fabrikam");
  await expect(link).toHaveAttribute("rel", "sponsored noopener");
  await expect(page.locator('img[src^="/sponsor-logos/"]')).toBeVisible();
});
