import { transcriptExportJsonSchema } from "@/lib/export/json-schema";

/** GET /api/public/export-schema.json: the JSON Schema of the export JSON (and of GET /api/public/transcripts/:slug). */
export function GET() {
  return Response.json(transcriptExportJsonSchema(), {
    headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
