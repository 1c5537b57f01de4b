// Reading and changing an organization's settings (stock status rule, replenishment inputs) and the
// data version that every cached API answer is keyed by.
import { and, eq, sql } from "drizzle-orm";
import type { StatusBasis } from "../../domain/stock-status";
import type { SupplyPlanSettings } from "../../domain/supply-plan-sql";
import type { Database } from "../client";
import { organizations } from "../schema";
import { type DashboardRules, dashboardRules, refreshDashboardReadModels } from "./dashboard-store";
import { refreshSupplyPlanStore, supplyPlanLock, supplyPlanRules } from "./supply-plan-store";

export const organizationSettingsColumns = {
  id: organizations.id,
  name: organizations.name,
  statusBasis: organizations.statusBasis,
  coverCeilingDays: organizations.coverCeilingDays,
  criticalMax: organizations.criticalMax,
  lowMax: organizations.lowMax,
  overstockMin: organizations.overstockMin,
  leadTimeDays: organizations.leadTimeDays,
  safetyStockDays: organizations.safetyStockDays,
  targetCoverDays: organizations.targetCoverDays,
  velocityWindowDays: organizations.velocityWindowDays,
  minOrderUnits: organizations.minOrderUnits,
  packSize: organizations.packSize,
  timeZone: organizations.timeZone,
  ipAllowlist: organizations.ipAllowlist,
  dataVersion: organizations.dataVersion,
};

export type OrganizationSettingsRow = {
  [K in keyof typeof organizationSettingsColumns]: (typeof organizationSettingsColumns)[K]["_"]["data"];
};

export interface SettingsChange {
  name?: string | undefined;
  statusBasis?: StatusBasis | undefined;
  coverCeilingDays?: number | undefined;
  criticalMax?: number | undefined;
  lowMax?: number | undefined;
  overstockMin?: number | undefined;
  leadTimeDays?: number | undefined;
  safetyStockDays?: number | undefined;
  targetCoverDays?: number | undefined;
  velocityWindowDays?: number | undefined;
  minOrderUnits?: number | undefined;
  packSize?: number | undefined;
  timeZone?: string | undefined;
  ipAllowlist?: string[] | undefined;
}

/**
 * Applies a settings change and bumps the data version, since statuses and figures depend on it; in the same
 * transaction, the Overview's and the supply plan's stored answers are computed again with the settings as they
 * now are (every line's quantity that may move when a supply setting did). Only values
 * that differ from the stored ones are written: a change that changes nothing (`{}`, or a retried PATCH) writes
 * nothing and keeps the data version (and the stored answer, which is still that version's), so no cached answer
 * is thrown away for it.
 */
export async function updateOrganizationSettings(
  db: Database,
  orgId: string,
  change: SettingsChange,
  /** Throws to refuse the change, given the stored row with the change merged in (a change that changes nothing too). */
  validate: (merged: OrganizationSettingsRow) => void = () => {},
): Promise<OrganizationSettingsRow | undefined> {
  // Read, check and write as one version of the row: a change written meanwhile (another admin's, a run's
  // finalize) makes the write find another data version, and the change is merged into the row again and checked
  // again, so two changes that are each valid never combine into settings no one checked.
  for (let attempt = 1; ; attempt++) {
    const [current] = await db
      .select(organizationSettingsColumns)
      .from(organizations)
      .where(eq(organizations.id, orgId));
    if (!current) return undefined;
    const values = Object.fromEntries(
      Object.entries(change).filter(
        ([name, value]) =>
          value !== undefined &&
          JSON.stringify(value) !== JSON.stringify(current[name as keyof OrganizationSettingsRow]),
      ),
    );
    const merged = { ...current, ...values } as OrganizationSettingsRow;
    validate(merged);
    if (Object.keys(values).length === 0) return current;
    const [, rows] = await db.batch([
      // The supply plan's lock before the organization's row, as a finalize takes them.
      db.execute(supplyPlanLock(orgId)),
      db
        .update(organizations)
        .set({ ...values, dataVersion: sql`${organizations.dataVersion} + 1` })
        .where(and(eq(organizations.id, orgId), eq(organizations.dataVersion, current.dataVersion)))
        .returning(organizationSettingsColumns),
      // Tagged with the settings merged here: unused, never wrong, when the write above found another version.
      ...refreshDashboardReadModels(orgId, dashboardRules(merged as DashboardRules), {
        warehouses: false,
      }).map((statement) => db.execute(statement)),
      ...refreshSupplyPlanStore(orgId, supplyPlanRules(merged as SupplyPlanSettings)).map((statement) =>
        db.execute(statement),
      ),
    ]);
    if (rows[0]) return rows[0];
    if (attempt === SETTINGS_ATTEMPTS) throw new SettingsBusyError();
  }
}

/** Writes a settings change tries before giving up on an organization whose row keeps moving under it. */
const SETTINGS_ATTEMPTS = 5;

/** The organization's row moved under every attempt of a settings change (runs finishing one after another). */
export class SettingsBusyError extends Error {
  constructor() {
    super("organization settings changed meanwhile on every attempt");
  }
}

/**
 * Marks the organization's data as changed: every cached answer for it stops matching. Returns the new data
 * version (undefined when there is no such organization).
 */
export async function bumpDataVersion(db: Database, orgId: string): Promise<number | undefined> {
  const [row] = await db
    .update(organizations)
    .set({ dataVersion: sql`${organizations.dataVersion} + 1` })
    .where(eq(organizations.id, orgId))
    .returning({ dataVersion: organizations.dataVersion });
  return row?.dataVersion;
}
