// What data an adapter reads, in the user's language ("остатки по складам Ozon (v2)"), for the sunset notice
// and the connect form; an id the catalogue does not know yet is shown as it is.
import { t } from "../i18n/locale";
import { en, type MessageKey } from "../i18n/messages-en";

export function adapterName(id: string): string {
  const key = `adapter.${id}`;
  return key in en ? t(key as MessageKey) : id;
}
