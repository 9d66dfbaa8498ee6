import type { NextConfig } from "next";

const isDevelopment = process.env.NODE_ENV === "development";

/** One static policy for every page (no per-request nonce, so public pages stay cacheable); `frameAncestors` differs. */
function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    // Next's inline hydration scripts need 'unsafe-inline'; eval is allowed only by the development server.
    `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // A transcript's recording (its media URL) plays from wherever the newsroom keeps it.
    "media-src 'self' https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

const commonHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** Nothing may frame the site (clickjacking)… */
const unframableHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy("'none'") },
  { key: "X-Frame-Options", value: "DENY" },
  ...commonHeaders,
];

/** …except the embeds, which exist to be framed by any news site. X-Frame-Options has no "anyone" value: none. */
const embedHeaders = [{ key: "Content-Security-Policy", value: contentSecurityPolicy("*") }, ...commonHeaders];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next hashes every cached page's whole HTML in JavaScript on every request to make an ETag: for a long
  // transcript that doubled the time to serve it from the cache (npm run bench:public). Pages are small next to
  // that cost and change only on publication, so they go without.
  generateEtags: false,
  // piscina starts its worker threads from a file beside its own code; bundled, that path no longer exists. pino and
  // prom-client load from node_modules too, so the server script and the app share one module of each.
  serverExternalPackages: ["piscina", "pino", "prom-client"],
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx when a signed-in user lacks the role.
    authInterrupts: true,
  },
  async headers() {
    // Next applies every rule whose source matches, and a later rule can override a header but never remove one: a
    // catch-all with X-Frame-Options: DENY would reach /embed too. So the two sources split every path between them:
    // /embed and everything under it (trailing slash too), and the rest.
    return [
      { source: "/((?!embed(?:/|$)).*)", headers: unframableHeaders },
      { source: "/(embed(?:/.*)?)", headers: embedHeaders },
      // Preview links (lib/preview-links): a working copy for whoever holds the token. Never indexed, never kept by a
      // shared cache, and the token never leaves in a Referer.
      {
        source: "/preview/:path*",
        headers: [
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "private, no-store" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default nextConfig;
