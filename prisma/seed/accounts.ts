// The three demo accounts: created only in demo mode (never in production, never against an external
// database unless `npm run db:seed -- --demo`), and listed on the sign-in page in demo mode.
/** Shared by the three demo accounts; shown in the README and, in demo mode, on the sign-in page. */
export const DEMO_PASSWORD = "roundtable-demo";

export const DEMO_ACCOUNTS = [
  // Trusted by an admin's override, so the demo member's insights publish at once (a brand-new member's wait
  // for a moderator; lib/domain/trust.ts). Sign up for a fresh account to see that.
  {
    email: "member@demo.roundtable.test",
    name: "Demo Member",
    handle: "demo-member",
    role: "MEMBER",
    trustOverride: "TRUSTED",
  },
  {
    email: "moderator@demo.roundtable.test",
    name: "Demo Moderator",
    handle: "demo-moderator",
    role: "MODERATOR",
  },
  { email: "admin@demo.roundtable.test", name: "Demo Admin", handle: "demo-admin", role: "ADMIN" },
] as const;
