import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/form-state";
import { acceptInvitationSchema, createUserSchema, setupAdminSchema } from "@/lib/validations/user";

function errorsOf(result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) {
  return result.success || !result.error ? {} : fieldErrorsOf(result.error);
}

describe("creating a user", () => {
  it("normalises a valid email and trims the name", () => {
    const result = createUserSchema.safeParse({ email: "  Ana@Newsroom.ORG ", name: "  Ana Silva ", role: "EDITOR" });
    expect(result.success && result.data).toEqual({ email: "ana@newsroom.org", name: "Ana Silva", role: "EDITOR" });
  });

  it("explains a malformed email beside the field", () => {
    const errors = errorsOf(createUserSchema.safeParse({ email: "ana@", name: "Ana", role: "REPORTER" }));
    expect(errors).toEqual({ email: "Enter a valid email address, like name@newsroom.org." });
  });

  it("refuses names over 200 characters and empty names", () => {
    expect(errorsOf(createUserSchema.safeParse({ email: "a@b.org", name: "n".repeat(201), role: "REPORTER" }))).toEqual(
      {
        name: "Names are at most 200 characters.",
      },
    );
    expect(errorsOf(createUserSchema.safeParse({ email: "a@b.org", name: "   ", role: "REPORTER" }))).toEqual({
      name: "Enter a name.",
    });
    expect(createUserSchema.safeParse({ email: "a@b.org", name: "n".repeat(200), role: "REPORTER" }).success).toBe(
      true,
    );
  });

  it("refuses a role outside the three roles", () => {
    expect(errorsOf(createUserSchema.safeParse({ email: "a@b.org", name: "Ana", role: "OWNER" }))).toEqual({
      role: "Choose a role: admin, editor or reporter.",
    });
  });
});

describe("choosing a password", () => {
  it("refuses a short password", () => {
    const errors = errorsOf(
      acceptInvitationSchema.safeParse({ name: "Ana", password: "short", confirmPassword: "short" }),
    );
    expect(errors.password).toBe("Use at least 12 characters.");
  });

  it("refuses a mismatched confirmation beside the confirmation field", () => {
    const errors = errorsOf(
      setupAdminSchema.safeParse({
        email: "a@b.org",
        name: "Ana",
        password: "a long enough passphrase",
        confirmPassword: "a long enough passphrasf",
      }),
    );
    expect(errors).toEqual({ confirmPassword: "The two passwords do not match." });
  });
});
