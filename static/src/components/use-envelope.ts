/**
 * Load something through a resolver and track loading, error and data, with a `reload`. Every view
 * renders all three states; the error is the resolver's plain sentence.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Envelope, ResolverError } from '../../../src/contract';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: ResolverError }
  | { readonly state: 'ready'; readonly data: T };

export function useEnvelope<T>(load: () => Promise<Envelope<T>>, deps: readonly unknown[] = []): Loadable<T> & { reload: () => void } {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    void stableLoad().then((envelope) => {
      if (!live) return;
      setValue(envelope.ok ? { state: 'ready', data: envelope.data } : { state: 'error', error: envelope.error });
    });
    return () => {
      live = false;
    };
  }, [stableLoad, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...value, reload };
}
