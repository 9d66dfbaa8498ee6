import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { createTestUser } from "@/lib/test/factories";
import { inviteUser, issuePasswordReset } from "@/lib/users/manage-users";

// A real SMTP server on loopback: what nodemailer sends is what a newsroom's mail server would receive.
const received: { to: string[]; body: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received.push({
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = "Desk <desk@newsroom.test>";
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await new Promise<void>((resolve) => server.close(resolve));
});

describe("links by email when SMTP_URL is set", () => {
  it("emails the invitation link to the new person and still returns it to the admin", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const invitation = await inviteUser({
      actor: admin,
      email: "mailed@newsroom.test",
      name: "Mai Led",
      role: "REPORTER",
    });
    expect(invitation.emailed).toBe(true);
    const message = received.find((mail) => mail.to.includes("mailed@newsroom.test"));
    expect(message?.body).toContain("Subject: You are invited to Verbatim");
    expect(message?.body.replace(/=\r?\n/g, "")).toContain(new URL(invitation.url).search.slice("?token=".length));
  });

  it("emails a password-reset link", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const reset = await issuePasswordReset({ actor: admin, userId: user.id });
    expect(reset.emailed).toBe(true);
    expect(
      received.some((mail) => mail.to.includes(user.email) && mail.body.includes("Reset your Verbatim password")),
    ).toBe(true);
  });

  it("reports a refused delivery as not emailed, without failing the invitation", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const admin = await createTestUser({ role: "ADMIN" });
    const invitation = await inviteUser({
      actor: admin,
      email: "unlucky@newsroom.test",
      name: "Un Lucky",
      role: "EDITOR",
    });
    expect(invitation.emailed).toBe(false);
    expect(invitation.url).toContain("/invite?token=");
  });
});
