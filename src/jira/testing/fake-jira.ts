import type { ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { createPolicyDispatcher } from '../../net/index.ts';
import {
  sendJson,
  startHttpServer,
  type LocalServer,
  type ReceivedRequest,
} from '../../net/testing/local-server.ts';
import type { JiraAuth } from '../auth.ts';
import { createJiraClient, type JiraClient } from '../client.ts';

/** Answers one request the fake received. */
export type Route = (request: ReceivedRequest, response: ServerResponse) => void;

/** A Jira stand-in on 127.0.0.1: `routes` keyed by `METHOD /path` (query excluded). */
export interface FakeJira {
  server: LocalServer;
  routes: Map<string, Route>;
  /** Requests no route answered: a test asserts this stays empty. */
  unexpected: ReceivedRequest[];
  /** Delays the client's retry clock slept, in order. */
  sleeps: number[];
  client: (options?: {
    auth?: JiraAuth;
    apiVersion?: 2 | 3;
    contextPath?: string;
    maxAttempts?: number;
  }) => JiraClient;
  dispatcher: Dispatcher;
  close: () => Promise<void>;
}

/** A fixed "now" for Retry-After dates. */
export const FAKE_NOW = Date.parse('2026-01-01T00:00:00Z');

/** Starts a fake Jira and a policy dispatcher that allows exactly its port. */
export async function startFakeJira(): Promise<FakeJira> {
  const routes = new Map<string, Route>();
  const unexpected: ReceivedRequest[] = [];
  const server = await startHttpServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const route = routes.get(`${request.method} ${path}`);
    if (route === undefined) {
      unexpected.push(request);
      sendJson(response, 599, { errorMessages: [`unexpected ${request.method} ${path}`] });
      return;
    }
    route(request, response);
  });
  const dispatcher = createPolicyDispatcher({
    policy: {
      allowPrivateNetworks: false,
      allowedHosts: [{ host: '127.0.0.1', port: server.port }],
    },
  });
  const sleeps: number[] = [];
  return {
    server,
    routes,
    unexpected,
    sleeps,
    dispatcher,
    client: (options = {}) =>
      createJiraClient({
        baseUrl: `${server.origin}${options.contextPath ?? ''}`,
        auth: options.auth ?? { kind: 'bearer', token: 'pat-SECRET-0001' },
        apiVersion: options.apiVersion ?? 2,
        dispatcher,
        retry: { maxAttempts: options.maxAttempts ?? 3 },
        clock: {
          now: () => FAKE_NOW,
          random: () => 0.5,
          sleep: (ms) => {
            sleeps.push(ms);
            return Promise.resolve();
          },
        },
      }),
    close: async () => {
      await dispatcher.close();
      await server.close();
    },
  };
}
