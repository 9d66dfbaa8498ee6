import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Desk" };

export default async function DeskPage() {
  // Layouts do not re-run on every navigation, so each page checks the session itself too.
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-bold">Good to see you, {user.name.split(" ")[0]}</h1>
      <section className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 className="font-semibold">Your account</h2>
        <p className="mt-1 text-sm text-stone-700">
          Change your name or password on{" "}
          <Link href="/desk/account" className="text-accent underline">
            your account page
          </Link>
          .
        </p>
      </section>
    </div>
  );
}
