// Velocity and days of cover, the two numbers every stock rule starts from (pure; the SQL twins are in
// cover-sql.ts).
//   velocity      = units sold in the window ÷ window days
//   days of cover = available ÷ velocity, one decimal; null without sales (the stock never runs out)

export function velocity(unitsSold: number, windowDays: number): number {
  return windowDays > 0 ? Math.max(0, unitsSold) / windowDays : 0;
}

export function daysOfCover(available: number, velocityPerDay: number): number | null {
  return velocityPerDay > 0 ? Math.round((available / velocityPerDay) * 10) / 10 : null;
}

const DAY_MS = 86_400_000;

/** The projected day stock runs out (UTC date), from today and days of cover; null without sales. */
export function stockoutDate(today: Date, cover: number | null): string | null {
  if (cover === null) return null;
  return new Date(today.getTime() + Math.floor(cover) * DAY_MS).toISOString().slice(0, 10);
}
