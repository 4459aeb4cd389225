import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatehouseError } from '@gatehouse/contracts';
import { type GatewayConfig, InjectConfig, resolveGroup } from '@gatehouse/config';
import { anthropic } from '@gatehouse/providers';
import { Authenticator, mayCall } from '../auth/authenticator.service';
import { ChatPipeline } from '../chat/chat-pipeline.service';
import { toClientError } from '../http/client-error';
import { sendError } from '../http/openai-error.filter';
import { toAnthropicError } from '../protocols/anthropic-error';
import { AnthropicMessagesProtocol, parseAnthropicBody } from '../protocols/anthropic-messages.protocol';
import { estimateInputTokens } from './count-tokens';

/**
 * Anthropic's Messages API on the gateway: `POST /v1/messages` (plain and streaming, through the
 * same pipeline as chat completions) and `POST /v1/messages/count_tokens` (an estimate: see
 * `count-tokens.ts`). Clients authenticate with `x-api-key` or a bearer key.
 */
@Controller()
export class AnthropicMessagesController {
  constructor(
    private readonly pipeline: ChatPipeline,
    private readonly auth: Authenticator,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  @Post('v1/messages')
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pipeline.handle(request, reply, AnthropicMessagesProtocol);
  }

  @Post('v1/messages/count_tokens')
  @HttpCode(200)
  async countTokens(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    try {
      const principal = await this.auth.authenticate(request.headers, {});
      const body = parseAnthropicBody(request.body, anthropic.AnthropicCountTokensRequest);
      const group = resolveGroup(this.config, body.model);
      if (!group || !mayCall(principal, body.model, group)) {
        throw new GatehouseError('model_not_found', `The model "${body.model}" does not exist.`, { param: 'model' });
      }
      const chat = anthropic.fromAnthropicRequest({ ...body, max_tokens: 1 });
      await reply.code(200).header('content-type', 'application/json').send(JSON.stringify({ input_tokens: estimateInputTokens(chat) }));
    } catch (e) {
      const err = toClientError(e);
      sendError(reply, err, toAnthropicError(err));
    }
  }
}
