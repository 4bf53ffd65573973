// Every Web SDK call CanvasFit makes goes through here: it is paid for in the
// credit budget first, sent in batches (many calls in flight, one await per
// batch, not one per item) and followed by a pause that lets the panel repaint,
// so a 500-note write-back neither trips Miro's rate limit nor freezes the panel.
// A call that never answers is given up after a timeout, so a stalled host
// ends in an error the panel can show instead of a write-back that never ends.
import { CREDITS_PER_CALL, CreditBudget, type Clock } from './budget.js';

export const BATCH_SIZE = 25;
/** Real time, not the budget's clock: the budget's clock may be virtual in tests. */
export const CALL_TIMEOUT_MS = 30_000;
const RATE_LIMIT_ERROR = /rate.?limit|too many requests|\b429\b/i;
const RETRY_AFTER_MS = 60_000;

export function isRateLimited(error: unknown): boolean {
  return (error as { status?: unknown } | null)?.status === 429
    || RATE_LIMIT_ERROR.test(String((error as Error)?.message ?? error));
}

/** A failure that says nothing about the item: the call was rate-limited or never answered. */
export function isHostTrouble(error: unknown): boolean {
  return isRateLimited(error) || (error as Error | null)?.name === 'TimeoutError';
}

export class SdkCalls {
  constructor(
    readonly budget: CreditBudget,
    readonly clock: Clock,
    readonly batchSize = BATCH_SIZE,
    readonly timeoutMs = CALL_TIMEOUT_MS,
  ) {}

  /** One call, costing `credits` (level 1 unless said otherwise). */
  async one<T>(call: () => Promise<T>, credits = CREDITS_PER_CALL): Promise<T> {
    await this.budget.spend(1, credits);
    return this.withRetry(call);
  }

  /**
   * Many independent calls, `batchSize` at a time. `onBatch` hears how many are done.
   * Results keep the order of `calls`; the first failure is thrown once its whole batch has settled.
   */
  async batch<T>(calls: (() => Promise<T>)[], onBatch: (done: number) => void = () => {}): Promise<T[]> {
    const settled = await this.settle(calls, onBatch);
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
  }

  /**
   * Like batch(), but every call's outcome is returned, failures included. A
   * batch always settles whole (failed calls do not leave others in flight),
   * so whatever runs next never interleaves with a half-finished batch.
   */
  async settle<T>(calls: (() => Promise<T>)[], onBatch: (done: number) => void = () => {}, credits = CREDITS_PER_CALL): Promise<PromiseSettledResult<T>[]> {
    const results: PromiseSettledResult<T>[] = [];
    for (let start = 0; start < calls.length; start += this.batchSize) {
      const chunk = calls.slice(start, start + this.batchSize);
      await this.budget.spend(chunk.length, credits);
      results.push(...await Promise.allSettled(chunk.map((call) => this.withRetry(call))));
      onBatch(results.length);
      await this.clock.sleep(0);  // let the panel paint the progress
    }
    return results;
  }

  /** Another app or tab of the same user may have spent credits: wait for new ones once. */
  private async withRetry<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await this.timed(call);
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      await this.clock.sleep(RETRY_AFTER_MS);
      return this.timed(call);
    }
  }

  private timed<T>(call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const after = this.timeoutMs < 1000 ? `${this.timeoutMs} ms` : `${Math.round(this.timeoutMs / 1000)} s`;
        reject(Object.assign(new Error(`Miro did not answer within ${after}`), { name: 'TimeoutError' }));
      }, this.timeoutMs);
      const settle = <V>(done: (value: V) => void) => (value: V) => {
        clearTimeout(timer);
        done(value);
      };
      try {
        call().then(settle(resolve), settle(reject));
      } catch (error) {
        settle(reject)(error);
      }
    });
  }
}
