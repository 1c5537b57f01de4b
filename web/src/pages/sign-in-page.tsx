// Sign in with email and password; a wrong password says so without saying which of the two was wrong. While
// sign-in is throttled (429), the form counts down to the next try instead of only saying "Signing in…".
import { useSignal } from "@preact/signals";
import { Field } from "../components/field";
import { useRateLimitWait } from "../components/rate-limit-notice";
import { errorText } from "../components/states";
import { t } from "../i18n/locale";
import { session } from "../models/session";

export function SignInPage() {
  const email = useSignal("");
  const password = useSignal("");
  const error = session.signInError.value;
  const waiting = useRateLimitWait();
  const throttled = session.signingIn.value && waiting !== null;
  return (
    <main class="signin">
      <form
        class="card signin-card"
        onSubmit={(event) => {
          event.preventDefault();
          void session.signIn(email.value.trim(), password.value);
        }}
      >
        <h1>{t("auth.title")}</h1>
        <Field label={t("auth.email")}>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email.value}
            onInput={(event) => (email.value = event.currentTarget.value)}
          />
        </Field>
        <Field label={t("auth.password")}>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password.value}
            onInput={(event) => (password.value = event.currentTarget.value)}
          />
        </Field>
        {throttled ? (
          <p class="notice" role="status" data-testid="sign-in-throttled">
            {t("auth.throttled", { seconds: waiting })}
          </p>
        ) : (
          <p class="form-error" role="alert" data-testid={error ? "sign-in-error" : undefined}>
            {error ? (error.status === 401 ? t("auth.wrong") : errorText(error)) : "\u00a0"}
          </p>
        )}
        <button type="submit" class="button primary" disabled={session.signingIn.value} data-testid="sign-in">
          {throttled
            ? t("auth.retryIn", { seconds: waiting })
            : session.signingIn.value
              ? t("auth.signingIn")
              : t("auth.submit")}
        </button>
      </form>
    </main>
  );
}
