// Ozon's turnover grades from days of cover (Ozon's stock analytics: average daily sales over 28 days, and
// the days the stock lasts): DEFICIT under 28 days, POPULAR 28 up to 56, ACTUAL 56 to 120, SURPLUS above
// 120, NO_SALES without sales. Cover is exact here (available ÷ velocity), not the rounded figure shown.
export const TURNOVER_GRADES = ["DEFICIT", "POPULAR", "ACTUAL", "SURPLUS", "NO_SALES"] as const;
export type TurnoverGrade = (typeof TURNOVER_GRADES)[number];

export const TURNOVER_GRADE_DAYS = { popularFrom: 28, actualFrom: 56, surplusAbove: 120 } as const;

export function turnoverGrade(available: number, velocityPerDay: number): TurnoverGrade {
  if (!(velocityPerDay > 0)) return "NO_SALES";
  const cover = Math.max(0, available) / velocityPerDay;
  if (cover < TURNOVER_GRADE_DAYS.popularFrom) return "DEFICIT";
  if (cover < TURNOVER_GRADE_DAYS.actualFrom) return "POPULAR";
  if (cover <= TURNOVER_GRADE_DAYS.surplusAbove) return "ACTUAL";
  return "SURPLUS";
}
