import type { CheckName, VerificationCheck } from '../../shared/integrations.ts';
import { CHECK_NAMES } from '../../shared/integrations.ts';

/** Collects the checks of one verification run in order; unrun checks become `skipped`. */
export class Checklist {
  private readonly checks: VerificationCheck[] = [];

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Records a finished check. */
  add(
    name: CheckName,
    status: VerificationCheck['status'],
    durationMs: number,
    detail: string,
  ): void {
    this.checks.push({ name, status, durationMs: Math.round(durationMs), detail });
  }

  /** Runs `step`, timing it; the step says how it went. */
  async time<T>(
    name: CheckName,
    step: () => Promise<{ status: VerificationCheck['status']; detail: string; value: T }>,
  ): Promise<{ status: VerificationCheck['status']; value: T }> {
    const started = this.clock();
    const outcome = await step();
    this.add(name, outcome.status, this.clock() - started, outcome.detail);
    return outcome;
  }

  /** Every check in contract order, unrun ones as `skipped`. */
  finish(): VerificationCheck[] {
    const seen = new Set(this.checks.map((c) => c.name));
    const skipped = CHECK_NAMES.filter((name) => !seen.has(name)).map(
      (name): VerificationCheck => ({
        name,
        status: 'skipped',
        durationMs: 0,
        detail: 'Not run: an earlier check failed.',
      }),
    );
    const all = [...this.checks, ...skipped];
    return CHECK_NAMES.flatMap((name) => all.filter((c) => c.name === name));
  }
}
