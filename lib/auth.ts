import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/data/users";
import { signInSchema } from "@/lib/validation/account";

const THIRTY_DAYS = 30 * 24 * 60 * 60;

/** The client address for throttling: the entry our own proxy appended last, not a client-written one. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const last = typeof forwarded === "string" ? forwarded.split(",").at(-1)?.trim() : undefined;
  const realIp = headers?.["x-real-ip"];
  return last || (typeof realIp === "string" ? realIp : "") || "unknown";
}

export const authOptions: NextAuthOptions = {
  // The Credentials provider only works with JWT sessions. The token carries the user id and nothing
  // else; role and status are read from the database on every request (lib/session.ts).
  session: { strategy: "jwt", maxAge: THIRTY_DAYS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticate(parsed.data, clientAddress(request.headers));
        if (result.ok) return { id: result.userId };
        // next-auth hands a thrown message to the sign-in form; null becomes "CredentialsSignin".
        if (result.reason === "BLOCKED") throw new Error(result.message);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      return user ? { sub: user.id } : { sub: token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? "" } };
    },
  },
  logger: {
    error: (code, metadata) => {
      if (code !== "CLIENT_FETCH_ERROR")
        console.error(JSON.stringify({ level: "error", code, metadata: String(metadata) }));
    },
    warn: () => {},
    debug: () => {},
  },
};
