import type { NextConfig } from "next";

const isDevelopment = process.env.NODE_ENV === "development";

// One static policy for every page: no per-request nonce, so public pages stay cacheable. Next's inline hydration
// scripts need 'unsafe-inline'; eval is allowed only by the development server.
const contentSecurityPolicy = [
  "default-src 'self'",
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
  // Embeds (a later issue) will relax this for /embed only.
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next hashes every cached page's whole HTML in JavaScript on every request to make an ETag: for a long
  // transcript that doubled the time to serve it from the cache (npm run bench:public). Pages are small next to
  // that cost and change only on publication, so they go without.
  generateEtags: false,
  // piscina starts its worker threads from a file beside its own code; bundled, that path no longer exists.
  serverExternalPackages: ["piscina"],
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx when a signed-in user lacks the role.
    authInterrupts: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
