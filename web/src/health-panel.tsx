// Shows what /api/health reports: overall status, each check, and the version.
import { signal } from "@preact/signals";

interface HealthReport {
  status: "ok" | "degraded";
  version: string;
  failing: string[];
  checks: Record<string, { ok: boolean; ms: number; error?: string }>;
}

const health = signal<HealthReport | null>(null);
const loadError = signal<string | null>(null);

fetch("/api/health")
  .then(async (response) => {
    health.value = (await response.json()) as HealthReport;
  })
  .catch((error: unknown) => {
    loadError.value = error instanceof Error ? error.message : String(error);
  });

export function HealthPanel() {
  const report = health.value;
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", margin: "2rem" }}>
      <h1>MI Core Edge</h1>
      {loadError.value && <p role="alert">Could not reach the API: {loadError.value}</p>}
      {!report && !loadError.value && <p>Checking the service…</p>}
      {report && (
        <section aria-label="Service health">
          <p data-testid="health-status">
            Status: <strong>{report.status}</strong> · version {report.version}
          </p>
          <ul>
            {Object.entries(report.checks).map(([name, check]) => (
              <li key={name}>
                {name}: {check.ok ? "ok" : `failing (${check.error ?? "unknown error"})`} · {check.ms} ms
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
