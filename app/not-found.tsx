import { NotFoundMessage } from "@/components/public/not-found-message";
import { SiteFooter, SiteHeader } from "@/components/public/site-header";

/** An address no route knows: only the root layout is around it, so this page brings the header and footer. */
export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <main id="main" className="w-full flex-1 px-4 py-10">
        <NotFoundMessage />
      </main>
      <SiteFooter />
    </div>
  );
}
