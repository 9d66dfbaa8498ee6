// `npm run setup-link`: prints a fresh first-admin setup link (earlier ones stop working). Refused once any
// account exists.
import { isAppError } from "@/lib/errors";
import { issueSetupLink } from "@/lib/users/first-admin";

issueSetupLink()
  .then((link) => {
    console.log(link.url);
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(isAppError(error) ? error.message : `Could not issue a setup link: ${String(error)}`);
    process.exit(isAppError(error) ? 2 : 1);
  });
