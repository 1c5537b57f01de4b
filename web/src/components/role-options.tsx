// The options of every role select (inviting a user, changing one's role, creating an API key): the roles from
// least to most allowed, each named in the reader's language.
import { t } from "../i18n/locale";

export const ROLES = ["viewer", "operator", "admin"] as const;

export function RoleOptions() {
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`role.${r}`)}
        </option>
      ))}
    </>
  );
}
