// Clocks for the contract hosts. A virtual clock lets a test spend an hour of
// Miro rate-limit time in milliseconds: sleeping moves time forward at once.
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export class VirtualClock implements Clock {
  time = 0;
  slept = 0;

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    const step = Math.max(0, ms);
    this.time += step;
    this.slept += step;
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
