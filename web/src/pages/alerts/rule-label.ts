// A rule's name as the reader's language says it; a rule this dashboard has no words for yet shows its API name.
import { t } from "../../i18n/locale";
import { en, type MessageKey } from "../../i18n/messages-en";

export function ruleLabel(rule: string): string {
  const key = `alerts.rule.${rule}`;
  return key in en ? t(key as MessageKey) : rule;
}
