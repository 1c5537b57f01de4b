// One problem of a sync run in the reader's language: the text for its code, filled from its parameters
// (STOCK_JUMP's count, factor and example); the API's English only for a code the dashboard does not know.
import type { RunIssue } from "../../../worker/api/schemas/runs";
import { issueText } from "../lib/run-issue-text";

export function RunIssueText({ issue }: { issue: RunIssue }) {
  return <span data-issue={issue.code}>{issueText(issue)}</span>;
}
