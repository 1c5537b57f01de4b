// What a server error may say in the logs: a code (the PostgreSQL SQLSTATE when the database refused, else
// the error's name), a redacted message and the stack frames. Never a bound parameter, password, hash, key,
// token or cookie: drizzle's "Failed query: … params: …" message carries every value of the statement
// (a user's PBKDF2 hash, an API key's SHA-256), so it and the stack's first line are never written.

/** Runs of 20+ token characters with a digit in them: hashes, salts, API keys, session tokens, JWTs. */
const SECRET_LIKE = /[A-Za-z0-9+/=_$.:-]*[0-9][A-Za-z0-9+/=_$.:-]*/g;
const MAX_MESSAGE = 300;

export interface ServerErrorLog {
  code: string;
  message: string;
  frames: string[];
}

/** The innermost error of a cause chain: the driver's own error under drizzle's wrapper. */
function rootCause(error: Error): Error {
  let current = error;
  while (current.cause instanceof Error) current = current.cause;
  return current;
}

/** Removes every value that could be a secret from a message meant for the logs. */
export function redact(message: string): string {
  const withoutParams = message.split(/\bparams:/)[0] ?? "";
  const withoutSecrets = withoutParams.replace(SECRET_LIKE, (token) =>
    token.length >= 20 ? "[redacted]" : token,
  );
  // PostgreSQL quotes a refused value after a colon (`invalid input syntax for type uuid: "…"`); quoted
  // names elsewhere are constraints and types, kept because they say what failed.
  const withoutQuoted = withoutSecrets
    .replace(/'[^']*'/g, "'[redacted]'")
    .replace(/: "[^"]*"/g, ': "[redacted]"');
  return withoutQuoted.length > MAX_MESSAGE ? `${withoutQuoted.slice(0, MAX_MESSAGE)}…` : withoutQuoted;
}

export function describeServerError(error: Error): ServerErrorLog {
  const root = rootCause(error);
  const sqlState = (root as { code?: unknown }).code;
  const queryFailed = root !== error || error.message.startsWith("Failed query:");
  return {
    code: typeof sqlState === "string" && sqlState ? sqlState : root.name,
    // A driver's message is PostgreSQL's own sentence; a query wrapper's message is the statement with its values.
    message: redact(queryFailed && root === error ? "query failed" : root.message),
    frames: (error.stack ?? "")
      .split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8)
      .map((line) => line.trim()),
  };
}
