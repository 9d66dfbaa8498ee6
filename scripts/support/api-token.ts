// A personal API token for a benchmark's admin, made as an operator would make one beside the server: `npm run token
// -- create` against the server's database.
import { spawnSync } from "node:child_process";

export function createBenchToken({ databaseUrl, email, name }: { databaseUrl: string; email: string; name: string }) {
  const result = spawnSync("npm", ["run", "--silent", "token", "--", "create", "--as", email, "--name", name], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 120_000,
  });
  const token = result.stdout
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.startsWith("vbt_"));
  if (result.status !== 0 || !token) throw new Error(`npm run token failed:\n${result.stdout}${result.stderr}`);
  return token;
}
