import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { getAuthSecret } from "@/lib/auth/secret";
import { assertLiveSession, endSession, SessionEndedError, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { errorFields, log } from "@/lib/ops/log";

export { SESSION_MAX_AGE_SECONDS };

let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    logger: {
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") {
          // An ended session (signed out, deactivated, outdated) is expected: requireUser tells the person.
          if (endedSessionIn(metadata)) return;
          // A cookie that does not decode (expired, tampered, another secret) is an ended session too, not a fault.
          log.warn("refused a session cookie that does not decode");
        } else {
          const details = metadata instanceof Error ? errorFields(metadata) : { metadata };
          log.error({ code, ...details }, "next-auth reported an error");
        }
      },
      warn(code) {
        log.warn({ code }, "next-auth warning");
      },
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const result = await authenticate({
            email: credentials?.email,
            password: credentials?.password,
            address: clientAddressFromHeaders(request.headers ?? {}),
          });
          // next-auth passes a thrown error's message to the sign-in form as `error`.
          if (!result.ok) throw new Error(result.message);
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            sessionVersion: result.user.sessionVersion,
            sessionId: result.user.sessionId,
          };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as { id: string; sessionVersion?: number; sessionId?: string };
          token.uid = signedIn.id;
          token.sv = signedIn.sessionVersion;
          token.sid = signedIn.sessionId;
          return token;
        }
        // Every read of the cookie (getServerSession, /api/auth/session) checks the server-side session. Throwing
        // makes next-auth answer `{}` and clear the cookie instead of re-issuing it.
        await assertLiveSession({ sessionId: token.sid, userId: token.uid, sessionVersion: token.sv });
        return token;
      },
      session({ session, token }) {
        // Identity only: requireUser reads role and status from the database on every request.
        if (token.uid && typeof token.sv === "number") {
          session.user = { id: token.uid, sessionVersion: token.sv, email: token.email, name: token.name };
        } else {
          delete session.user;
        }
        return session;
      },
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeRedirectPath(url, { origin: baseUrl })}`;
      },
    },
    events: {
      async signOut({ token }) {
        // The cookie is cleared by next-auth; ending the session here makes a copy of it useless too.
        if (typeof token?.sid !== "string" || typeof token.uid !== "string") return;
        await endSession({ sessionId: token.sid, userId: token.uid, reason: "signed-out" });
      },
    },
  };
  return options;
}

/** By name as well as class: the route handler and the pages may load this module in separate bundles. */
function endedSessionIn(metadata: unknown): boolean {
  const error = (metadata as { error?: unknown })?.error ?? metadata;
  return error instanceof SessionEndedError || (error as { name?: unknown })?.name === "SessionEndedError";
}
