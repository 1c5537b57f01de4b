// A uPlot time-series chart in a box of fixed height. uPlot (and its CSS) load on first use, so they
// stay out of the initial bundle; the chart follows the container's width and the theme's colours.
import { useEffect, useRef } from "preact/hooks";
import type uPlot from "uplot";
import { t } from "../i18n/locale";
import { theme } from "../lib/theme";

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  color: string;
  kind?: "line" | "bars";
}

interface ChartProps {
  /** Days as YYYY-MM-DD (or any ISO date) for the x axis. */
  days: string[];
  series: ChartSeries[];
  height?: number;
  testId?: string;
}

let uplotModule: Promise<typeof uPlot> | undefined;
function loadUplot(): Promise<typeof uPlot> {
  uplotModule ??= Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(
    ([module]) => module.default,
  );
  return uplotModule;
}

export function Chart({ days, series, height = 220, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const dark = theme.value === "dark";

  useEffect(() => {
    const element = box.current;
    if (!element || days.length === 0) return;
    let plot: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    void loadUplot().then((UPlot) => {
      if (cancelled) return;
      const axisColor = dark ? "#a6adbb" : "#5b6270";
      const gridColor = dark ? "rgba(255,255,255,0.08)" : "rgba(0,0,0,0.07)";
      const axis = { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor } };
      const x = days.map((day) => Date.parse(day.length === 10 ? `${day}T00:00:00Z` : day) / 1000);
      plot = new UPlot(
        {
          width: element.clientWidth || 600,
          height,
          legend: { show: true },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true } },
          axes: [axis, { ...axis, size: 56 }],
          series: [
            {},
            ...series.map((s) => ({
              label: s.label,
              stroke: s.color,
              width: 2,
              fill: s.kind === "bars" ? `${s.color}55` : undefined,
              paths: s.kind === "bars" ? UPlot.paths.bars?.({ size: [0.7, 40] }) : undefined,
              points: { show: false },
            })),
          ],
        },
        [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
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
  }, [days, series, height, dark]);

  return (
    <div class="chart" style={{ minHeight: `${height + 40}px` }} data-testid={testId}>
      {days.length === 0 ? <p class="muted chart-empty">{t("chart.noData")}</p> : <div ref={box} />}
    </div>
  );
}
