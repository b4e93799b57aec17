import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A request a test server received, body included. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers one request of a test server. */
export type TestHandler = (request: ReceivedRequest, response: ServerResponse) => void;

/** A server on 127.0.0.1 with a random port that records what reached it. */
export interface LocalServer {
  port: number;
  /** `http(s)://127.0.0.1:PORT` */
  origin: string;
  /** TCP connections accepted so far: a blocked address must leave this at 0. */
  connections: () => number;
  requests: ReceivedRequest[];
  close: () => Promise<void>;
}

async function listen(
  server: HttpServer | HttpsServer,
  protocol: string,
  requests: ReceivedRequest[],
): Promise<LocalServer> {
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('server has no port');
  }
  const { port } = address satisfies AddressInfo;
  return {
    port,
    origin: `${protocol}://127.0.0.1:${port}`,
    connections: () => connections,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function recording(handler: TestHandler, requests: ReceivedRequest[]) {
  return (incoming: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      handler(request, response);
    });
  };
}

/** Starts a plain HTTP test server on 127.0.0.1, port 0. */
export function startHttpServer(handler: TestHandler): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  return listen(createHttpServer(recording(handler, requests)), 'http', requests);
}

/** Starts an HTTPS test server on 127.0.0.1, port 0, with the given certificate. */
export function startHttpsServer(
  handler: TestHandler,
  tls: { cert: string; key: string },
): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  return listen(createHttpsServer(tls, recording(handler, requests)), 'https', requests);
}

/** Answers with a JSON body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  response.end(JSON.stringify(body));
}

/** A TCP port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = await startHttpServer(() => undefined);
  await server.close();
  return server.port;
}
