import { NextResponse, type NextRequest } from "next/server";
import { isSessionCookie } from "@/lib/auth/session-cookie";

// Convenience only: sends visitors without a session cookie straight to sign-in and tells layouts which path was
// asked for. The real gate is requireUser() in every staff layout, page, server action and route handler.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
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
  matcher: ["/desk/:path*", "/admin/:path*"],
};
