/**
 * Skip re-rendering a component whose props are shallowly equal (what preact/compat's memo does,
 * without pulling in compat, which changes event semantics app-wide: onChange → onInput).
 */
import { h, type Component, type FunctionComponent } from 'preact';

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

export function memo<P extends object>(inner: FunctionComponent<P>): FunctionComponent<P> {
  function Memo(this: Component<P>, props: P) {
    this.shouldComponentUpdate = function (this: Component<P>, next: P) {
      return !shallowEqual(this.props as object, next);
    };
    return h(inner, props);
  }
  Memo.displayName = `Memo(${inner.displayName ?? inner.name})`;
  return Memo as FunctionComponent<P>;
}
