import { describe, expect, it } from 'vitest';
import { checkSchedulePeriod, resolveRegistration } from './options.ts';

const handler = () => Promise.resolve();

describe('job options', () => {
  it('fills in the defaults', () => {
    expect(resolveRegistration('sync', handler, {})).toEqual({
      name: 'sync',
      handler,
      concurrency: 1,
      leaseSeconds: 900,
      retryLimit: 2,
      retryDelaySeconds: 10,
    });
  });

  it('rejects values neither adapter can honour, naming the job and the option', () => {
    expect(() => resolveRegistration('sync', handler, { concurrency: 0 })).toThrow(
      'Job "sync": concurrency must be an integer from 1 to 1000',
    );
    expect(() => resolveRegistration('sync', handler, { leaseSeconds: 1.5 })).toThrow(
      /leaseSeconds/,
    );
    expect(() => resolveRegistration('sync', handler, { leaseSeconds: 86_400 })).toThrow(
      /leaseSeconds/,
    );
    expect(() => resolveRegistration('sync', handler, { retryLimit: -1 })).toThrow(/retryLimit/);
    expect(() => checkSchedulePeriod('tick', 0)).toThrow(/everySeconds/);
    expect(() => checkSchedulePeriod('tick', 43_201)).toThrow(/everySeconds/);
  });
});
