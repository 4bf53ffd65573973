// Fault injection for the Miro and FigJam contract hosts, on the model of
// tests/js/fault-kit.mjs (whose fault kinds it reuses): both fake hosts run
// every host call through their `around` hook, and `scheduleFaults` makes the
// n-th call that matches fail, stall forever, be rate-limited, fail after
// taking effect, or let the user act just before it runs. Not a test file.
import { ok, fails, failsAfterEffect, rateLimited, slow, userActsFirst } from '../js/fault-kit.mjs';

export { ok, fails, failsAfterEffect, rateLimited, slow, userActsFirst };

/** The call never answers: the adapter has to give up on it by itself. */
export function hangs() {
  return { kind: 'hang' };
}

/** A matcher for `scheduleFaults`: calls of `method` (and, if given, on item/node `id`). */
export function calls(method, id) {
  return (call) => call.method === method && (id === undefined || call.id === id);
}

/**
 * Applies `schedule[n]` to the n-th host call (0-based) that `matches`;
 * later calls behave normally. `host.around` is restored by `state.restore()`
 * (the host "recovers"). Hooks chain, so several schedules can be active.
 * @returns {{ calls: number, restore: () => void }}
 */
export function scheduleFaults(host, matches, schedule) {
  const previous = host.around;
  const state = { calls: 0, restore: () => { host.around = previous; } };
  host.around = (call, run) => {
    const next = () => (previous ? previous(call, run) : run());
    if (!matches(call)) return next();
    const fault = schedule[state.calls] ?? ok;
    state.calls += 1;
    switch (fault.kind) {
      case 'throw': throw fault.error();
      case 'throw-after': {
        const result = next();
        if (result && typeof result.then === 'function') return result.then(() => { throw fault.error(); });
        throw fault.error();
      }
      case 'before': fault.act(host); return next();
      case 'hang':
        if (!call.async) throw new Error(`${call.method} is synchronous on this host: it cannot stall`);
        return new Promise(() => {});
      case 'slow': {
        const result = next();
        if (result && typeof result.then === 'function') {
          return new Promise((resolve, reject) => setTimeout(() => result.then(resolve, reject), fault.ms));
        }
        return result;
      }
      default: return next();
    }
  };
  return state;
}

/** Collects unhandled rejections of the test process, to assert there were none. */
export function watchUnhandledRejections() {
  const seen = [];
  process.on('unhandledRejection', (reason) => seen.push(String(reason?.stack ?? reason)));
  return seen;
}
