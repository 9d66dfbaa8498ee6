// GET /api/ready: 200 when the database answers and has every migration this build expects, else 503 with what is
// wrong. For a proxy's readiness check: a server that is up but not ready gets no readers.
import { checkReadiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "cache-control": "no-store", ...(readiness.ready ? {} : { "retry-after": "5" }) },
  });
}
