import type { Metadata } from "next";
import { NameForm, PasswordForm } from "@/components/staff/account-forms";
import { requireUser } from "@/lib/auth/session";
import { changePasswordAction, updateNameAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <div>
        <h1 className="font-serif text-3xl font-bold">Your account</h1>
        <p className="mt-1 text-sm text-stone-600">
          Signed in as <strong className="text-ink">{user.email}</strong>. Only an admin can change your email or role.
        </p>
      </div>
      <section aria-labelledby="name-title" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="name-title" className="mb-4 text-lg font-semibold">
          Name
        </h2>
        <NameForm action={updateNameAction} name={user.name} />
      </section>
      <section aria-labelledby="password-title" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="password-title" className="mb-4 text-lg font-semibold">
          Password
        </h2>
        <PasswordForm action={changePasswordAction} />
      </section>
    </div>
  );
}
