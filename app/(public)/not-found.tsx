import { NotFoundMessage } from "@/components/public/not-found-message";

/** A missing transcript, quote, speaker or topic: the public layout already has the header, main and footer. */
export default function PublicNotFound() {
  return <NotFoundMessage />;
}
