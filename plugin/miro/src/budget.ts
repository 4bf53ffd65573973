// Miro meters Web SDK calls in credits: most calls cost 50 (level 1), some
// 500 (level 3), and an app may spend at most 100,000 credits a minute and
// 1,000,000 an hour per user (developers.miro.com, Web SDK "Rate limiting").
// Going over makes calls fail. The
// budget below keeps a ledger of what was spent and, before each batch, waits
// until the batch fits in both windows, with some headroom for the rest of the
// app (the headless entry) and for clock differences. Because it checks every
// sliding window, it also stays within any fixed windows Miro may count in.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Level 1: "most actions on board items". */
export const CREDITS_PER_CALL = 50;
/**
 * What CanvasFit books for a board query (`board.get`): Miro's table puts
 * "most actions" at level 1 but lists level 3 (500) for some reads (such as
 * `item.getConnectors` and the experimental `get`) and does not state the level
 * of every `get` filter, so queries are booked at level 3 (the stricter
 * reading). A few queries a run: the budget hardly notices, the limit is kept.
 */
export const QUERY_CREDITS = 500;
export const MIRO_LIMITS = { perMinute: 100_000, perHour: 1_000_000 } as const;

const MINUTE = 60_000;
const HOUR = 3_600_000;

interface Window {
  length: number;
  cap: number;
}

export class CreditBudget {
  private readonly windows: Window[];
  private readonly ledger: { at: number; credits: number }[] = [];

  constructor(
    private readonly clock: Clock = realClock,
    limits: { perMinute: number; perHour: number } = MIRO_LIMITS,
    headroom = 0.9,
    private readonly onWait: (ms: number) => void = () => {},
  ) {
    this.windows = [
      { length: MINUTE, cap: Math.floor(limits.perMinute * headroom) },
      { length: HOUR, cap: Math.floor(limits.perHour * headroom) },
    ];
  }

  /** Credits spent within the last `length` ms. */
  spentWithin(length: number): number {
    const since = this.clock.now() - length;
    let sum = 0;
    for (let i = this.ledger.length - 1; i >= 0 && this.ledger[i].at > since; i -= 1) sum += this.ledger[i].credits;
    return sum;
  }

  /** Waits until `calls` calls of `each` credits fit in every window, then books them. */
  async spend(calls: number, each = CREDITS_PER_CALL): Promise<void> {
    const credits = calls * each;
    for (const window of this.windows) {
      if (credits > window.cap) throw new Error(`a batch of ${calls} calls exceeds Miro's rate limit on its own`);
    }
    for (;;) {
      this.forgetOlderThan(HOUR);
      const wait = Math.max(...this.windows.map((window) => this.waitFor(window, credits)));
      if (wait <= 0) break;
      this.onWait(wait);
      await this.clock.sleep(wait);
    }
    this.ledger.push({ at: this.clock.now(), credits });
  }

  /** How long until `credits` more fit in the window (0: now). */
  private waitFor(window: Window, credits: number): number {
    const now = this.clock.now();
    let excess = this.spentWithin(window.length) + credits - window.cap;
    if (excess <= 0) return 0;
    // Oldest entries inside the window leave it first; wait until enough have.
    const start = this.ledger.findIndex((entry) => entry.at > now - window.length);
    for (let i = start; i < this.ledger.length; i += 1) {
      excess -= this.ledger[i].credits;
      if (excess <= 0) return this.ledger[i].at + window.length - now + 1;
    }
    return window.length;
  }

  private forgetOlderThan(length: number): void {
    const since = this.clock.now() - length;
    let drop = 0;
    while (drop < this.ledger.length && this.ledger[drop].at <= since) drop += 1;
    if (drop > 0) this.ledger.splice(0, drop);
  }
}
