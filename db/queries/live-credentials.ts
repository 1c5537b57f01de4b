// Which of the given credentials still let their holder in: sessions not expired whose user is not disabled, API
// keys not revoked. The progress sockets ask before each push, so a revoked caller stops receiving at once.
import { type SQL, sql } from "drizzle-orm";

/** Rows of `credential`: the token hashes and API key ids (as text) among those given that are still live. */
export function liveCredentialsSql(sessionTokenHashes: string[], apiKeyIds: string[]): SQL {
  return sql`select s.token_hash as credential from sessions s join users u on u.id = s.user_id
      where s.token_hash = any(${sql.param(sessionTokenHashes)}::text[]) and s.expires_at > now()
        and u.disabled_at is null and u.org_id = s.org_id
    union all
    select k.id::text from api_keys k
      where k.id::text = any(${sql.param(apiKeyIds)}::text[]) and k.revoked_at is null`;
}
