import Link from "next/link";
import type { ReactNode } from "react";
import { getSiteName } from "@/lib/site";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-stone-100 px-4 py-12">
      <Link href="/" className="mb-8 font-serif text-3xl font-bold tracking-tight">
        {getSiteName()}
      </Link>
      <main id="main" className="w-full max-w-md rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        {children}
      </main>
    </div>
  );
}
