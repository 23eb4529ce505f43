/** Milliseconds spent in each start-up stage since the process began, for the "mlq is running" log line. */
export class StartupTimer {
  private last = 0;
  private readonly stages: Record<string, number> = {};

  constructor(private readonly now: () => number = () => performance.now()) {
    this.last = this.now();
    this.stages.modules = Math.round(this.last);
  }

  mark(stage: string): void {
    const at = this.now();
    this.stages[stage] = Math.round(at - this.last);
    this.last = at;
  }

  /** Every stage so far, plus the total since the process began. */
  report(): Record<string, number> {
    return { ...this.stages, total: Math.round(this.last) };
  }
}
