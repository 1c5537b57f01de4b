// Ozon's stock and turnover grades (GRADES_GREEN, …; the vendor's /v1/analytics/turnover/stocks) as the reader's
// words, the way Ozon's cabinet says them; a grade Ozon adds later shows as it came.
import { t } from "../i18n/locale";
import { en, type MessageKey } from "../i18n/messages-en";

export function ozonGradeText(grade: string): string {
  const key = `ozon.grade.${grade}`;
  return key in en ? t(key as MessageKey) : grade;
}
