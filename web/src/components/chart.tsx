// A uPlot time-series chart in a box of fixed height. uPlot (and its CSS) load on first use, so they
// stay out of the initial bundle; the chart follows the container's width and the theme's colours, and
// writes its axes, legend and tooltips the language's way (format.ts). A series of fewer than two points
// is not drawn (it would only make up an axis), and the current, unfinished period of a bar series is
// drawn apart and named "so far" so that it does not read as a slump.
import { useEffect, useRef } from "preact/hooks";
import type uPlot from "uplot";
import { locale, t } from "../i18n/locale";
import { lastPeriodUnfinished, seconds } from "../lib/chart-period";
import {
  formatCompact,
  formatCompactMoney,
  formatDayMonth,
  formatMoney,
  formatMonthYear,
  formatNumber,
} from "../lib/format";
import { isoDay } from "../lib/period";
import { theme } from "../lib/theme";

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
  kind?: "line" | "bars";
  /** Money series get ₽ on the axis and in the legend. */
  unit?: "money";
}

interface ChartProps {
  /** Days as YYYY-MM-DD (or any ISO date) for the x axis: each the start of its period. */
  days: string[];
  series: ChartSeries[];
  height?: number;
  testId?: string;
  /** Today (YYYY-MM-DD); the period holding it is unfinished. Defaults to the UTC date now. */
  today?: string;
}

const DAY_SECONDS = 86_400;
/** Tick steps of whole days, so an axis never labels the same date twice. */
const DAY_STEPS = [1, 2, 3, 7, 14, 28, 56, 91, 182, 364].map((days) => days * DAY_SECONDS);

let uplotModule: Promise<typeof uPlot> | undefined;
function loadUplot(): Promise<typeof uPlot> {
  uplotModule ??= Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(
    ([module]) => module.default,
  );
  return uplotModule;
}

/** uPlot's axis width: the widest label it will draw, measured in the axis font, plus ticks and gap. */
function labelWidth(self: uPlot, values: string[] | null, axisIndex: number): number {
  const axis = self.axes[axisIndex];
  const font = Array.isArray(axis?.font) ? axis.font[0] : undefined;
  if (font) self.ctx.font = font;
  const widest = Math.max(0, ...(values ?? []).map((value) => self.ctx.measureText(value).width));
  return Math.ceil(widest / (globalThis.devicePixelRatio || 1)) + 18;
}

export function Chart({ days, series, height = 220, testId, today = isoDay(new Date()) }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const dark = theme.value === "dark";
  const language = locale.value;
  const enough = days.length >= 2;

  useEffect(() => {
    const element = box.current;
    if (!element || !enough) return;
    let plot: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    void loadUplot().then((UPlot) => {
      if (cancelled) return;
      const axisColor = dark ? "#a6adbb" : "#5b6270";
      const gridColor = dark ? "rgba(255,255,255,0.08)" : "rgba(0,0,0,0.07)";
      const axis = { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor } };
      const x = days.map(seconds);
      const spansMonths = x.length > 1 && (x[1] ?? 0) - (x[0] ?? 0) >= 28 * DAY_SECONDS;
      const dayLabel = (value: number) => {
        const date = new Date(value * 1000);
        return spansMonths ? formatMonthYear(date) : formatDayMonth(date);
      };
      const money = series.some((s) => s.unit === "money");
      const partial = lastPeriodUnfinished(days, today);
      const drawn: Array<{ s: ChartSeries; values: Array<number | null>; soFar: boolean }> = [];
      for (const s of series) {
        if (s.kind === "bars" && partial) {
          drawn.push({ s, values: [...s.values.slice(0, -1), null], soFar: false });
          drawn.push({
            s,
            values: [...s.values.slice(0, -1).map(() => null), s.values.at(-1) ?? null],
            soFar: true,
          });
        } else drawn.push({ s, values: s.values, soFar: false });
      }
      const soFarLabel = (label: string) =>
        t(spansMonths || (x[1] ?? 0) - (x[0] ?? 0) > DAY_SECONDS ? "chart.periodSoFar" : "chart.todaySoFar", {
          label,
        });
      plot = new UPlot(
        {
          width: element.clientWidth || 600,
          height,
          legend: { show: true },
          cursor: { drag: { x: false, y: false } },
          tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), "UTC"),
          scales: { x: { time: true } },
          axes: [
            { ...axis, incrs: DAY_STEPS, space: 64, values: (_self, splits) => splits.map(dayLabel) },
            {
              ...axis,
              values: (_self, splits) =>
                splits.map((v) => (money ? formatCompactMoney(v) : formatCompact(v))),
              size: labelWidth,
            },
          ],
          series: [
            { label: t("chart.date"), value: (_self, raw) => (raw === null ? "—" : dayLabel(raw)) },
            ...drawn.map(({ s, soFar }) => ({
              label: soFar ? soFarLabel(s.label) : s.label,
              stroke: s.color,
              width: soFar ? 1 : 2,
              dash: soFar ? [4, 3] : undefined,
              fill: s.kind === "bars" ? `${s.color}${soFar ? "22" : "55"}` : undefined,
              paths: s.kind === "bars" ? UPlot.paths.bars?.({ size: [0.7, 40] }) : undefined,
              points: { show: false },
              value: (_self: uPlot, raw: number | null) =>
                raw === null ? "—" : s.unit === "money" ? formatMoney(raw) : formatNumber(raw, 2),
            })),
          ],
        },
        [x, ...drawn.map((d) => d.values)] as uPlot.AlignedData,
        element,
      );
      observer = new ResizeObserver(() => plot?.setSize({ width: element.clientWidth, height }));
      observer.observe(element);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [days, series, height, dark, language, today, enough]);

  let empty: string | undefined;
  if (days.length === 0) empty = t("chart.noData");
  else if (!enough) empty = t("chart.notEnoughHistory");
  return (
    <div class="chart" style={{ minHeight: `${height + 40}px` }} data-testid={testId}>
      {empty ? <p class="muted chart-empty">{empty}</p> : <div ref={box} />}
    </div>
  );
}
