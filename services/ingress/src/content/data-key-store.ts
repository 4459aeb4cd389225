import { randomBytes } from 'node:crypto';
import { type KV, Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { CONTENT_KEYS_BUCKET } from '@gatehouse/contracts';
import { dataKeyAad, masterKeyId, open, seal, type Sealed } from './envelope-crypto';

/** A data key entry as stored in KV: only the wrapped key, never the key itself. */
interface StoredDataKey extends Sealed {
  v: 1;
  id: string;
  master_key_id: string;
  created_at: string;
}

export interface DataKey {
  name: string;
  id: string;
  key: Buffer;
}

/**
 * Content data keys in the `gh_content_keys` KV bucket (history 1), wrapped (AES-256-GCM) by the
 * master key. Read on every capture, never cached, so a forget (a purge of the entry) takes
 * effect on the next request: new content then gets a new key, old content stays unreadable.
 */
export class DataKeyStore {
  private kv: Promise<KV> | null = null;
  private readonly masterId: string;

  constructor(
    private readonly nc: NatsConnection,
    private readonly master: Buffer,
    private readonly replicas = Number(process.env.GATEHOUSE_JS_REPLICAS ?? 1),
  ) {
    this.masterId = masterKeyId(master);
  }

  private bucket(): Promise<KV> {
    this.kv ??= new Kvm(this.nc).create(CONTENT_KEYS_BUCKET, { history: 1, replicas: this.replicas }).catch((err: unknown) => {
      this.kv = null;
      throw err;
    });
    return this.kv;
  }

  /** The data key of `name`; null when there is none (never created, or forgotten). */
  async get(name: string): Promise<DataKey | null> {
    const e = await (await this.bucket()).get(name);
    if (!e || e.operation !== 'PUT' || e.length === 0) return null;
    const s = e.json<StoredDataKey>();
    return { name, id: s.id, key: open(this.master, s, dataKeyAad(name, s.id)) };
  }

  /** The data key of `name`, created (and wrapped) on first use; a concurrent creator's key wins. */
  async getOrCreate(name: string): Promise<DataKey> {
    const existing = await this.get(name);
    if (existing) return existing;
    const id = `dk_${randomBytes(8).toString('hex')}`;
    const key = randomBytes(32);
    const stored: StoredDataKey = { v: 1, id, master_key_id: this.masterId, created_at: new Date().toISOString(), ...seal(this.master, key, dataKeyAad(name, id)) };
    try {
      await (await this.bucket()).create(name, JSON.stringify(stored));
      return { name, id, key };
    } catch {
      const winner = await this.get(name); // another ingress created it first
      if (!winner) throw new Error(`data key ${name} could be neither created nor read`);
      return winner;
    }
  }
}
