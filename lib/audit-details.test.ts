import { describe, expect, it } from "vitest";
import { describeAuditDetails, readableEnumValue } from "@/lib/audit-details";
import { roleLabel } from "@/lib/format/labels";

describe("roles as people read them", () => {
  it("names every stored role in words", () => {
    expect(roleLabel("ADMIN")).toBe("Admin");
    expect(roleLabel("EDITOR")).toBe("Editor");
    expect(roleLabel("REPORTER")).toBe("Reporter");
  });

  it("leaves anything that is not a role as it is", () => {
    expect(roleLabel("OWNER")).toBe("OWNER");
    expect(roleLabel("editor")).toBe("editor");
  });

  it("reads transcript statuses too, so a workflow event's from/to is readable", () => {
    expect(readableEnumValue("IN_REVIEW")).toBe("In review");
    expect(readableEnumValue("PUBLISHED")).toBe("Published");
  });
});

describe("audit details", () => {
  it("shows a role change with readable role names", () => {
    expect(describeAuditDetails({ email: "rory@newsroom.test", from: "REPORTER", to: "EDITOR" })).toEqual([
      { key: "email", label: "Email", value: "rory@newsroom.test" },
      { key: "from", label: "From", value: "Reporter" },
      { key: "to", label: "To", value: "Editor" },
    ]);
  });

  it("shows an invitation's role and a deactivation's reason", () => {
    expect(describeAuditDetails({ email: "n@newsroom.test", name: "Nadia", role: "ADMIN" })).toContainEqual({
      key: "role",
      label: "Role",
      value: "Admin",
    });
    expect(
      describeAuditDetails({ email: "n@newsroom.test", reason: "Left the newsroom on 30 November" }),
    ).toContainEqual({ key: "reason", label: "Reason", value: "Left the newsroom on 30 November" });
  });

  it("words unknown keys and non-text values instead of dumping them", () => {
    expect(describeAuditDetails({ restoredLines: 3, reissued: false, tokenIds: ["a", "b"] })).toEqual([
      { key: "restoredLines", label: "Restored lines", value: "3" },
      { key: "reissued", label: "Invitation sent again", value: "no" },
      { key: "tokenIds", label: "Tokens", value: "a, b" },
    ]);
  });

  it("leaves out empty details", () => {
    expect(describeAuditDetails({ note: "", reason: null, email: "e@newsroom.test" })).toEqual([
      { key: "email", label: "Email", value: "e@newsroom.test" },
    ]);
  });
});
