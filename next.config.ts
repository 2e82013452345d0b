import path from "node:path";
import type { NextConfig } from "next";

const isDev = process.env.NODE_ENV !== "production";

// Pages are cached and shared by every anonymous reader, so a per-request script nonce is not possible:
// scripts are limited to our own origin plus Next's inline bootstrap.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(isDev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm start` compresses in its own server (lib/cli/serve.ts) with the same middleware, beneath the fast
  // path, which needs the uncompressed bytes of the pages it keeps and compresses each version once.
  compress: false,
  // The same on every instance of a deployment (README, "Several instances"): skew protection and asset URLs.
  deploymentId: process.env.DEPLOYMENT_ID || undefined,
  reactStrictMode: true,
  // forbidden() and app/forbidden.tsx: the 403 page members get on moderator-only routes.
  experimental: { authInterrupts: true },
  // Every instance keeps its pages in its own memory and hears about expirations from the others through
  // PostgreSQL (docs/architecture.md, "Caching across instances"); Next's own memory cache stays off.
  cacheHandler: path.resolve("lib/next-cache/handler.mjs"),
  cacheMaxMemorySize: 0,
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-boss", "pino", "rate-limiter-flexible"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Uploaded sponsor logos: an image allows nothing at all (a later rule overrides the same header).
      {
        source: "/sponsor-logos/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; sandbox" }],
      },
    ];
  },
};

export default nextConfig;
