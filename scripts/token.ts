// `npm run token -- create --as EMAIL --name NAME` prints a new personal API token once (for automation set-up and
// scripted tests); `list --as EMAIL` and `revoke --as EMAIL --id ID` complete it. Same storage, audit entries and
// revocation as the tokens made on the account page.
import { parseArgs } from "node:util";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";

const USAGE = [
  "Usage:",
  "  npm run token -- create --as EMAIL --name NAME   prints the new token once, on its own line",
  "  npm run token -- list --as EMAIL                 the account's tokens (never their secrets)",
  "  npm run token -- revoke --as EMAIL --id ID       revokes one token",
].join("\n");

class UsageError extends Error {}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new UsageError(`${flag} is required.\n${USAGE}`);
  return value.trim();
}

async function findAccount(email: string) {
  const user = await db.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, email: true, active: true, passwordHash: true },
  });
  if (!user) throw new UsageError(`No account has the email ${email}.`);
  if (!user.active) throw new UsageError(`The account ${user.email} is deactivated; its tokens would not work.`);
  return user;
}

function formatDate(value: Date | null): string {
  return value ? value.toISOString().replace(/\.\d{3}Z$/, "Z") : "-";
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { as: { type: "string" }, name: { type: "string" }, id: { type: "string" } },
  });
  const [command, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`Unexpected argument ${rest[0]}.\n${USAGE}`);

  switch (command) {
    case "create": {
      const user = await findAccount(required(values.as, "--as"));
      const name = required(values.name, "--name");
      if (name.length > 100) throw new UsageError("--name is at most 100 characters.");
      const token = await createApiToken({ userId: user.id, name });
      // The secret alone on stdout, so `TOKEN=$(npm run token -- create …)` captures it; the rest to stderr.
      console.error(`Created token "${token.name}" (${token.prefix}…) for ${user.email}. It is shown only now.`);
      console.log(token.secret);
      return;
    }
    case "list": {
      const user = await findAccount(required(values.as, "--as"));
      const tokens = await listApiTokens(user.id);
      if (tokens.length === 0) {
        console.log(`${user.email} has no API tokens.`);
        return;
      }
      console.log(["id", "name", "prefix", "created", "last used", "revoked"].join("\t"));
      for (const token of tokens) {
        console.log(
          [
            token.id,
            token.name,
            `${token.prefix}…`,
            formatDate(token.createdAt),
            formatDate(token.lastUsedAt),
            formatDate(token.revokedAt),
          ].join("\t"),
        );
      }
      return;
    }
    case "revoke": {
      const user = await findAccount(required(values.as, "--as"));
      const tokenId = required(values.id, "--id");
      await revokeApiToken({ userId: user.id, tokenId });
      console.log(`Revoked token ${tokenId} of ${user.email}.`);
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command ${command}.\n${USAGE}` : USAGE);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const isBadArgument = (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ?? false;
    if (error instanceof UsageError || isAppError(error) || isBadArgument) {
      console.error((error as Error).message);
      process.exit(2);
    }
    console.error(`The token command failed: ${String(error)}`);
    process.exit(1);
  },
);
