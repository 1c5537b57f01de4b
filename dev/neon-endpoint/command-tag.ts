// Splits a Postgres CommandComplete tag ("INSERT 0 5", "SELECT 3", "CREATE TABLE") into the
// `command` and `rowCount` Neon replies with: INSERT's count is its third word, others' the second.

export function parseCommandTag(tag: string): { command: string; rowCount: number | null } {
  const words = tag.split(" ");
  const command = words[0] ?? "";
  const countWord = command === "INSERT" ? words[2] : words[1];
  const rowCount = countWord !== undefined && /^\d+$/.test(countWord) ? Number(countWord) : null;
  return { command, rowCount };
}
