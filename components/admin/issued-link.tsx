import { IssuedSecret } from "@/components/ui/issued-secret";

/** A one-time setup, invitation or reset link, shown once to the admin who issued it. */
export function IssuedLink({ url, expiresAt, emailed }: { url: string; expiresAt: string; emailed: boolean }) {
  const until = new Date(expiresAt).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  return (
    <IssuedSecret
      label={`One-time link ${emailed ? "(also sent by email)" : "(pass it on yourself: email is not configured)"}`}
      secret={url}
      note={`Works once, until ${until} UTC.`}
    />
  );
}
