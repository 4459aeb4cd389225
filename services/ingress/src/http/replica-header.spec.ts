import { createServer, get, type Server } from 'node:http';
import { ingressReplicaOf, REPLICA_HEADER, tagResponses } from './replica-header';

describe('ingressReplicaOf', () => {
  it.each([
    ['ingress#0', '0'],
    ['ingress#12', '12'],
    [' ingress#1 ', '1'],
    ['router#0', null],
    ['ingress', null],
    ['ingress#x', null],
    ['', null],
    [undefined, null],
  ])('%p → %p', (instance, replica) => {
    expect(ingressReplicaOf(instance)).toBe(replica);
  });
});

describe('tagResponses', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/stream') {
        // What SseResponse does: its own writeHead, headers going out with the first bytes.
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: [DONE]\n\n');
      } else {
        res.statusCode = 404;
        res.end('nothing here');
      }
    });
    tagResponses(server, '3');
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const headerOf = (path: string) =>
    new Promise<{ status: number; replica: unknown }>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        res.resume();
        resolve({ status: res.statusCode!, replica: res.headers[REPLICA_HEADER] });
      }).on('error', reject);
    });

  it('names the replica on a response whose handler writes its own head', async () => {
    expect(await headerOf('/stream')).toEqual({ status: 200, replica: '3' });
  });

  it('names it on an error response too', async () => {
    expect(await headerOf('/missing')).toEqual({ status: 404, replica: '3' });
  });
});
