import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChatPipeline } from '../chat/chat-pipeline.service';
import { OpenAIResponsesProtocol } from '../protocols/openai-responses.protocol';

/** `POST /v1/responses` (and the unversioned alias), plain and streaming, through the chat pipeline. */
@Controller()
export class ResponsesController {
  constructor(private readonly pipeline: ChatPipeline) {}

  @Post(['v1/responses', 'responses'])
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pipeline.handle(request, reply, OpenAIResponsesProtocol);
  }
}
