import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OpenAIChatProtocol } from '../protocols/openai-chat.protocol';
import { ChatPipeline } from './chat-pipeline.service';

/** `POST /v1/chat/completions` (and LiteLLM's unversioned alias), plain and streaming. */
@Controller()
export class ChatCompletionsController {
  constructor(private readonly pipeline: ChatPipeline) {}

  @Post(['v1/chat/completions', 'chat/completions'])
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pipeline.handle(request, reply, OpenAIChatProtocol);
  }
}
