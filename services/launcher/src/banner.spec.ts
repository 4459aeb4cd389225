import { banner, maskPassword } from './banner';

describe('banner', () => {
  const info = {
    httpPort: 4000, ingressReplicas: 1, demoKey: 'sk-gh-demo-key', natsUrl: 'nats://127.0.0.1:4223', natsEmbedded: true,
    databaseUrl: 'postgres://postgres:secret@127.0.0.1:5433/gatehouse', databaseEmbedded: true, dataDir: '/r/.data', configPath: '/r/gateway.yaml',
  };
  const text = banner(info);
  it('shows the URL, the key and where data lives, never a password', () => {
    expect(text).toContain('http://127.0.0.1:4000/v1');
    expect(text).toContain('sk-gh-demo-key');
    expect(text).toContain('/r/.data/postgres');
    expect(text).not.toContain('secret');
  });
  it('names one port however many ingress workers share it', () => {
    const two = banner({ ...info, ingressReplicas: 2 });
    expect(two).toContain('http://127.0.0.1:4000/v1 (2 ingress workers on this one port)');
    expect(two).not.toContain('4001');
  });
  it('masks only the password', () => {
    expect(maskPassword('postgres://u:p@h:1/d')).toBe('postgres://u:***@h:1/d');
    expect(maskPassword('not a url')).toBe('not a url');
  });
});
