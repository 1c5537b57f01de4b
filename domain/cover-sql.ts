// The database's velocity and days of cover, the same arithmetic as cover.ts.
import { type SQL, sql } from "drizzle-orm";

/** units ÷ window days as float8. */
export function velocitySql(unitsSold: SQL, windowDays: number): SQL {
  return sql`(${unitsSold})::float8 / ${windowDays}::int`;
}

/** available ÷ velocity rounded to one decimal, null without sales. */
export function daysOfCoverSql(available: SQL, velocityPerDay: SQL): SQL {
  return sql`case when ${velocityPerDay} > 0 then round((${available} / ${velocityPerDay})::numeric, 1)::float8 end`;
}
