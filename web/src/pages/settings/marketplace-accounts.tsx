// Settings → Marketplace accounts (admin): connect an Ozon or WB account with its credentials and adapters,
// check the connection (the vendor's verdict in plain words; connecting checks first and keeps no account whose
// credentials the vendor refuses), sync, enable or disable, rename, change the key or the data sources, delete.
// Credentials go to the API once and never come back: the list shows only "set" and the key's last 4.

import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type {
  AccountAdmin,
  ConnectionCheckAnswer,
  MarketplaceAdapters,
} from "../../../../worker/api/schemas/account-admin";
import { type ApiFailure, apiGet, apiRequest } from "../../api/client";
import type { Marketplace } from "../../api/types";
import { errorText } from "../../components/states";
import { TableRegion } from "../../components/table-region";
import { t } from "../../i18n/locale";
import { recommendedAdapters } from "../../lib/adapter-changes";
import { connectVerdict } from "../../lib/connect-verdict";
import { SYNC_START_PATH, syncRequestBody } from "../../lib/sync-request";
import { toFailure } from "../../models/resource";
import { syncModel } from "../../models/sync";
import { AdapterPicker } from "./adapter-picker";
import { AdaptersForm } from "./adapters-form";
import { ChangeKeyForm } from "./change-key-form";
import { ConnectionVerdict } from "./connection-verdict";
import { CredentialFields, credentialsBody } from "./credential-fields";

/** An account as GET /api/accounts lists it; an admin's list also carries its adapters and masked credentials. */
interface Listed extends Partial<Pick<AccountAdmin, "adapters" | "credentials">> {
  id: string;
  marketplace: Marketplace;
  name: string;
  enabled: boolean;
}

/** The account as its admin sees it, from the list: one request for every row, not one per row. */
function adminView({ id, marketplace, name, enabled, adapters, credentials }: Listed): AccountAdmin | null {
  return adapters && credentials ? { id, marketplace, name, enabled, adapters, credentials } : null;
}

const MARKETPLACE_LABEL: Record<Marketplace, string> = { ozon: "Ozon", wb: "Wildberries" };

function ConnectForm({ adapters, onDone }: { adapters: MarketplaceAdapters | null; onDone: () => void }) {
  const marketplace = useSignal<Marketplace>("ozon");
  const name = useSignal("");
  const clientId = useSignal("");
  const apiKey = useSignal("");
  const token = useSignal("");
  const stock = useSignal<string[] | null>(null);
  const sales = useSignal<string[] | null>(null);
  const firstSync = useSignal(false);
  /** The API is asking the marketplace about the credentials (up to 15 s). */
  const checking = useSignal(false);
  const error = useSignal<ApiFailure | null>(null);
  /** The vendor refused the credentials, or could not say: nothing was kept. */
  const refused = useSignal<ConnectionCheckAnswer | null>(null);
  const mp = marketplace.value;
  const chosenStock = stock.value ?? recommendedAdapters(adapters, mp, "stock");
  const chosenSales = sales.value ?? recommendedAdapters(adapters, mp, "sales");
  async function submit() {
    error.value = null;
    refused.value = null;
    firstSync.value = false;
    checking.value = true;
    try {
      const created = await apiRequest<{ id: string; enabled: boolean }>("POST", "/api/accounts", {
        body: {
          marketplace: mp,
          name: name.value.trim(),
          credentials: credentialsBody(mp, clientId.value, mp === "ozon" ? apiKey.value : token.value),
          adapters: { stock: chosenStock, sales: chosenSales },
        },
      });
      name.value = clientId.value = apiKey.value = token.value = "";
      onDone();
      // The first sync starts at once, the way "Sync now" starts one, so the seller sees data arrive.
      if (created.enabled) firstSync.value = await syncModel.startSync("full", created.id);
    } catch (failure) {
      // The API asked the vendor first and kept nothing: the form keeps what was typed so the key can be corrected.
      const verdict = connectVerdict(failure);
      if (verdict) refused.value = verdict;
      else error.value = toFailure(failure);
    } finally {
      checking.value = false;
    }
  }
  return (
    <form
      data-testid="connect-account"
      onSubmit={(event) => {
        event.preventDefault();
        if (!checking.value) void submit();
      }}
    >
      <h3>{t("accounts.connect")}</h3>
      <div class="form-grid">
        <label class="field">
          <span>{t("accounts.marketplace")}</span>
          <select
            name="marketplace"
            value={mp}
            onChange={(e) => {
              marketplace.value = e.currentTarget.value as Marketplace;
              stock.value = sales.value = null;
            }}
          >
            <option value="ozon">Ozon</option>
            <option value="wb">Wildberries</option>
          </select>
        </label>
        <label class="field">
          <span>{t("accounts.name")}</span>
          <input
            name="name"
            required
            maxLength={100}
            value={name.value}
            onInput={(e) => (name.value = e.currentTarget.value)}
          />
        </label>
        <CredentialFields marketplace={mp} clientId={clientId} secret={mp === "ozon" ? apiKey : token} />
      </div>
      <details class="connect-adapters">
        <summary>{t("accounts.adapters")}</summary>
        <AdapterPicker
          adapters={adapters}
          marketplace={mp}
          chosen={{ stock: chosenStock, sales: chosenSales }}
          onChange={(kind, ids) => {
            if (kind === "stock") stock.value = ids;
            else sales.value = ids;
          }}
        />
      </details>
      <div class="toolbar">
        <button type="submit" class="button primary" disabled={checking.value}>
          {t("accounts.connectButton")}
        </button>
        {checking.value && (
          <span class="muted small" role="status" data-testid="connect-checking">
            {t("accounts.checkingKey")}
          </span>
        )}
        {error.value && (
          <span class="form-error" role="alert">
            {errorText(error.value, { name: "accounts.name" })}
          </span>
        )}
        {refused.value && (
          <div data-testid="connect-refused">
            <p class="form-error">
              {t(
                refused.value.outcome === "wrong_key" || refused.value.outcome === "missing_scope"
                  ? "accounts.notConnected"
                  : "accounts.notChecked",
              )}
            </p>
            <ConnectionVerdict verdict={refused.value} testId="connect-verdict" />
          </div>
        )}
        {firstSync.value && (
          <span class="muted small" role="status" data-testid="first-sync">
            {t("accounts.firstSync")} <a href="/sync">{t("nav.sync")}</a>
          </span>
        )}
      </div>
    </form>
  );
}

function AccountRow({
  account,
  adapters,
  onChanged,
}: {
  account: Listed;
  adapters: MarketplaceAdapters | null;
  onChanged: () => void;
}) {
  const verdict = useSignal<ConnectionCheckAnswer | null>(null);
  const detail = useSignal<AccountAdmin | null>(adminView(account));
  const changingKey = useSignal(false);
  const changingSources = useSignal(false);
  const note = useSignal<string | null>(null);
  const error = useSignal<ApiFailure | null>(null);
  const base = `/api/accounts/${account.id}`;
  useEffect(() => {
    detail.value = adminView(account);
  }, [account]);
  async function act(action: () => Promise<unknown>, changes = true) {
    error.value = null;
    note.value = null;
    try {
      await action();
      if (changes) onChanged();
    } catch (failure) {
      error.value = toFailure(failure);
    }
  }
  const check = () =>
    act(async () => {
      verdict.value = null;
      verdict.value = await apiRequest<ConnectionCheckAnswer>("POST", `${base}/check`);
    }, false);
  const sync = () =>
    act(async () => {
      await apiRequest("POST", SYNC_START_PATH, { body: syncRequestBody("full", account.id) });
      note.value = t("accounts.syncStarted");
    }, false);
  const rename = () => {
    const name = window.prompt(t("accounts.newName"), account.name);
    if (name?.trim()) void act(() => apiRequest("PATCH", base, { body: { name: name.trim() } }));
  };
  const remove = () => {
    if (window.confirm(t("accounts.deleteConfirm"))) void act(() => apiRequest("DELETE", base));
  };
  const ending = detail.value?.credentials.keyEnding;
  return (
    <tr data-testid="account-row" data-account={account.name}>
      <td data-label={t("accounts.name")}>
        <span translate={false}>{account.name}</span>{" "}
        <span class="muted small">{MARKETPLACE_LABEL[account.marketplace]}</span>
        <div class="muted small">
          {detail.value?.credentials.clientId
            ? `${t("accounts.ozonClientId")} ${detail.value.credentials.clientId} · `
            : ""}
          {t("accounts.keySet")}
          {ending ? <span translate={false}> …{ending}</span> : ""}
        </div>
      </td>
      <td data-label={t("accounts.state")}>
        {account.enabled ? t("accounts.enabled") : t("accounts.disabled")}
      </td>
      <td>
        <div class="toolbar">
          <button type="button" class="button small" onClick={() => void check()} data-testid="account-check">
            {t("accounts.check")}
          </button>
          <button type="button" class="button small" onClick={() => void sync()} disabled={!account.enabled}>
            {t("accounts.sync")}
          </button>
          <button
            type="button"
            class="button small"
            onClick={() => void act(() => apiRequest("PATCH", base, { body: { enabled: !account.enabled } }))}
          >
            {account.enabled ? t("accounts.disable") : t("accounts.enable")}
          </button>
          <button type="button" class="button small" onClick={rename}>
            {t("accounts.rename")}
          </button>
          <button
            type="button"
            class="button small"
            aria-expanded={changingKey.value}
            onClick={() => (changingKey.value = !changingKey.value)}
            data-testid="account-change-key"
          >
            {t("accounts.changeKey")}
          </button>
          <button
            type="button"
            class="button small"
            aria-expanded={changingSources.value}
            disabled={detail.value === null}
            onClick={() => {
              changingSources.value = !changingSources.value;
              note.value = null;
            }}
            data-testid="account-sources"
          >
            {t("accounts.sources")}
          </button>
          <button type="button" class="button small" onClick={remove}>
            {t("accounts.delete")}
          </button>
        </div>
        {changingKey.value && (
          <ChangeKeyForm
            account={
              detail.value ?? { ...account, credentials: { set: true, clientId: null, keyEnding: null } }
            }
            onDone={() => {
              changingKey.value = false;
              verdict.value = null;
              note.value = t("accounts.keyChanged");
              onChanged();
            }}
          />
        )}
        {changingSources.value && detail.value && (
          <AdaptersForm
            account={detail.value}
            adapters={adapters}
            onDone={(changed, saved) => {
              detail.value = changed;
              changingSources.value = false;
              note.value = saved;
            }}
          />
        )}
        {verdict.value && <ConnectionVerdict verdict={verdict.value} testId="account-verdict" />}
        {note.value && (
          <p role="status" data-testid="account-note">
            {note.value}
          </p>
        )}
        {error.value && (
          <p class="form-error" role="alert">
            {errorText(error.value, { name: "accounts.name" })}
          </p>
        )}
      </td>
    </tr>
  );
}

export function MarketplaceAccounts() {
  const accounts = useSignal<Listed[] | null>(null);
  const adapters = useSignal<MarketplaceAdapters | null>(null);
  const error = useSignal<ApiFailure | null>(null);
  const load = () => {
    apiGet<{ items: Listed[] }>("/api/accounts").then(
      (body) => (accounts.value = body.items),
      (failure) => (error.value = toFailure(failure)),
    );
  };
  useEffect(() => {
    load();
    void apiGet<MarketplaceAdapters>("/api/marketplace-adapters").then(
      (body) => (adapters.value = body),
      () => {},
    );
  }, []);
  // Arrived from a sunset warning's link (/settings#marketplace-accounts): show the accounts once listed.
  const listed = accounts.value !== null;
  useEffect(() => {
    if (listed && window.location.hash === "#marketplace-accounts")
      document.getElementById("marketplace-accounts")?.scrollIntoView();
  }, [listed]);
  return (
    <section class="card" id="marketplace-accounts" data-testid="marketplace-accounts">
      <h2>{t("accounts.title")}</h2>
      {error.value && (
        <p class="form-error" role="alert">
          {errorText(error.value, { name: "accounts.name" })}
        </p>
      )}
      {accounts.value && accounts.value.length === 0 && <p class="muted">{t("accounts.none")}</p>}
      {accounts.value && accounts.value.length > 0 && (
        <TableRegion label={t("accounts.title")} pinned={false} phoneCards>
          <table>
            <thead>
              <tr>
                <th>{t("accounts.name")}</th>
                <th>{t("accounts.state")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {accounts.value.map((account) => (
                <AccountRow key={account.id} account={account} adapters={adapters.value} onChanged={load} />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <ConnectForm adapters={adapters.value} onDone={load} />
    </section>
  );
}
