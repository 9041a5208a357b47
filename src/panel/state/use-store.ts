import { createContext } from 'preact';
import { useContext, useEffect, useReducer } from 'preact/hooks';
import type { PanelStore } from './store';

export const StoreContext = createContext<PanelStore | null>(null);

/** The store, re-rendering the caller on every store change (Preact batches the renders). */
export function useStore(): PanelStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <StoreContext.Provider>');
  const [, force] = useReducer((x: number) => x + 1, 0);
  const renderedVersion = store.version;
  useEffect(() => {
    const unsubscribe = store.subscribe(() => force(undefined));
    // A change between this render and the subscription (effects run after paint) would be lost.
    if (store.version !== renderedVersion) force(undefined);
    return unsubscribe;
  }, [store]);
  return store;
}
