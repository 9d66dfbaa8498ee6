import { describe, expect, it } from "vitest";
import { mayReadMetrics, metrics, recordRequest, routeGroup } from "@/lib/ops/metrics";

describe("route groups", () => {
  it("puts every kind of address in a group of its own", () => {
    const cases: [string, string][] = [
      ["/", "public_page"],
      ["/t/nato-briefing", "public_page"],
      ["/t/nato-briefing/export/docx", "public_page"],
      ["/speakers/jens-stoltenberg", "public_page"],
      ["/search", "search"],
      ["/feed.xml", "feed"],
      ["/topics/fisheries/atom.xml", "feed"],
      ["/sitemap.xml", "feed"],
      ["/embed/q/abc", "embed"],
      ["/api/public/transcripts/nato", "public_api"],
      ["/api/oembed", "public_api"],
      ["/api/transcripts/abc/segments/def", "staff_api"],
      ["/api/source-files/abc", "staff_api"],
      ["/api/auth/callback/credentials", "auth"],
      ["/signin", "auth"],
      ["/reset-password/xyz", "auth"],
      ["/desk", "desk"],
      ["/desk/transcripts/abc", "desk"],
      ["/admin", "desk"],
      ["/_next/static/chunks/a.js", "static"],
      ["/favicon.ico", "static"],
      ["/manifest.webmanifest", "static"],
      ["/api/health", "health"],
      ["/api/ready", "health"],
      ["/api/internal/expire", "internal"],
      ["/metrics", "metrics"],
      // Not fooled by look-alikes.
      ["/desktop-publishing", "public_page"],
      ["/t/feed.xml-story", "public_page"],
      ["/searchlight", "public_page"],
    ];
    expect(cases.map(([path]) => [path, routeGroup(path)])).toEqual(cases);
  });
});

describe("who may read /metrics", () => {
  it("lets in a direct loopback connection, not one a proxy forwarded, and anyone with the token", () => {
    expect(mayReadMetrics({ remoteAddress: "127.0.0.1" }, undefined)).toBe(true);
    expect(mayReadMetrics({ remoteAddress: "::1" }, undefined)).toBe(true);
    expect(mayReadMetrics({ remoteAddress: "::ffff:127.0.0.1" }, undefined)).toBe(true);
    expect(mayReadMetrics({ remoteAddress: "127.0.0.1", forwardedFor: "203.0.113.9" }, undefined)).toBe(false);
    expect(mayReadMetrics({ remoteAddress: "10.0.0.7" }, undefined)).toBe(false);
    expect(
      mayReadMetrics({ remoteAddress: "10.0.0.7", authorization: "Bearer s3cret-scraper" }, "s3cret-scraper"),
    ).toBe(true);
    expect(
      mayReadMetrics({ remoteAddress: "10.0.0.7", authorization: "Bearer s3cret-scrapes" }, "s3cret-scraper"),
    ).toBe(false);
    expect(mayReadMetrics({ remoteAddress: "10.0.0.7", authorization: "Bearer " }, "")).toBe(false);
  });
});

describe("the registry", () => {
  it("counts requests per group and status, and their latency", async () => {
    recordRequest("/t/a", "GET", 200, 0.004);
    recordRequest("/t/b", "GET", 200, 0.3);
    recordRequest("/api/transcripts/x", "PATCH", 409, 0.02);
    const text = await metrics().registry.metrics();
    expect(text).toContain('verbatim_http_requests_total{group="public_page",method="GET",status="200"} 2');
    expect(text).toContain('verbatim_http_requests_total{group="staff_api",method="PATCH",status="409"} 1');
    expect(text).toContain('verbatim_http_request_duration_seconds_bucket{le="0.005",group="public_page"} 1');
    expect(text).toContain('verbatim_http_request_duration_seconds_count{group="public_page"} 2');
    expect(text).toContain("verbatim_process_resident_memory_bytes");
    expect(text).toContain('verbatim_ingest_tasks{state="queued"} 0');
  });
});
