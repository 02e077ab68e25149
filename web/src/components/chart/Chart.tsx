import type { EChartsOption } from 'echarts';
import type { EChartsType } from 'echarts/core';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { Skeleton } from '../Skeleton';

export interface ChartProps {
  option: EChartsOption;
  /** Height of the chart; the width follows the container. */
  height?: CSSProperties['height'];
  /** Accessible description of what the chart shows. */
  ariaLabel: string;
  className?: string;
}

/**
 * An Apache ECharts chart. ECharts is loaded on first use, the chart follows its container's
 * size and is disposed when the component unmounts.
 */
export function Chart({ option, height = 280, ariaLabel, className }: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const optionRef = useRef(option);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts')
      .then(({ init }) => {
        const el = containerRef.current;
        if (disposed || !el) return;
        const chart = init(el, undefined, { renderer: 'canvas' });
        chartRef.current = chart;
        chart.setOption(optionRef.current);
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => {
            chart.resize();
          });
          observer.observe(el);
        }
        setReady(true);
      })
      .catch((error: unknown) => {
        console.error('Could not load the chart library', error);
        if (!disposed) setFailed(true);
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    optionRef.current = option;
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div className={className ? `chart ${className}` : 'chart'} style={{ height }}>
      <div ref={containerRef} className="chart__canvas" role="img" aria-label={ariaLabel} />
      {!ready && !failed && (
        <div className="chart__overlay">
          <Skeleton height="100%" radius="8px" />
        </div>
      )}
      {failed && <div className="chart__overlay muted">The chart could not be loaded.</div>}
    </div>
  );
}
