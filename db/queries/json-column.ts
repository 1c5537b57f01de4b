// A json column as a driver hands it over: the HTTP driver and PGlite parse it, a text answer does not.
export function jsonColumn<T = unknown>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
