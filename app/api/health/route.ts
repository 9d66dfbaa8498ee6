// GET /api/health: the process answers. No database, no session: for a proxy's or orchestrator's liveness check.
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
