// One problem of a sync run in the reader's language: the text for its code, filled from its parameters
// (STOCK_JUMP's count, factor and example), and the API's English detail folded away under "Details".
import type { RunIssue } from "../../../worker/api/schemas/runs";
import { t } from "../i18n/locale";
import { en, type MessageKey } from "../i18n/messages-en";

function issueKey(code: string): MessageKey {
  const key = `issue.${code}`;
  return key in en ? (key as MessageKey) : "issue.other";
}

export function RunIssueText({ issue }: { issue: RunIssue }) {
  const key = issueKey(issue.code);
  // A message with placeholders is only whole with the issue's parameters (older runs have none).
  const complete = !/\{\w+/.test(en[key]) || issue.params !== undefined;
  return (
    <>
      <span>{t(complete ? key : "issue.other", issue.params)}</span>{" "}
      <details class="issue-details">
        <summary class="muted small">{t("issue.details")}</summary>
        <span class="mono small">{issue.code}</span> {issue.message}
      </details>
    </>
  );
}
