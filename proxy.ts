import { NextResponse, type NextRequest } from "next/server";
import { isSessionCookie } from "@/lib/auth/session-cookie";
import { isSameOriginRequest } from "@/lib/http/same-origin";

/** Paths that need a signed-in staff member; the matcher's other entry is there for the cross-site check only. */
const STAFF_PATH = /^\/(desk|admin)(\/|$)/;

// Convenience and one early refusal. Visitors without a session cookie go straight to sign-in, and layouts learn
// which path was asked for; the real gate is requireUser() in every staff layout, page, server action and route
// handler. A server action posted from another site (or an opaque "null" origin) would be refused by Next.js
// anyway, but as a 500 with an error in the log: it gets a plain 403 here instead.
export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && !isSameOriginRequest(request.headers)) {
    return new NextResponse("Cross-site form submissions are refused. Open Verbatim's own page and try again.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { pathname, search } = request.nextUrl;
  if (!STAFF_PATH.test(pathname)) return NextResponse.next();

  const path = `${pathname}${search}`;
  const hasSessionCookie = request.cookies.getAll().some((cookie) => isSessionCookie(cookie.name));
  if (!hasSessionCookie) {
    const url = new URL("/signin", request.url);
    url.searchParams.set("callbackUrl", path);
    return NextResponse.redirect(url);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-verbatim-path", path);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  matcher: [
    "/desk/:path*",
    "/admin/:path*",
    // Server-action posts to any page, and nothing else: public pages are not slowed down.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
