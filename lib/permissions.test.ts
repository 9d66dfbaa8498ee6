import { describe, expect, it } from "vitest";
import {
  canChangeRole,
  canCorrectTranscript,
  canIssuePasswordReset,
  canManageUsers,
  canEditTranscript,
  canPublishTranscript,
  canSetActive,
  canShareTranscript,
  canSubmitTranscript,
  canViewTranscript,
  hasRole,
  isRole,
  type Actor,
} from "@/lib/permissions";

const admin: Actor = { id: "admin", role: "ADMIN", active: true };
const otherAdmin: Actor = { id: "admin-2", role: "ADMIN", active: true };
const editor: Actor = { id: "editor", role: "EDITOR", active: true };
const reporter: Actor = { id: "reporter", role: "REPORTER", active: true };

describe("roles", () => {
  it("ranks admin above editor above reporter", () => {
    expect(hasRole(admin, "EDITOR")).toBe(true);
    expect(hasRole(editor, "REPORTER")).toBe(true);
    expect(hasRole(editor, "ADMIN")).toBe(false);
    expect(hasRole(reporter, "EDITOR")).toBe(false);
  });

  it("gives a deactivated account no role at all", () => {
    expect(hasRole({ ...admin, active: false }, "REPORTER")).toBe(false);
    expect(canManageUsers({ ...admin, active: false })).toBe(false);
  });

  it("recognises only the three roles", () => {
    expect(isRole("EDITOR")).toBe(true);
    expect(isRole("SUPERUSER")).toBe(false);
    expect(isRole("admin")).toBe(false);
  });
});

describe("managing users", () => {
  it("lets only admins manage users", () => {
    expect(canManageUsers(admin)).toBe(true);
    expect(canManageUsers(editor)).toBe(false);
    expect(canChangeRole(editor, reporter, "EDITOR", 1)).toEqual({
      allowed: false,
      reason: "Only admins can change roles.",
    });
    expect(canSetActive(reporter, editor, false, 1).allowed).toBe(false);
    expect(canIssuePasswordReset(editor, reporter).allowed).toBe(false);
  });

  it("refuses to change one's own role", () => {
    expect(canChangeRole(admin, admin, "EDITOR", 2).allowed).toBe(false);
  });

  it("never demotes the last active admin", () => {
    expect(canChangeRole(admin, otherAdmin, "EDITOR", 1).allowed).toBe(false);
    expect(canChangeRole(admin, otherAdmin, "EDITOR", 2).allowed).toBe(true);
  });

  it("refuses to deactivate oneself or the last active admin", () => {
    expect(canSetActive(admin, admin, false, 3)).toEqual({
      allowed: false,
      reason: "You cannot deactivate your own account.",
    });
    expect(canSetActive(admin, otherAdmin, false, 1).allowed).toBe(false);
    expect(canSetActive(admin, otherAdmin, false, 2).allowed).toBe(true);
    expect(canSetActive(admin, reporter, false, 1).allowed).toBe(true);
  });

  it("issues reset links only for active accounts", () => {
    expect(canIssuePasswordReset(admin, reporter).allowed).toBe(true);
    expect(canIssuePasswordReset(admin, { ...reporter, active: false }).allowed).toBe(false);
  });
});

describe("transcripts", () => {
  const own = { createdById: reporter.id, sharedWith: [] };
  const someoneElses = { createdById: "reporter-2", sharedWith: [] };
  const sharedWithReporter = { createdById: "reporter-2", sharedWith: [reporter.id] };

  it("lets a reporter view and edit their own and shared transcripts only", () => {
    expect(canViewTranscript(reporter, own)).toBe(true);
    expect(canEditTranscript(reporter, own)).toBe(true);
    expect(canViewTranscript(reporter, sharedWithReporter)).toBe(true);
    expect(canEditTranscript(reporter, sharedWithReporter)).toBe(true);
    expect(canViewTranscript(reporter, someoneElses)).toBe(false);
    expect(canEditTranscript(reporter, someoneElses)).toBe(false);
  });

  it("lets editors and admins view and edit every transcript", () => {
    for (const actor of [editor, admin]) {
      expect(canViewTranscript(actor, someoneElses)).toBe(true);
      expect(canEditTranscript(actor, someoneElses)).toBe(true);
    }
  });

  it("gives a deactivated account nothing, not even its own", () => {
    expect(canViewTranscript({ ...reporter, active: false }, own)).toBe(false);
    expect(canViewTranscript({ ...admin, active: false }, someoneElses)).toBe(false);
  });

  it("lets the owner, editors and admins share, but not a colleague it was shared with", () => {
    expect(canShareTranscript(reporter, own).allowed).toBe(true);
    expect(canShareTranscript(editor, someoneElses).allowed).toBe(true);
    expect(canShareTranscript(reporter, sharedWithReporter)).toEqual({
      allowed: false,
      reason: "Only the transcript's owner, editors and admins can share it.",
    });
  });
});

describe("publishing", () => {
  const own = { createdById: reporter.id, sharedWith: [] };
  const someoneElses = { createdById: "reporter-2", sharedWith: [] };
  const sharedWithReporter = { createdById: "reporter-2", sharedWith: [reporter.id] };

  it("lets anyone who may edit a transcript submit it, and no one else", () => {
    expect(canSubmitTranscript(reporter, own)).toEqual({ allowed: true });
    expect(canSubmitTranscript(reporter, sharedWithReporter)).toEqual({ allowed: true });
    expect(canSubmitTranscript(reporter, someoneElses)).toEqual({
      allowed: false,
      reason: "You cannot submit a transcript you cannot edit.",
    });
    expect(canSubmitTranscript(editor, someoneElses).allowed).toBe(true);
    expect(canSubmitTranscript(admin, someoneElses).allowed).toBe(true);
  });

  it("refuses a deactivated account submission, even of its own transcript", () => {
    expect(canSubmitTranscript({ ...reporter, active: false }, own).allowed).toBe(false);
    expect(canSubmitTranscript({ ...editor, active: false }, someoneElses).allowed).toBe(false);
  });

  it("lets editors and admins publish and correct, never reporters", () => {
    for (const actor of [editor, admin]) {
      expect(canPublishTranscript(actor)).toEqual({ allowed: true });
      expect(canCorrectTranscript(actor)).toEqual({ allowed: true });
    }
    expect(canPublishTranscript(reporter)).toEqual({
      allowed: false,
      reason: "Only editors and admins can publish, schedule or unpublish.",
    });
    expect(canCorrectTranscript(reporter)).toEqual({
      allowed: false,
      reason: "Only editors and admins can record a public correction.",
    });
  });

  it("refuses a deactivated editor or admin publishing and correcting", () => {
    for (const actor of [editor, admin]) {
      const inactive = { ...actor, active: false };
      expect(canPublishTranscript(inactive)).toEqual({ allowed: false, reason: "This account is deactivated." });
      expect(canCorrectTranscript(inactive)).toEqual({ allowed: false, reason: "This account is deactivated." });
    }
  });
});
