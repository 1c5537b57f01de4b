// Settings → Users (admin): invite a user with a role (the API makes an initial password, shown here once for
// the admin to hand over), change a user's role, disable or enable them (disabling ends their sessions).

import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { type ApiFailure, apiGet, apiRequest } from "../../api/client";
import type { Role } from "../../api/types";
import { Field } from "../../components/field";
import { RoleOptions } from "../../components/role-options";
import { errorText } from "../../components/states";
import { TableRegion } from "../../components/table-region";
import { t } from "../../i18n/locale";
import { toFailure } from "../../models/resource";
import { session } from "../../models/session";

interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: string | null;
}

export function Users() {
  const users = useSignal<User[] | null>(null);
  const email = useSignal("");
  const name = useSignal("");
  const role = useSignal<Role>("viewer");
  const invited = useSignal<{ email: string; password: string } | null>(null);
  const error = useSignal<ApiFailure | null>(null);
  const load = () => {
    apiGet<{ items: User[] }>("/api/users").then(
      (body) => (users.value = body.items),
      (failure) => (error.value = toFailure(failure)),
    );
  };
  useEffect(load, []);
  async function act(action: () => Promise<unknown>) {
    error.value = null;
    try {
      await action();
      load();
    } catch (failure) {
      error.value = toFailure(failure);
    }
  }
  const invite = () =>
    act(async () => {
      const created = await apiRequest<User & { initialPassword?: string }>("POST", "/api/users", {
        body: { email: email.value.trim(), name: name.value.trim(), role: role.value },
      });
      invited.value = { email: created.email, password: created.initialPassword ?? "" };
      email.value = name.value = "";
    });
  const me = session.me.value?.user?.id;
  return (
    <section class="card" data-testid="users">
      <h2>{t("users.title")}</h2>
      <form
        class="invite-form"
        data-testid="invite-user"
        onSubmit={(event) => {
          event.preventDefault();
          void invite();
        }}
      >
        <div class="form-grid">
          <Field label={t("users.email")}>
            <input
              type="email"
              name="email"
              required
              value={email.value}
              onInput={(e) => (email.value = e.currentTarget.value)}
            />
          </Field>
          <Field label={t("users.name")}>
            <input
              name="name"
              value={name.value}
              maxLength={200}
              onInput={(e) => (name.value = e.currentTarget.value)}
            />
          </Field>
          <Field label={t("users.role")}>
            <select
              name="role"
              value={role.value}
              onChange={(e) => (role.value = e.currentTarget.value as Role)}
            >
              <RoleOptions />
            </select>
          </Field>
        </div>
        <div class="toolbar">
          <button type="submit" class="button">
            {t("users.invite")}
          </button>
        </div>
      </form>
      {invited.value && (
        <p class="notice" role="status" data-testid="user-invited">
          {t("users.passwordShownOnce")} {invited.value.email}:{" "}
          <code class="secret">{invited.value.password}</code>
        </p>
      )}
      {error.value && (
        <p class="form-error" role="alert">
          {errorText(error.value, { name: "users.name" })}
        </p>
      )}
      {users.value && (
        <TableRegion label={t("users.title")} pinned={false}>
          <table>
            <thead>
              <tr>
                <th>{t("users.email")}</th>
                <th>{t("users.role")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.value.map((user) => (
                <tr key={user.id}>
                  <td>
                    <span translate={false}>{user.email}</span>{" "}
                    <span class="muted small" translate={false}>
                      {user.name}
                    </span>
                  </td>
                  <td>
                    <select
                      aria-label={`${t("users.role")}: ${user.email}`}
                      value={user.role}
                      disabled={user.id === me}
                      onChange={(e) =>
                        void act(() =>
                          apiRequest("PATCH", `/api/users/${user.id}`, {
                            body: { role: e.currentTarget.value },
                          }),
                        )
                      }
                    >
                      <RoleOptions />
                    </select>
                  </td>
                  <td>
                    {user.id !== me && (
                      <button
                        type="button"
                        class="button small"
                        onClick={() =>
                          void act(() =>
                            apiRequest("PATCH", `/api/users/${user.id}`, {
                              body: { disabled: !user.disabledAt },
                            }),
                          )
                        }
                      >
                        {user.disabledAt ? t("users.enable") : t("users.disable")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
