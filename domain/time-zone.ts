// IANA time zones as the runtime knows them: the check the API's settings and alert settings make, and the
// list the dashboard offers (Russia's zones first, where a seller's warehouses and clock usually are).

export function isTimeZone(zone: string): boolean {
  if (zone === "") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone as the runtime spells it ("europe/moscow" → "Europe/Moscow"), so one zone is stored one way. */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
}

const RUSSIAN_ZONES = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Novosibirsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka",
];

/** Every zone the runtime supports, Russia's first (west to east), then the rest in the runtime's order. */
export function timeZoneChoices(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const russian = RUSSIAN_ZONES.filter(isTimeZone);
  return [
    ...russian,
    ...all.filter((zone) => !russian.includes(zone)),
    ...(all.includes("UTC") ? [] : ["UTC"]),
  ];
}
