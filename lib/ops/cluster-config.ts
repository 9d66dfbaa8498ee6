// `npm run cluster`'s proxy and edge configuration, made from the shipped ones (deploy/nginx/verbatim.conf,
// deploy/varnish/default.vcl) with this machine's ports, so what the local cluster runs is what the docs describe.
// Pure text in, text out; scripts/cluster.ts writes the files and starts the programs.

export interface ClusterPorts {
  /** Where Varnish listens: the address readers use. */
  edge: number;
  /** Where nginx listens, for Varnish. */
  proxy: number;
  /** One per Verbatim server. */
  servers: number[];
}

/** deploy/nginx/verbatim.conf with the servers and nginx's own port of this cluster. */
export function nginxSiteConfig(shipped: string, ports: ClusterPorts): string {
  const serverLine = /^\s*server 127\.0\.0\.1:\d+ [^;]*;\n/gm;
  const lines = shipped.match(serverLine);
  if (!lines || lines.length === 0) throw new Error("deploy/nginx/verbatim.conf has no upstream server lines.");
  const options = /server 127\.0\.0\.1:\d+ ([^;]*);/.exec(lines[0]!)![1];
  const upstream = ports.servers.map((port) => `    server 127.0.0.1:${port} ${options};\n`).join("");
  let replaced = false;
  const site = shipped.replace(serverLine, () => {
    if (replaced) return "";
    replaced = true;
    return upstream;
  });
  if (!/listen 127\.0\.0\.1:\d+;/.test(site)) throw new Error("deploy/nginx/verbatim.conf has no listen line.");
  return site.replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${ports.proxy};`);
}

/** A whole nginx.conf around the site, for an nginx run in the foreground from `folder`, not as a system service. */
export function nginxMainConfig(site: string, folder: string): string {
  return [
    "daemon off;",
    "worker_processes 1;",
    `pid ${folder}/nginx.pid;`,
    `error_log ${folder}/nginx-error.log warn;`,
    "events { worker_connections 1024; }",
    "http {",
    "    access_log off;",
    `    client_body_temp_path ${folder}/client-body;`,
    `    proxy_temp_path ${folder}/proxy;`,
    `    fastcgi_temp_path ${folder}/fastcgi;`,
    `    uwsgi_temp_path ${folder}/uwsgi;`,
    `    scgi_temp_path ${folder}/scgi;`,
    site
      .split("\n")
      .map((line) => (line ? `    ${line}` : line))
      .join("\n"),
    "}",
    "",
  ].join("\n");
}

/** deploy/varnish/default.vcl pointed at this cluster's nginx. */
export function varnishConfig(shipped: string, ports: ClusterPorts): string {
  if (!/\.port = "\d+";/.test(shipped)) throw new Error("deploy/varnish/default.vcl has no backend port.");
  return shipped.replace(/\.port = "\d+";/, `.port = "${ports.proxy}";`);
}
