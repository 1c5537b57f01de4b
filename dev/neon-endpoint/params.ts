// Converts JSON query parameters to Postgres text the way Neon's proxy does (json_to_pg_text):
// strings pass through, numbers/booleans print, arrays become array literals, objects JSON.

export function paramToPgText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return arrayLiteral(value);
  return JSON.stringify(value);
}

function arrayLiteral(items: unknown[]): string {
  const parts = items.map((item) => {
    if (item === null || item === undefined) return "NULL";
    if (Array.isArray(item)) return arrayLiteral(item);
    if (typeof item === "number" || typeof item === "boolean") return String(item);
    const text = typeof item === "string" ? item : JSON.stringify(item);
    return `"${text.replace(/[\\"]/g, "\\$&")}"`;
  });
  return `{${parts.join(",")}}`;
}
