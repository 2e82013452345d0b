import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site";

// Crawlers may read everything public; personal, staff and account pages and the API are not for them.
export default function robots(): MetadataRoute.Robots {
  const base = siteUrl();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/api/", "/settings", "/notifications", "/moderation", "/admin", "/sign-in", "/sign-up"],
    },
    sitemap: new URL("/sitemap.xml", base).toString(),
  };
}
