import { Injectable } from '@nestjs/common';
import type { Principal } from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig } from '@gatehouse/config';
import { buildKeyDirectory } from './key-directory';

@Injectable()
export class KeyDirectoryService {
  private readonly byDigest: Map<string, Principal>;

  constructor(@InjectConfig() config: GatewayConfig) {
    this.byDigest = buildKeyDirectory(config);
  }

  /** Map lookup by the full digest: no prefix comparison, so timing reveals nothing about near misses. */
  lookup(digest: string): Principal | null {
    return this.byDigest.get(digest) ?? null;
  }
}
