import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Authenticator } from './authenticator.service';

/** The only routes that answer without credentials. Anything else, present or future, needs one. */
export const PUBLIC_ROUTES: readonly RegExp[] = [/^\/health(\/.*)?$/];

export function isPublicRoute(url: string | undefined): boolean {
  return url !== undefined && PUBLIC_ROUTES.some((re) => re.test(url));
}

const OWN_AUTH_ERRORS = 'gatehouse:renders-own-auth-errors';
/**
 * For a route that speaks another client dialect (Anthropic…): the guard still authenticates,
 * but on failure lets the handler run so that it renders the 401 in its own shape; the handler
 * must call `Authenticator.authenticate` first (it gets the same rejection). The route-walking
 * test (test/integration/identity-routes.int.spec.ts) proves every such route still answers 401.
 */
export const RendersOwnAuthErrors = () => SetMetadata(OWN_AUTH_ERRORS, true);

/**
 * A global guard: every route outside the public allow-list authenticates before its handler
 * runs (a 401 in the OpenAI shape otherwise). Handlers that need the principal call
 * `Authenticator.authenticate` again and get the same promise, so it costs nothing twice.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: Authenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (isPublicRoute(request.routeOptions?.url)) return true;
    try {
      // The identity hop joins the client's trace when it sent one (the route's own call shares this promise).
      const tp = request.headers.traceparent;
      await this.auth.authenticate(request.headers, typeof tp === 'string' ? { traceparent: tp } : {});
    } catch (err) {
      if (this.reflector.getAllAndOverride<boolean>(OWN_AUTH_ERRORS, [context.getHandler(), context.getClass()])) return true;
      throw err;
    }
    return true;
  }
}
