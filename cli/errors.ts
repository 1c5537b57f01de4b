// How a failure is told and which exit code it gets: 2 for argument errors, 1 for the API's errors (with its
// message and requestId), an unreachable Worker or database, and anything unexpected.
import { ApiRequestError, ApiUnreachableError } from "./api-client";
import { ArgumentError } from "./args";

export function describeFailure(
  error: unknown,
  command: string | undefined,
): { message: string; code: number } {
  const where = command ? `${command}: ` : "";
  if (error instanceof ArgumentError) {
    const help = command ? `npm run cli -- ${command} --help` : "npm run cli -- --help";
    return { message: `error: ${where}${error.message}\n(see \`${help}\`)`, code: 2 };
  }
  if (error instanceof ApiRequestError) {
    const id = error.requestId ? `, requestId ${error.requestId}` : "";
    return { message: `error: ${where}${error.message} (HTTP ${error.status} ${error.code}${id})`, code: 1 };
  }
  if (error instanceof ApiUnreachableError) {
    return {
      message: `error: ${where}${error.message}; is the Worker running (npm run dev) or --url right?`,
      code: 1,
    };
  }
  const text = rootMessage(error);
  const hint = text.startsWith("Error connecting to database")
    ? "; is the database's endpoint running (npm run dev) and --database-url right?"
    : "";
  return { message: `error: ${where}${text}${hint}`, code: 1 };
}

/** The innermost cause's message: drizzle wraps driver errors in "Failed query: <sql>". */
export function rootMessage(error: unknown): string {
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}
