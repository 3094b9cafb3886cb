// Live state by polling: calls `load` at most once a second (the next call starts no sooner than
// a second after the previous one started, and never while one is in flight), and not while the
// tab is hidden. Returns a function that stops it.
export const POLL_INTERVAL_MS = 1000;

export function poll(load, { intervalMs = POLL_INTERVAL_MS, until = () => false } = {}) {
  let stopped = false;
  let timer = null;
  const tick = async () => {
    timer = null;
    if (stopped) return;
    if (document.hidden) {
      timer = setTimeout(tick, intervalMs); // no request while hidden; look again later
      return;
    }
    const started = performance.now();
    let done = false;
    try {
      done = until(await load());
    } catch (error) {
      console.warn('poll failed', error);
      done = error && (error.status === 401 || error.status === 404);
    }
    if (!stopped && !done) {
      timer = setTimeout(tick, Math.max(0, intervalMs - (performance.now() - started)));
    }
  };
  tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
