import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nginxMainConfig, nginxSiteConfig, varnishConfig } from "@/lib/ops/cluster-config";

const shippedNginx = fs.readFileSync(path.join(process.cwd(), "deploy", "nginx", "verbatim.conf"), "utf8");
const shippedVarnish = fs.readFileSync(path.join(process.cwd(), "deploy", "varnish", "default.vcl"), "utf8");
const ports = { edge: 7081, proxy: 7080, servers: [4101, 4102, 4103] };

describe("the local cluster's configuration", () => {
  it("sends nginx's traffic to every server of the cluster, with the shipped options, on its own port", () => {
    const site = nginxSiteConfig(shippedNginx, ports);
    const upstream = /upstream verbatim \{([\s\S]*?)\}/.exec(site)![1]!;
    expect([...upstream.matchAll(/server 127\.0\.0\.1:(\d+) max_fails=2 fail_timeout=5s;/g)].map((m) => m[1])).toEqual([
      "4101",
      "4102",
      "4103",
    ]);
    expect(upstream).toContain("keepalive 32;");
    expect(site).toContain("listen 127.0.0.1:7080;");
    const directives = site
      .split("\n")
      .filter((line) => !line.trim().startsWith("#"))
      .join("\n");
    expect(directives).not.toContain(":3001");
    expect(directives).not.toContain(":8080");
    // Everything else is the shipped file's: the SSE location, the retry rule, the health check.
    for (const line of [
      "proxy_buffering off;",
      "proxy_next_upstream error timeout http_502 http_503;",
      "location = /api/health",
    ]) {
      expect(site).toContain(line);
    }
  });

  it("wraps the site in an nginx.conf that keeps every file in the cluster's folder", () => {
    const main = nginxMainConfig(nginxSiteConfig(shippedNginx, ports), "/srv/cluster/nginx");
    expect(main).toMatch(/^daemon off;/);
    expect(main).toContain("pid /srv/cluster/nginx/nginx.pid;");
    expect(main).toContain("proxy_temp_path /srv/cluster/nginx/proxy;");
    expect(main.match(/\{/g)?.length).toBe(main.match(/\}/g)?.length);
  });

  it("points Varnish at the cluster's nginx and keeps the shipped purge rules", () => {
    const vcl = varnishConfig(shippedVarnish, ports);
    expect(vcl).toContain('.port = "7080";');
    expect(vcl).not.toContain('.port = "8080";');
    expect(vcl).toContain("import xkey;");
    expect(vcl).toContain('req.method == "PURGE"');
  });
});
