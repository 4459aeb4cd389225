import { Controller, Get, Headers, Query } from '@nestjs/common';
import { z } from 'zod';
import { GatehouseError, LedgerContentGetV1 } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/nats';
import { parse } from '../admin/admin-bodies';
import { Authenticator } from '../auth/authenticator.service';
import { mayReadContent } from '../spend/spend-access';
import { ContentCapture } from './content-capture.service';
import { openContent, UndecryptableError } from './envelope-crypto';

const ContentQuery = z.object({ request_id: z.string().min(1).max(256) });

/**
 * The auditor's read path: one request's stored content, decrypted here (ingress holds the master
 * key; the ledger only ever has ciphertext). Proxy admins only. Forgotten content answers 410.
 */
@Controller('audit')
export class ContentController {
  constructor(
    private readonly auth: Authenticator,
    private readonly rpc: RpcClient,
    private readonly capture: ContentCapture,
  ) {}

  @Get('content')
  async content(@Headers() h: Record<string, string>, @Query() query: unknown) {
    if (!mayReadContent(await this.auth.authenticate(h, {}))) throw new GatehouseError('permission_denied', 'Reading stored content needs a proxy admin key.');
    const q = parse(ContentQuery, query, '/audit/content query');
    const { content: c } = await this.rpc.request(LedgerContentGetV1, { request_id: q.request_id });
    if (!c) throw new GatehouseError('not_found', `No content is stored for request ${q.request_id}.`, { param: 'request_id' });
    if (!this.capture.keys) throw new GatehouseError('service_unavailable', 'No content master key is configured on this gateway.');
    const gone = () => new GatehouseError('not_found', `The content of request ${q.request_id} was forgotten: its data key is destroyed.`, { status: 410 });
    const dk = await this.capture.keys.get(c.envelope.key_name);
    // A key of the same name but another id was created after a forget: the old content stays sealed.
    if (!dk || dk.id !== c.envelope.data_key_id) throw gone();
    try {
      const { envelope, ...meta } = c;
      return { ...meta, ciphertext_sha256: envelope.sha256, document: openContent(dk.key, c.request_id, envelope) };
    } catch (err) {
      if (err instanceof UndecryptableError) throw gone();
      throw err;
    }
  }
}
