/**
 * A chart with its table view: "Chart" / "Table" toggle buttons (aria-pressed). The chart component
 * is loaded lazily (recharts stays out of the first paint); until it arrives the numbers are already
 * on screen elsewhere and a small placeholder holds the space.
 */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { Component, Suspense, useState, type ReactNode } from 'react';

export type ChartMode = 'chart' | 'table';

export function ChartSwitch({ label, chart, table, height }: { label: string; chart: ReactNode; table: ReactNode; height: number }) {
  const [mode, setMode] = useState<ChartMode>('chart');
  return (
    <div>
      <div role="group" aria-label={`Show the ${label} as`} style={{ display: 'flex', gap: token('space.050'), marginBottom: token('space.100') }}>
        <Button appearance={mode === 'chart' ? 'primary' : 'subtle'} aria-pressed={mode === 'chart'} onClick={() => setMode('chart')}>
          Chart
        </Button>
        <Button appearance={mode === 'table' ? 'primary' : 'subtle'} aria-pressed={mode === 'table'} onClick={() => setMode('table')}>
          Table
        </Button>
      </div>
      {mode === 'chart' ? (
        <ChartBoundary
          fallback={
            <>
              <p role="status" style={{ color: token('color.text.subtle'), marginTop: 0 }}>
                The chart could not load (reload the page to try again). The same numbers as a table:
              </p>
              {table}
            </>
          }
        >
          <Suspense fallback={<div role="status" aria-label={`Loading the ${label}…`} style={{ height, background: token('color.skeleton'), borderRadius: token('radius.small') }} />}>{chart}</Suspense>
        </ChartBoundary>
      ) : (
        table
      )}
    </div>
  );
}

/** If the chart's code cannot load (e.g. a stale deployment), show the table instead of breaking the page. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
