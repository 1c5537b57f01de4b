// POST /content/v2/get/cards/list (content host): the seller's product cards, one per nmId with its sizes, in
// updatedAt order (nmID breaks ties); the cursor (updatedAt + nmID of the last card) asks for the cards after it,
// and `cursor.total` is the number of cards in the reply.

import { z } from "zod";
import { malformRows } from "../malform.js";
import { zodMessage } from "../paging.js";
import type { Call } from "../pipeline.js";
import { jsonReply, type Reply } from "../reply.js";
import { wbErrors } from "./errors.js";

const HOUR_MS = 3_600_000;

const requestSchema = z.object({
  settings: z
    .object({
      sort: z.object({ ascending: z.boolean().default(false) }).default({ ascending: false }),
      filter: z
        .object({ withPhoto: z.union([z.literal(-1), z.literal(0), z.literal(1), z.literal(2)]) })
        .partial()
        .optional(),
      cursor: z
        .object({
          limit: z.number().int().min(1).max(100).default(10),
          updatedAt: z.string().nullish(),
          nmID: z.number().int().optional(),
        })
        .default({ limit: 10 }),
    })
    .default({ sort: { ascending: false }, cursor: { limit: 10 } }),
});

export interface WbCard {
  nmID: number;
  imtID: number;
  nmUUID: string;
  subjectID: number;
  subjectName: string;
  vendorCode: string;
  brand: string;
  title: string;
  needKiz: boolean;
  sizes: { chrtID: number; techSize: string; wbSize: string; skus: string[] }[];
  createdAt: string;
  updatedAt: string;
}

/** The world's cards, ascending by (updatedAt, nmID). Many cards share an updatedAt (edited in one batch). */
export function wbCards(call: Pick<Call, "state">): WbCard[] {
  return call.state.cached("wb.cards", () => {
    const start = call.state.world.options.start;
    const cards = new Map<number, WbCard>();
    for (const listing of call.state.world.catalog.wb) {
      let card = cards.get(listing.nmId);
      if (!card) {
        const updated = new Date(start - (listing.nmId % 89) * HOUR_MS).toISOString();
        card = {
          nmID: listing.nmId,
          imtID: listing.nmId + 100_000_000,
          nmUUID: `01bda0b1-5c0b-736c-b2be-${String(listing.nmId).padStart(12, "0")}`,
          subjectID: 7000 + (listing.product.subject.length % 100),
          subjectName: listing.product.subject,
          vendorCode: listing.supplierArticle,
          brand: listing.product.brand,
          title: listing.product.name,
          needKiz: false,
          sizes: [],
          createdAt: new Date(start - 400 * 24 * HOUR_MS).toISOString(),
          updatedAt: updated,
        };
        cards.set(listing.nmId, card);
      }
      card.sizes.push({
        chrtID: listing.chrtId,
        techSize: listing.techSize,
        wbSize: listing.techSize === "0" ? "" : listing.techSize,
        skus: [listing.barcode],
      });
    }
    return [...cards.values()].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.nmID - b.nmID);
  });
}

export function cardsList(call: Call): Reply {
  const parsed = requestSchema.safeParse(call.body ?? {});
  if (!parsed.success) return wbErrors.badRequest("content", call.now, zodMessage(parsed.error));
  const { sort, cursor } = parsed.data.settings;
  const ordered = sort.ascending ? wbCards(call) : [...wbCards(call)].reverse();
  let from = 0;
  if (cursor.updatedAt && cursor.nmID !== undefined) {
    const after = (card: WbCard) => {
      const order = card.updatedAt.localeCompare(cursor.updatedAt ?? "") || card.nmID - (cursor.nmID ?? 0);
      return sort.ascending ? order > 0 : order < 0;
    };
    from = ordered.findIndex(after);
    if (from < 0) from = ordered.length;
  }
  let cards: unknown[] = ordered.slice(from, from + cursor.limit);
  const last = ordered[from + cards.length - 1];
  let next: { updatedAt?: string; nmID?: number } =
    cards.length > 0 && last
      ? { updatedAt: last.updatedAt, nmID: last.nmID }
      : cursor.updatedAt && cursor.nmID !== undefined
        ? { updatedAt: cursor.updatedAt, nmID: cursor.nmID }
        : {};
  if (call.faults.repeatCursor && cursor.updatedAt && cursor.nmID !== undefined)
    next = { updatedAt: cursor.updatedAt, nmID: cursor.nmID };
  if (call.faults.malformed) cards = malformRows(cards, call.faults.malformed, call.faults.random);
  return jsonReply({ cards, cursor: { ...next, total: cards.length } });
}
