/**
 * The dashboard's data: loads `dashboard.get` for the chosen sprint (or the active one), keeps the
 * last answer on screen while a new one loads (switching sprints or refreshing does not blank the
 * page), and lets a recorded overflow decision update the view in place.
 */
import { useCallback, useEffect, useState } from 'react';
import { resolver } from '../../api/resolver';
import type { DashboardView, OverflowDecisionView, ResolverError } from '../../../../src/contract';

export interface DashboardState {
  readonly view?: DashboardView;
  readonly error?: ResolverError;
  readonly loading: boolean;
  readonly sprintId?: number;
  choose(sprintId: number | undefined): void;
  refresh(): void;
  overflowRecorded(sprintId: number, decision: OverflowDecisionView): void;
}

export function useDashboard(): DashboardState {
  const [sprintId, setSprintId] = useState<number | undefined>();
  const [request, setRequest] = useState({ n: 0, refresh: false });
  const [view, setView] = useState<DashboardView>();
  const [error, setError] = useState<ResolverError>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void resolver.dashboard.get({ ...(sprintId !== undefined ? { sprintId } : {}), ...(request.refresh ? { refresh: true } : {}) }).then((envelope) => {
      if (!live) return;
      setLoading(false);
      if (envelope.ok) {
        setView(envelope.data);
        setError(undefined);
      } else setError(envelope.error);
    });
    return () => {
      live = false;
    };
  }, [sprintId, request]);

  const choose = useCallback((id: number | undefined) => {
    setSprintId(id);
    setRequest((r) => ({ n: r.n + 1, refresh: false }));
  }, []);
  const refresh = useCallback(() => setRequest((r) => ({ n: r.n + 1, refresh: true })), []);
  const overflowRecorded = useCallback((id: number, decision: OverflowDecisionView) => {
    setView((v) => (v?.sprint && v.sprint.id === id ? { ...v, sprint: { ...v.sprint, overflow: decision, needsOverflowDecision: false } } : v));
  }, []);
  return { view, error, loading, sprintId, choose, refresh, overflowRecorded };
}
