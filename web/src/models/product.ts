// One product's page: its detail (stock per warehouse, histories) and the settings its reorder advice
// needs; reloads when another product is opened or the data version changes.
import { apiGet } from "../api/client";
import type { ProductDetail } from "../api/types";
import { createResource } from "./resource";
import { session } from "./session";
import { settingsModel } from "./settings";

export function createProductModel() {
  const detail = createResource<ProductDetail>();

  function load(id: number): void {
    const path = `/api/products/${id}?days=90`;
    void detail.ensure(`${path}#${session.dataScope.value}`, (abort) => apiGet<ProductDetail>(path, abort));
    settingsModel.load();
  }

  return { detail, settings: settingsModel.settings, load };
}

export const productModel = createProductModel();
