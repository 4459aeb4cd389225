import { Controller, Get, Headers, Param } from '@nestjs/common';
import { GatehouseError, type ModelObject } from '@gatehouse/contracts';
import { callableModels, type GatewayConfig, InjectConfig, resolveGroup } from '@gatehouse/config';
import { Authenticator, mayCall } from '../auth/authenticator.service';

/** `GET /v1/models` and `GET /v1/models/{id}`: the aliases this key may call, in OpenAI's list shape. */
@Controller()
export class ModelsController {
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(
    private readonly auth: Authenticator,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  @Get(['v1/models', 'models'])
  async list(@Headers() headers: Record<string, string>): Promise<{ object: 'list'; data: ModelObject[] }> {
    const principal = await this.auth.authenticate(headers, {});
    const data = callableModels(this.config)
      .filter((m) => mayCall(principal, m, resolveGroup(this.config, m)!))
      .map((id) => this.model(id));
    return { object: 'list', data };
  }

  @Get(['v1/models/:id', 'models/:id'])
  async one(@Param('id') id: string, @Headers() headers: Record<string, string>): Promise<ModelObject> {
    const principal = await this.auth.authenticate(headers, {});
    const group = resolveGroup(this.config, id);
    if (!group || !mayCall(principal, id, group)) throw new GatehouseError('model_not_found', `The model "${id}" does not exist.`, { param: 'model' });
    return this.model(id);
  }

  private model(id: string): ModelObject {
    return { id, object: 'model', created: this.created, owned_by: 'gatehouse' };
  }
}
