import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP classifier for the tests, on a free local port: each test sets how it answers (`answer`) and
 * reads what Hearth sent it (`received`).
 */
export interface TestClassifier {
  url: string;
  received: unknown[];
  answer: (request: IncomingMessage, response: ServerResponse) => void;
  close(): Promise<void>;
}

export const answerJson = (status: number, body: unknown) => (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
};

export async function startTestClassifier(): Promise<TestClassifier> {
  const classifier: TestClassifier = {
    url: '',
    received: [],
    answer: answerJson(200, { riskLevel: null, warningSigns: [] }),
    close: async () => {},
  };
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      classifier.received.push(JSON.parse(body));
      classifier.answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  classifier.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/classify?key=secret-key`;
  classifier.close = () =>
    new Promise<void>((resolve) => {
      // A slow answer may still be pending: the test must not wait for it.
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return classifier;
}

/** A URL where nothing listens (a port that was just free): connection refused. */
export async function unusedLocalUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/classify`;
}
