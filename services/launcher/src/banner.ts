export interface BannerInfo {
  httpPort: number;
  ingressReplicas: number;
  demoKey: string | null;
  natsUrl: string;
  natsEmbedded: boolean;
  databaseUrl: string;
  databaseEmbedded: boolean;
  dataDir: string;
  configPath: string;
}

/** Pure: the few lines a user needs after `npm start`. Passwords in URLs are masked. */
export function banner(b: BannerInfo): string {
  const base = `http://127.0.0.1:${b.httpPort}/v1`;
  const extra = b.ingressReplicas > 1 ? ` (${b.ingressReplicas} ingress workers on this one port)` : '';
  const lines = [
    '',
    `  Gatehouse is up: ${base}${extra}`,
    b.demoKey ? `  API key:  ${b.demoKey}   (try: curl ${base}/models -H "Authorization: Bearer ${b.demoKey}")` : '  API key:  one of the keys in your config (not printed)',
    `  Config:   ${b.configPath}`,
    `  NATS:     ${b.natsUrl}${b.natsEmbedded ? `  (embedded, store in ${b.dataDir}/nats)` : ''}`,
    `  Postgres: ${maskPassword(b.databaseUrl)}${b.databaseEmbedded ? `  (embedded, data in ${b.dataDir}/postgres)` : ''}`,
    '  Ctrl-C stops everything (twice: at once).',
    '',
  ];
  return lines.join('\n');
}

export function maskPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
