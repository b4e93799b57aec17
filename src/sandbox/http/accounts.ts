import type { UserRecord } from '../domain/model.ts';

/** A login for a user: Cloud API token, or Data Center password and personal access token. */
export interface Account {
  readonly user: UserRecord;
  apiToken: string;
  password: string;
  personalAccessToken: string;
  /** Project keys the account may browse; 'all' for every project. */
  browse: 'all' | readonly string[];
  revoked: boolean;
}

/** Who a request acts as. */
export type Identity =
  | { readonly kind: 'user'; readonly account: Account }
  | { readonly kind: 'anonymous'; readonly failedLogin: boolean }
  | { readonly kind: 'captcha'; readonly username: string };

/** The accounts of a sandbox and the failed-login counters that lead to a CAPTCHA lockout. */
export class AccountRegistry {
  readonly accounts: Account[] = [];
  private readonly failures = new Map<string, number>();

  constructor(private captchaAfter: number) {}

  /** Adds an account. */
  add(account: Account): Account {
    this.accounts.push(account);
    return account;
  }

  /** Cloud: Basic email:API-token. */
  loginWithToken(email: string, token: string): Identity {
    const account = this.accounts.find(
      (a) => a.user.email === email.toLowerCase() && a.apiToken === token && !a.revoked,
    );
    return account === undefined
      ? { kind: 'anonymous', failedLogin: true }
      : { kind: 'user', account };
  }

  /** Data Center: Basic username:password; repeated failures lock the username behind a CAPTCHA. */
  loginWithPassword(username: string, password: string): Identity {
    const name = username.toLowerCase();
    if ((this.failures.get(name) ?? 0) >= this.captchaAfter)
      return { kind: 'captcha', username: name };
    const account = this.accounts.find(
      (a) => a.user.name === name && a.password === password && !a.revoked,
    );
    if (account === undefined) {
      this.failures.set(name, (this.failures.get(name) ?? 0) + 1);
      return { kind: 'anonymous', failedLogin: true };
    }
    this.failures.delete(name);
    return { kind: 'user', account };
  }

  /** Data Center: Bearer personal access token (never counts towards the CAPTCHA). */
  loginWithPat(token: string): Identity {
    const account = this.accounts.find((a) => a.personalAccessToken === token && !a.revoked);
    return account === undefined
      ? { kind: 'anonymous', failedLogin: true }
      : { kind: 'user', account };
  }

  /** Lifts a CAPTCHA lockout, as an admin or a browser login with the CAPTCHA would. */
  clearFailures(username?: string): void {
    if (username === undefined) this.failures.clear();
    else this.failures.delete(username.toLowerCase());
  }

  /** Changes how many failures lock an account. */
  setCaptchaAfter(count: number): void {
    this.captchaAfter = count;
  }
}
