import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { securePrivateFiles } from "./prepare-database";
import { serverEnvironment, setupLinkReminder } from "./start";

describe("npm start's server environment", () => {
  it("leaves out the first admin's password and sets the port", () => {
    const environment = serverEnvironment("3999", {
      NODE_ENV: "production",
      ADMIN_EMAIL: "chief@newsroom.test",
      ADMIN_PASSWORD: "a secret that must not linger",
      SITE_NAME: "Verbatim",
    });
    expect(environment).not.toHaveProperty("ADMIN_PASSWORD");
    expect(environment).toMatchObject({ ADMIN_EMAIL: "chief@newsroom.test", SITE_NAME: "Verbatim", PORT: "3999" });
  });
});

describe("securePrivateFiles", () => {
  it("creates the database folder as 0700 and makes the database and its WAL files 0600", () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-modes-"));
    const file = path.join(parent, "data", "verbatim.db");
    securePrivateFiles(file);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);

    for (const name of [file, `${file}-wal`, `${file}-shm`]) fs.writeFileSync(name, "", { mode: 0o644 });
    securePrivateFiles(file);
    for (const name of [file, `${file}-wal`, `${file}-shm`]) expect(fs.statSync(name).mode & 0o777).toBe(0o600);
  });

  it("does not change the mode of a shared folder it did not create", () => {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-shared-"));
    fs.chmodSync(shared, 0o755);
    securePrivateFiles(path.join(shared, "verbatim.db"));
    expect(fs.statSync(shared).mode & 0o777).toBe(0o755);
  });
});

describe("the setup link on a first start", () => {
  const link = { url: "http://localhost:3000/setup?token=abc", expiresAt: new Date("2026-12-08T12:00:00Z") };

  it("is repeated after the build's output, when a build ran", () => {
    const reminder = setupLinkReminder({ kind: "setup-link", link }, true);
    expect(reminder?.trim().split("\n").at(-1)).toContain("http://localhost:3000/setup?token=abc");
  });

  it("is not repeated when nothing buried it, or when there is no link", () => {
    expect(setupLinkReminder({ kind: "setup-link", link }, false)).toBeNull();
    expect(setupLinkReminder({ kind: "ready" }, true)).toBeNull();
    expect(setupLinkReminder({ kind: "created-admin", email: "chief@newsroom.test" }, true)).toBeNull();
  });
});
