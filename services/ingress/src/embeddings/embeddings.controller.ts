import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EmbeddingsPipeline } from './embeddings-pipeline.service';

/** `POST /v1/embeddings` (and LiteLLM's unversioned alias). */
@Controller()
export class EmbeddingsController {
  constructor(private readonly pipeline: EmbeddingsPipeline) {}

  @Post(['v1/embeddings', 'embeddings'])
  @HttpCode(200)
  async create(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.pipeline.handle(request, reply);
  }
}
