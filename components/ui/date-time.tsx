/** A machine-readable time shown in the newsroom's usual style. Rendered on the server, in UTC. */
export function DateTime({ value, fallback = "—" }: { value: Date | null; fallback?: string }) {
  if (!value) return <span className="text-stone-500">{fallback}</span>;
  return (
    <time dateTime={value.toISOString()} title={value.toISOString()}>
      {value.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
    </time>
  );
}
