// Who is signed in (from /api/auth/me), with sign-in and sign-out beside it. The organization's data
// version comes along with `me`; watchDataVersion() re-reads it so open pages refresh after a sync.
// `dataScope` (the organization and its data version) is what the models key their cached answers by, and when
// the session ends (signed out, or another organization's `me` arrives) every resource and model filter is cleared.
import { batch, computed, signal } from "@preact/signals";
import { ApiFailure, apiGet, apiRequest, whenUnauthorized } from "../api/client";
import type { Me, Role } from "../api/types";
import { forgetEveryResource } from "./resource";

export type SessionState = "checking" | "signedIn" | "signedOut";

const ROLE_RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function roleAtLeast(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && ROLE_RANK[role] >= ROLE_RANK[needed];
}

export function createSession() {
  const me = signal<Me | null>(null);
  const state = signal<SessionState>("checking");
  const signInError = signal<ApiFailure | null>(null);
  const signingIn = signal(false);
  /** Why the first session check could not answer (not a 401: the network, a 429, a 5xx); null otherwise. */
  const checkFailure = signal<ApiFailure | null>(null);
  const dataVersion = signal(0);
  /** When the data version was last confirmed (ms): "data as of". */
  const checkedAt = signal(0);
  /** The last sign-out was the visitor's own click (the next sign-in starts at home, not where they were). */
  const signedOutOnPurpose = signal(false);
  const role = computed(() => me.value?.role);
  /** Whose data is shown: an answer cached under one scope is never shown under another. */
  const dataScope = computed(() => `${me.value?.organization.id ?? "none"}#${dataVersion.value}`);
  /** Whose data the models hold (the organization and the user); null once the session ended. */
  let holder: string | null = null;
  const endListeners: Array<() => void> = [];
  let watcher: ReturnType<typeof setInterval> | undefined;

  /** Clears every resource and what each model registered (filters, pages, secrets shown once). */
  function endSession(): void {
    holder = null;
    forgetEveryResource();
    for (const listener of endListeners) listener();
  }

  /** `listener` runs when the session ends: signed out, or another organization or user signed in. */
  function onSessionEnd(listener: () => void): void {
    endListeners.push(listener);
  }

  function accept(next: Me): void {
    const nextHolder = `${next.organization.id}/${next.user?.id ?? next.apiKeyId ?? ""}`;
    if (holder !== null && holder !== nextHolder) endSession();
    holder = nextHolder;
    batch(() => {
      me.value = next;
      state.value = "signedIn";
      signedOutOnPurpose.value = false;
      checkedAt.value = Date.now();
      if (next.organization.dataVersion !== dataVersion.value)
        dataVersion.value = next.organization.dataVersion;
    });
  }

  function forget(): void {
    endSession();
    batch(() => {
      me.value = null;
      state.value = "signedOut";
    });
  }

  async function check(): Promise<void> {
    checkFailure.value = null;
    try {
      accept(await apiGet<Me>("/api/auth/me"));
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) forget();
      // Unknown whether the visitor is signed in: say why and offer a retry rather than the sign-in form.
      else if (state.value === "checking")
        checkFailure.value =
          error instanceof ApiFailure ? error : new ApiFailure(0, "NETWORK", String(error));
    }
  }

  async function signIn(email: string, password: string): Promise<boolean> {
    batch(() => {
      signingIn.value = true;
      signInError.value = null;
    });
    try {
      await apiRequest("POST", "/api/auth/login", { body: { email, password } });
      accept(await apiGet<Me>("/api/auth/me"));
      return true;
    } catch (error) {
      signInError.value = error instanceof ApiFailure ? error : new ApiFailure(0, "NETWORK", String(error));
      return false;
    } finally {
      signingIn.value = false;
    }
  }

  async function signOut(): Promise<void> {
    signedOutOnPurpose.value = true;
    try {
      await apiRequest("POST", "/api/auth/logout");
    } finally {
      forget();
    }
  }

  /** Re-reads `me` every `intervalMs` while signed in; a new data version makes pages reload. */
  function watchDataVersion(intervalMs = 30_000): () => void {
    clearInterval(watcher);
    watcher = setInterval(() => {
      if (state.value === "signedIn" && document.visibilityState !== "hidden") void check();
    }, intervalMs);
    return () => clearInterval(watcher);
  }

  return {
    me,
    state,
    role,
    signInError,
    signingIn,
    checkFailure,
    dataVersion,
    dataScope,
    checkedAt,
    signedOutOnPurpose,
    check,
    signIn,
    signOut,
    accept,
    forget,
    onSessionEnd,
    watchDataVersion,
  };
}

export const session = createSession();
// Any 401 (an expired or revoked session) brings the sign-in page back.
whenUnauthorized(() => session.forget());
