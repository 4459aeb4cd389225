import type { ErrorFrame, RouteOutcome } from '@gatehouse/contracts';
import type { GroupResult } from './group-run';
import { providerErrorFrame } from './provider-errors';
import type { RouterRequest } from './run-completion';

/**
 * Pure: the error for a request no group could serve. The last provider failure when there was
 * one (the client sees what really went wrong); a 403 naming the data-boundary policy when no
 * deployment inside it exists anywhere on the route; a 503 with `retry-after` when the only
 * deployments left are cooling down.
 */
export function exhaustedError(req: RouterRequest, route: RouteOutcome, last: GroupResult | null, aborted: boolean): ErrorFrame['error'] {
  if (aborted) return { code: 'client_closed_request', message: 'The client closed the request.' };
  if (last?.failure) return providerErrorFrame(last.failure, route.deployment_id);
  const tried = [route.group ?? req.model, ...(route.fallbacks ?? []).map((f) => f.to)];
  if (route.attempts === 0 && req.boundary && last?.kind === 'exhausted' && last.why === 'boundary' && everyGroupOutsideBoundary(route)) {
    const tags = req.boundary.required_tags.join(', ');
    return {
      code: 'permission_denied',
      message: `No deployment of "${req.model}"${tried.length > 1 ? ' or its fallbacks' : ''} is allowed by the data-boundary policy ${req.boundary.policy} (required tags: ${tags}).`,
      details: { param: 'model' },
    };
  }
  if (last?.kind === 'exhausted' && last.coolingUntil > 0) {
    const retryAfter = Math.max(1, Math.ceil((last.coolingUntil - Date.now()) / 1000));
    return { code: 'service_unavailable', message: `Every deployment of "${req.model}" is cooling down after failures; retry in ${retryAfter}s.`, details: { retryAfter } };
  }
  return { code: 'service_unavailable', message: `No deployment of "${req.model}" is available.` };
}

/** Every group visited was skipped for the boundary (fallback reasons say so; the first group by its exclusions). */
function everyGroupOutsideBoundary(route: RouteOutcome): boolean {
  const firstBlocked = (route.excluded ?? []).length > 0 && route.excluded!.every((e) => e.reason === 'boundary') && (route.candidates ?? []).length === 0;
  return firstBlocked && (route.fallbacks ?? []).every((f) => f.reason === 'boundary');
}
