/** The retrospective of a closed sprint (`retrospective.get`), loaded when such a sprint is shown. */
import { useEffect, useState } from 'react';
import { resolver } from '../../../api/resolver';
import type { ResolverError, RetrospectiveView } from '../../../../../src/contract';

export interface RetrospectiveState {
  readonly view?: RetrospectiveView;
  readonly error?: ResolverError;
  readonly loading: boolean;
}

export function useRetrospective(sprintId: number): RetrospectiveState {
  const [state, setState] = useState<RetrospectiveState>({ loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void resolver.retrospective.get({ sprintId }).then((envelope) => {
      if (!live) return;
      setState(envelope.ok ? { view: envelope.data, loading: false } : { error: envelope.error, loading: false });
    });
    return () => {
      live = false;
    };
  }, [sprintId]);
  return state;
}
