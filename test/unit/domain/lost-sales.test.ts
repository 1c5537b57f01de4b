// Lost sales Ozon's way, by hand: average daily sales over the days in stock × the days out of stock.
import { describe, expect, it } from "vitest";
import { lostOnLastDay, lostRevenue, lostSales } from "../../../domain/lost-sales";

const inStock = (units: number) => ({ units, inStock: true });
const out = (units = 0) => ({ units, inStock: false });

describe("lostSales", () => {
  it("4 days in stock selling 3, 5, 2, 6 (4 a day) and 3 days out: 12 units lost", () => {
    expect(lostSales([inStock(3), inStock(5), out(), inStock(2), out(), out(), inStock(6)])).toEqual({
      averageDailySales: 4,
      daysOutOfStock: 3,
      lostUnits: 12,
    });
  });

  it("takes off what still sold on a day that ran dry: 2 a day, 2 days out, 1 sold then → 3 lost", () => {
    expect(lostSales([inStock(2), inStock(2), out(1), out()]).lostUnits).toBe(3);
  });

  it("loses nothing without a day in stock (no demand observed) or without a day out", () => {
    expect(lostSales([out(), out()])).toEqual({ averageDailySales: 0, daysOutOfStock: 2, lostUnits: 0 });
    expect(lostSales([inStock(4), inStock(0)]).lostUnits).toBe(0);
  });
});

describe("lostRevenue", () => {
  it("12 units at 1 499.90 ₽ is 17 998.80 ₽", () => {
    expect(lostRevenue(12, 1499.9)).toBe(17998.8);
  });
});

describe("lost on the last day (the digest's yesterday)", () => {
  it("is the window's in-stock average less what the day sold, only when that day was out of stock", () => {
    const stocked = Array.from({ length: 4 }, () => inStock(3));
    expect(lostOnLastDay([...stocked, { units: 1, inStock: false }])).toBe(2);
    expect(lostOnLastDay([...stocked, { units: 5, inStock: false }])).toBe(0);
    expect(lostOnLastDay([{ units: 0, inStock: false }, ...stocked])).toBe(0);
    expect(lostOnLastDay([])).toBe(0);
  });
});
