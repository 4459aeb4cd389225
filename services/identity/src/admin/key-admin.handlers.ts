import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GatehouseError,
  IdentityKeyDeleteV1,
  IdentityKeyGenerateV1,
  IdentityKeyInfoV1,
  IdentityKeyListV1,
  IdentityKeyRegenerateV1,
  IdentityKeyUpdateV1,
  type RpcRequest as Req,
  type RpcResponse as Res,
} from '@gatehouse/contracts';
import { type Handles, RpcHandler } from '@gatehouse/nats';
import { CommandRunner } from './command-runner.service';
import { decideDelete, decideGenerate, decideRegenerate, decideUpdate, listKeys } from './key-commands';
import { mayReadKey } from './policy';
import { findKey, keyInfo } from './views';

/** Thin: each handler runs its pure decider through the command runner and shows the result. */

@Controller()
export class KeyGenerateHandler implements Handles<typeof IdentityKeyGenerateV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityKeyGenerateV1)
  handle(@Payload() req: Req<typeof IdentityKeyGenerateV1>): Promise<Res<typeof IdentityKeyGenerateV1>> {
    let keyId = '';
    return this.runner.run(req.actor, (state, ctx) => decideGenerate(state, ctx, req, (keyId = ctx.newId('key'))), (s) => ({ info: keyInfo(s.keys.get(keyId)!) }));
  }
}

@Controller()
export class KeyUpdateHandler implements Handles<typeof IdentityKeyUpdateV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityKeyUpdateV1)
  handle(@Payload() req: Req<typeof IdentityKeyUpdateV1>): Promise<Res<typeof IdentityKeyUpdateV1>> {
    let keyId = '';
    return this.runner.run(req.actor, (state, ctx) => {
      const d = decideUpdate(state, ctx, req);
      keyId = d.keyId;
      return d.events;
    }, (s) => ({ info: keyInfo(s.keys.get(keyId)!) }));
  }
}

@Controller()
export class KeyRegenerateHandler implements Handles<typeof IdentityKeyRegenerateV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityKeyRegenerateV1)
  handle(@Payload() req: Req<typeof IdentityKeyRegenerateV1>): Promise<Res<typeof IdentityKeyRegenerateV1>> {
    let keyId = '';
    return this.runner.run(req.actor, (state, ctx) => {
      const d = decideRegenerate(state, ctx, req);
      keyId = d.keyId;
      return d.events;
    }, (s) => ({ info: keyInfo(s.keys.get(keyId)!) }));
  }
}

@Controller()
export class KeyDeleteHandler implements Handles<typeof IdentityKeyDeleteV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityKeyDeleteV1)
  handle(@Payload() req: Req<typeof IdentityKeyDeleteV1>): Promise<Res<typeof IdentityKeyDeleteV1>> {
    let deleted: string[] = [];
    return this.runner.run(req.actor, (state, ctx) => {
      const d = decideDelete(state, ctx, req);
      deleted = d.keyIds;
      return d.events;
    }, () => ({ deleted_keys: deleted }));
  }
}

@Controller()
export class KeyInfoHandler implements Handles<typeof IdentityKeyInfoV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityKeyInfoV1)
  async handle(@Payload() req: Req<typeof IdentityKeyInfoV1>): Promise<Res<typeof IdentityKeyInfoV1>> {
    const ref = req.key ?? (req.actor.key_id ? { key_id: req.actor.key_id } : null);
    if (!ref) throw new GatehouseError('invalid_request', 'Name the key: ?key=<key or key id>.', { param: 'key' });
    const key = findKey(this.runner.state, ref);
    mayReadKey(req.actor, key);
    return { info: keyInfo(key) };
  }
}

@Controller()
export class KeyListHandler implements Handles<typeof IdentityKeyListV1> {
  constructor(private readonly runner: CommandRunner) {}
  @RpcHandler(IdentityKeyListV1)
  async handle(@Payload() req: Req<typeof IdentityKeyListV1>): Promise<Res<typeof IdentityKeyListV1>> {
    if (req.actor.role === 'internal_user' && !req.actor.key_id) return { keys: [], total_count: 0, current_page: req.page, total_pages: 1 };
    return listKeys(this.runner.state, req);
  }
}

export const KeyAdminHandlers = [KeyGenerateHandler, KeyUpdateHandler, KeyRegenerateHandler, KeyDeleteHandler, KeyInfoHandler, KeyListHandler];
