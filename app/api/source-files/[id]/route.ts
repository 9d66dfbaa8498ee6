import { handleApiErrors, jsonError } from "@/lib/api/response";
import { requireApiUser } from "@/lib/auth/session";
import { findSourceFileContent } from "@/lib/transcripts/queries";

/** GET /api/source-files/:id: the original upload, byte for byte, for staff who may see its transcript. */
export const GET = handleApiErrors(async (request: Request, { params }: RouteContext<"/api/source-files/[id]">) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  // A file whose transcript the caller may not see answers as a missing one does.
  const file = await findSourceFileContent(user, id);
  if (!file) return jsonError(404, "NOT_FOUND", "No such source file.");
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.mediaType,
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "cache-control": "private, no-store",
      "x-content-sha256": file.sha256,
    },
  });
});
