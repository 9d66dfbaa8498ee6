import { getSiteName } from "@/lib/site";
import { errorFields, log } from "@/lib/ops/log";

export function isMailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/**
 * Sends a plain-text message when SMTP_URL is set. Returns false (and the caller shows the link instead) when mail
 * is not configured or the server refuses: a failed email never blocks the admin's change.
 */
export async function sendMail({ to, subject, text }: { to: string; subject: string; text: string }): Promise<boolean> {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) return false;
  try {
    const nodemailer = await import("nodemailer");
    const transport = nodemailer.createTransport(smtpUrl);
    await transport.sendMail({
      from: process.env.MAIL_FROM || `${getSiteName()} <no-reply@localhost>`,
      to,
      subject,
      text,
    });
    return true;
  } catch (error) {
    log.error(errorFields(error), "sending an email failed");
    return false;
  }
}
