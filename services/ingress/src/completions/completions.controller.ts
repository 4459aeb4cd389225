import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChatPipeline } from '../chat/chat-pipeline.service';
import { OpenAICompletionsProtocol } from '../protocols/openai-completions.protocol';

/** `POST /v1/completions` (legacy; and LiteLLM's unversioned alias), plain and streaming, through the chat pipeline. */
@Controller()
export class CompletionsController {
  constructor(private readonly pipeline: ChatPipeline) {}

  @Post(['v1/completions', 'completions'])
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pipeline.handle(request, reply, OpenAICompletionsProtocol);
  }
}
