import Link from "next/link";

/** What a setup, invitation or reset link shows when it cannot be used. */
export function LinkProblem({ title, message, advice }: { title: string; message: string; advice: string }) {
  return (
    <div data-testid="link-problem">
      <h1 className="font-serif text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-stone-800">{message}</p>
      <p className="mt-2 text-sm text-stone-600">{advice}</p>
      <p className="mt-6">
        <Link href="/signin" className="text-sm font-medium text-accent underline underline-offset-2">
          Go to sign-in
        </Link>
      </p>
    </div>
  );
}
