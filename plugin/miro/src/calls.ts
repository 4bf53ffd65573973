// Every Web SDK call CanvasFit makes goes through here: it is paid for in the
// credit budget first, sent in batches (many calls in flight, one await per
// batch, not one per item) and followed by a pause that lets the panel repaint,
// so a 500-note write-back neither trips Miro's rate limit nor freezes the panel.
import { CreditBudget, type Clock } from './budget.js';

export const BATCH_SIZE = 25;
const RATE_LIMIT_ERROR = /rate.?limit|too many requests/i;
const RETRY_AFTER_MS = 60_000;

export class SdkCalls {
  constructor(
    readonly budget: CreditBudget,
    readonly clock: Clock,
    readonly batchSize = BATCH_SIZE,
  ) {}

  /** One call. */
  async one<T>(call: () => Promise<T>): Promise<T> {
    await this.budget.spend(1);
    return this.withRetry(call);
  }

  /**
   * Many independent calls, `batchSize` at a time. `onBatch` hears how many are done.
   * Results keep the order of `calls`.
   */
  async batch<T>(calls: (() => Promise<T>)[], onBatch: (done: number) => void = () => {}): Promise<T[]> {
    const results: T[] = [];
    for (let start = 0; start < calls.length; start += this.batchSize) {
      const chunk = calls.slice(start, start + this.batchSize);
      await this.budget.spend(chunk.length);
      results.push(...await Promise.all(chunk.map((call) => this.withRetry(call))));
      onBatch(results.length);
      await this.clock.sleep(0);  // let the panel paint the progress
    }
    return results;
  }

  /** Another app or tab of the same user may have spent credits: wait for new ones once. */
  private async withRetry<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!RATE_LIMIT_ERROR.test(String((error as Error)?.message ?? error))) throw error;
      await this.clock.sleep(RETRY_AFTER_MS);
      return call();
    }
  }
}
