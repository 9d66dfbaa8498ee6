import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/authenticate";
import { clientAddressFrom } from "@/lib/auth/rate-limit";
import { getAuthSecret } from "@/lib/auth/secret";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    logger: {
      error(code, metadata) {
        // A cookie that does not decode is an ended session (requireUser says so to the person), not a fault.
        if (code === "JWT_SESSION_ERROR") console.warn("[auth] refused a session cookie that does not decode");
        else console.error(`[auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const forwardedFor = request.headers?.["x-forwarded-for"];
          const result = await authenticate({
            email: credentials?.email,
            password: credentials?.password,
            address: clientAddressFrom(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor),
          });
          // next-auth passes a thrown error's message to the sign-in form as `error`.
          if (!result.ok) throw new Error(result.message);
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            sessionVersion: result.user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion;
        }
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
    },
  };
  return options;
}
