import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  GatehouseError,
  IdentityKeyDeleteV1,
  IdentityKeyGenerateV1,
  IdentityKeyInfoV1,
  IdentityKeyListV1,
  IdentityKeyRegenerateV1,
  IdentityKeyUpdateV1,
} from '@gatehouse/contracts';
import { DeleteBody, GenerateBody, keyFields, KeyInfoQuery, KeyListQuery, keyRef, parse, RegenerateBody, UpdateBody } from './admin-bodies';
import { AdminRpc } from './admin-rpc.service';
import { mintKey } from './mint-key';

type H = Record<string, string>;

/**
 * LiteLLM's key management API (`/key/*`), same paths and field names. Authorization happens in
 * identity (docs/adr/0006); here: authenticate, validate, mint, call, shape the answer.
 */
@Controller('key')
export class KeyAdminController {
  constructor(private readonly admin: AdminRpc) {}

  @Post('generate')
  @HttpCode(200)
  async generate(@Headers() h: H, @Body() body: unknown) {
    const fields = parse(GenerateBody, body, '/key/generate body');
    const { key, digest } = mintKey();
    const { info } = await this.admin.call(h, IdentityKeyGenerateV1, (actor) => ({ actor, key_sha256: digest, fields }));
    return { key, ...info };
  }

  @Post('update')
  @HttpCode(200)
  async update(@Headers() h: H, @Body() body: unknown) {
    const b = parse(UpdateBody, body, '/key/update body');
    const { info } = await this.admin.call(h, IdentityKeyUpdateV1, (actor) => ({ actor, key: keyRef(b.key), fields: keyFields(b, 'key') }));
    return info;
  }

  @Post(['regenerate', ':key/regenerate'])
  @HttpCode(200)
  async regenerate(@Headers() h: H, @Body() body: unknown, @Param('key') pathKey?: string) {
    const b = parse(RegenerateBody, body, '/key/regenerate body');
    const target = pathKey ?? b.key;
    if (!target) throw new GatehouseError('invalid_request', 'Name the key to regenerate: "key" in the body or /key/{key}/regenerate.', { param: 'key' });
    const { key, digest } = mintKey();
    const { info } = await this.admin.call(h, IdentityKeyRegenerateV1, (actor) => ({
      actor, key: keyRef(target), new_key_sha256: digest, grace_period: b.grace_period ?? null, fields: keyFields(b, 'key', 'grace_period'),
    }));
    return { key, ...info };
  }

  @Post('delete')
  @HttpCode(200)
  async remove(@Headers() h: H, @Body() body: unknown) {
    const b = parse(DeleteBody, body, '/key/delete body');
    return this.admin.call(h, IdentityKeyDeleteV1, (actor) => ({ actor, keys: (b.keys ?? []).map(keyRef), key_aliases: b.key_aliases ?? [] }));
  }

  @Get('info')
  async info(@Headers() h: H, @Query() query: unknown) {
    const q = parse(KeyInfoQuery, query, '/key/info query');
    const { info } = await this.admin.call(h, IdentityKeyInfoV1, (actor) => ({ actor, key: q.key ? keyRef(q.key) : null }));
    // LiteLLM echoes the key it was asked about; Gatehouse names it by id, never by its secret.
    return { key: info.key_id, info };
  }

  @Get('list')
  async list(@Headers() h: H, @Query() query: unknown) {
    const q = parse(KeyListQuery, query, '/key/list query');
    const res = await this.admin.call(h, IdentityKeyListV1, (actor) => ({
      actor, team_id: q.team_id ?? null, key_alias: q.key_alias ?? null, user_id: q.user_id ?? null,
      include_revoked: q.include_revoked === 'true', page: q.page, size: q.size,
    }));
    return { ...res, keys: q.return_full_object === 'true' ? res.keys : res.keys.map((k) => k.key_id) };
  }
}
