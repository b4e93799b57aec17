import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { buildApp } from './http/app.ts';
import type { CommentRecord, Flavor, IssueRecord } from './domain/model.ts';
import { resolveOptions, LimitsSchema, type Limits, type SandboxOptions } from './options.ts';
import { createRenderedIssue } from './state/render.ts';
import { createRuntime, type SandboxRuntime } from './runtime.ts';
import {
  accountOf,
  createAccount,
  credentialsOf,
  type SandboxCredentials,
} from './state/credentials.ts';
import {
  addIssue,
  changeIssue,
  mustFindIssue,
  snapshotIssue,
  type IssueChanges,
  type NewIssue,
  type SandboxIssue,
} from './state/issues.ts';
import { fromWiki } from './render/doc.ts';
import { WebhookHub, type WebhookDelivery } from './webhooks/hub.ts';
import { createPayloadBuilder } from './webhooks/payload.ts';

export type {
  SandboxOptions,
  Limits,
  SandboxCredentials,
  SandboxIssue,
  IssueChanges,
  NewIssue,
  Flavor,
};

/** Request counts: in total and per `METHOD /path` (context path and query left out). */
export interface SandboxStats {
  readonly total: number;
  readonly byRoute: Readonly<Record<string, number>>;
}

/** A running sandbox: its address, credentials, and the state API tests use to read and change its truth. */
export interface Sandbox {
  /** Base URL including the context path, without a trailing slash. */
  readonly url: string;
  readonly flavor: Flavor;
  /** The main account's credentials (sees every project). */
  readonly credentials: SandboxCredentials;
  /** Requests served so far. */
  readonly requestCount: number;
  stats(): SandboxStats;
  resetStats(): void;
  stop(): Promise<void>;
  /** Every issue, in id order. */
  listIssues(): SandboxIssue[];
  /** One issue by id or key (a moved issue's old key works too). */
  getIssue(idOrKey: string): SandboxIssue | undefined;
  /** An issue as Jira would render it with all fields, for comparing a mirror's `fields`. */
  renderIssue(idOrKey: string, version?: '2' | '3'): Record<string, unknown> | undefined;
  updateIssue(idOrKey: string, changes: IssueChanges): SandboxIssue;
  /** Moves an issue: same id, new key in the target project; the old key keeps resolving. */
  moveIssue(idOrKey: string, toProjectKey: string): SandboxIssue;
  deleteIssue(idOrKey: string): void;
  createIssue(input: NewIssue): SandboxIssue;
  /** Adds a comment (wiki-markup text) and bumps the issue's `updated`. */
  addComment(idOrKey: string, body: string, authorId?: string): { readonly id: string };
  /** Replaces a comment's text (wiki markup) and bumps the issue's `updated`. */
  updateComment(idOrKey: string, commentId: string, body: string): void;
  /** Deletes a comment; the issue's `updated` stays as it was. */
  deleteComment(idOrKey: string, commentId: string): void;
  /** Adds a user with their own credentials; `browse: []` authenticates but sees no project. */
  addUser(options: {
    readonly name: string;
    readonly displayName?: string;
    readonly browse?: 'all' | readonly string[];
  }): SandboxCredentials;
  /** Makes credentials stop working (an expired or revoked token); defaults to the main account. */
  revokeCredentials(credentials?: SandboxCredentials): void;
  /** Makes revoked credentials work again. */
  restoreCredentials(credentials?: SandboxCredentials): void;
  /** Lifts a Data Center CAPTCHA lockout (all usernames when none is given). */
  clearCaptcha(username?: string): void;
  /** Changes latency, rate and concurrency limits, fault rate, page cap or search lag at runtime. */
  setLimits(limits: Partial<Limits>): void;
  /** Lets anonymous requests browse every project (off by default). */
  setAnonymousBrowse(allowed: boolean): void;
  /** Registers a webhook as an admin would (events such as `jira:issue_updated`, `comment_created`; all six by default). */
  registerWebhook(options: {
    readonly url: string;
    readonly events?: readonly string[];
    readonly jqlFilter?: string;
    readonly secret?: string;
  }): { readonly id: number };
  /** Deliveries attempted so far, oldest first. */
  webhookDeliveries(): readonly WebhookDelivery[];
  /** Resolves once every queued webhook delivery has been attempted. */
  flushWebhooks(): Promise<void>;
}

const ALL_WEBHOOK_EVENTS = [
  'jira:issue_created',
  'jira:issue_updated',
  'jira:issue_deleted',
  'comment_created',
  'comment_updated',
  'comment_deleted',
];

/** Starts a Jira-compatible sandbox on 127.0.0.1 (port 0 picks a free port). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const runtime = createRuntime(resolved);
  const owner = runtime.store.users[0];
  if (owner === undefined) throw new Error('sandbox has no users');
  for (const user of runtime.store.users) createAccount(runtime, user, 'all');
  const mainAccount = mustAccount(runtime.accounts.accounts[0]);
  const hub = new WebhookHub(createPayloadBuilder(runtime), {
    retryDelaysMs: resolved.webhookRetryDelaysMs,
    timeoutMs: resolved.webhookTimeoutMs,
  });
  runtime.store.listeners.push((event) => {
    hub.handle(event);
  });
  const app = buildApp(runtime, hub);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: resolved.port, hostname: resolved.host }, () =>
      resolve(started),
    );
    started.once('error', reject);
  });
  const address = server.address();
  const port =
    typeof address === 'object' && address !== null
      ? (address satisfies AddressInfo).port
      : resolved.port;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  runtime.baseUrl = `http://${host}:${port}${resolved.basePath}`;
  const main = credentialsOf(runtime, mainAccount);
  const findAccount = (credentials: SandboxCredentials = main) =>
    mustAccount(accountOf(runtime, credentials));

  return {
    url: runtime.baseUrl,
    flavor: runtime.flavor,
    credentials: main,
    get requestCount() {
      return runtime.stats.total;
    },
    stats: () => ({
      total: runtime.stats.total,
      byRoute: Object.fromEntries(runtime.stats.byRoute),
    }),
    resetStats() {
      runtime.stats.total = 0;
      runtime.stats.byRoute.clear();
    },
    stop: async () => {
      await hub.close();
      await new Promise<void>((resolve, reject) => {
        // Stopping twice is harmless, so tests can stop in both a test and its afterAll.
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
    listIssues: () => [...runtime.store.allIssues()].map((issue) => snapshotIssue(runtime, issue)),
    getIssue(idOrKey) {
      const issue = runtime.store.findIssue(idOrKey);
      return issue === undefined ? undefined : snapshotIssue(runtime, issue);
    },
    renderIssue: (idOrKey, version = runtime.flavor === 'cloud' ? '3' : '2') =>
      createRenderedIssue(runtime, mainAccount, idOrKey, version),
    updateIssue: (idOrKey, changes) => changeIssue(runtime, idOrKey, changes),
    moveIssue(idOrKey, toProjectKey) {
      const issue = mustFindIssue(runtime, idOrKey);
      const project = runtime.store.findProject(toProjectKey);
      if (project === undefined) throw new Error(`No project ${toProjectKey} in the sandbox`);
      runtime.store.moveIssue(issue, project, runtime.now());
      return snapshotIssue(runtime, issue);
    },
    deleteIssue: (idOrKey) => {
      runtime.store.deleteIssue(mustFindIssue(runtime, idOrKey), runtime.now());
    },
    createIssue: (input) => addIssue(runtime, input),
    addComment(idOrKey, body, authorId = owner.id) {
      const comment = runtime.store.addComment(
        mustFindIssue(runtime, idOrKey),
        authorId,
        fromWiki(body),
        runtime.now(),
      );
      return { id: String(comment.id) };
    },
    updateComment(idOrKey, commentId, body) {
      const issue = mustFindIssue(runtime, idOrKey);
      const comment = mustFindComment(runtime, issue, commentId);
      runtime.store.updateComment(issue, comment, fromWiki(body), runtime.now());
    },
    deleteComment(idOrKey, commentId) {
      const issue = mustFindIssue(runtime, idOrKey);
      runtime.store.deleteComment(issue, mustFindComment(runtime, issue, commentId), runtime.now());
    },
    addUser({ name, displayName, browse = 'all' }) {
      const lower = name.toLowerCase();
      const user = {
        id:
          runtime.flavor === 'cloud'
            ? `712020:${lower}-${runtime.store.users.length}`
            : `JIRAUSER${10100 + runtime.store.users.length}`,
        name: lower,
        displayName: displayName ?? name,
        email: `${lower}@owlhub.test`,
        timeZone: resolved.timeZone,
        active: true,
      };
      runtime.store.addUser(user);
      return credentialsOf(runtime, createAccount(runtime, user, browse));
    },
    revokeCredentials(credentials) {
      findAccount(credentials).revoked = true;
    },
    restoreCredentials(credentials) {
      findAccount(credentials).revoked = false;
    },
    clearCaptcha: (username) => runtime.accounts.clearFailures(username),
    setLimits(limits) {
      runtime.limits = LimitsSchema.parse({ ...runtime.limits, ...limits });
    },
    registerWebhook: ({ url, events = ALL_WEBHOOK_EVENTS, jqlFilter = '', secret }) =>
      hub.register({ name: 'sandbox test', url, events, jqlFilter, secret: secret ?? null }),
    webhookDeliveries: () => [...hub.deliveries],
    flushWebhooks: () => hub.flush(),
    setAnonymousBrowse(allowed) {
      runtime.anonymousBrowse = allowed;
      // Cached search results depend on what anonymous may browse.
      runtime.store.version++;
    },
  };
}

function mustFindComment(
  runtime: SandboxRuntime,
  issue: IssueRecord,
  commentId: string,
): CommentRecord {
  const comment = runtime.store.commentsOf(issue).find((c) => String(c.id) === commentId);
  if (comment === undefined) throw new Error(`No comment ${commentId} on ${issue.key}`);
  return comment;
}

function mustAccount<T>(account: T | undefined): T {
  if (account === undefined) throw new Error('Unknown sandbox credentials');
  return account;
}
