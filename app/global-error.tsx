"use client";

import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="font-sans">
        <main id="main" className="mx-auto max-w-2xl px-4 py-16">
          <h1 className="font-serif text-3xl font-bold">Something went wrong on our side</h1>
          <p className="mt-4">
            Try again; if it keeps happening, tell your admin
            {error.digest ? ` and quote the reference ${error.digest}` : ""}.
          </p>
          <button type="button" className="mt-6 rounded-md bg-rose-800 px-3 py-2 text-white" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
