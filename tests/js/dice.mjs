// A small deterministic random source for the Node tests (no Math.random: a
// test must not flake): dice(seed) returns roll(n), an integer in [0, n).
export function dice(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}
