/**
 * The Web Animations spec marks an animation's `finished` promise as handled when `cancel()`
 * rejects it, so a cancelled animation never surfaces as an unhandled rejection in browsers.
 * happy-dom rejects it without that mark; Fluent's motion components cancel animations on
 * unmount, which would otherwise show up as unhandled errors in DOM tests.
 */
const animation = (globalThis as { Animation?: { prototype: Animation } }).Animation;
if (animation) {
  const cancel = animation.prototype.cancel;
  animation.prototype.cancel = function cancelMarkedHandled(this: Animation) {
    this.finished.catch(() => undefined);
    cancel.call(this);
  };
}
