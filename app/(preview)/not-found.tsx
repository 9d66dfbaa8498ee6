import { NotFoundMessage } from "@/components/public/not-found-message";

/** An unknown, expired or revoked preview link: the preview layout already has the header and main. */
export default function PreviewNotFound() {
  return <NotFoundMessage />;
}
