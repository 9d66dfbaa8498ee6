// Which process serves a port, and how much memory it holds, read from /proc (Linux): the server under test is
// started by Playwright, so its pid is found through the listening socket's inode.
import fs from "node:fs";

/** The pid of the process listening on `port` (IPv4 or IPv6), from /proc/net/tcp* and the /proc/<pid>/fd links. */
export function findListeningPid(port: number): number {
  const portHex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is "ADDRESS:PORT" in hex; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${portHex}`) && fields[3] === "0A" && fields[9]) inodes.add(`socket:[${fields[9]}]`);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let descriptors: string[];
    try {
      descriptors = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const descriptor of descriptors) {
      try {
        if (inodes.has(fs.readlinkSync(`/proc/${pid}/fd/${descriptor}`))) return Number(pid);
      } catch {
        // closed while we looked
      }
    }
  }
  throw new Error(`No process is listening on port ${port}.`);
}

/** Resident memory (VmRSS) of `pid`, in bytes. */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match?.[1]) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(match[1]) * 1024;
}
