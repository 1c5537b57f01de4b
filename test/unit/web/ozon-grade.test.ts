// Ozon's grades on the product page are said in the reader's language, not as the vendor's codes.
import { afterAll, describe, expect, it } from "vitest";
import { setLocale } from "../../../web/src/i18n/locale";
import { ozonGradeText } from "../../../web/src/lib/ozon-grade";

afterAll(() => setLocale("ru"));

describe("ozonGradeText", () => {
  it("says every grade of Ozon's turnover report in Russian and English", () => {
    setLocale("ru");
    expect(ozonGradeText("GRADES_CRITICAL")).toBe("критический");
    expect(ozonGradeText("GRADES_GREEN")).toBe("хороший");
    expect(ozonGradeText("GRADES_NOSALES")).toBe("нет продаж");
    setLocale("en");
    expect(ozonGradeText("GRADES_RED")).toBe("bad");
    expect(ozonGradeText("GRADES_NONE")).toBe("supplies expected");
  });

  it("shows a grade Ozon adds later as it came", () => {
    expect(ozonGradeText("GRADES_PURPLE")).toBe("GRADES_PURPLE");
  });
});
