import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../common/problem/domain-error';
import { sendProblem } from '../../common/problem/problem.filter';

/** The routes the widget calls from a body's site: the only ones an allowed widget origin may call (CORS). */
const WIDGET_ROUTES = [
  /^\/api\/v1\/catalog\/(categories|appeal-types)(\?|$)/,
  /^\/api\/v1\/auth\/captcha(\?|$)/,
  /^\/api\/v1\/public\/widget\/bodies\/[^/?]+(\?|$)/,
  /^\/api\/v1\/public\/appeals(\/[^/?]+)?(\?|$)/,
  /^\/api\/v1\/public\/(upload-sessions|attachments)(\?|$)/,
  // Identified filing after «Войти через Госуслуги» (bearer token): the profile, filing, uploads.
  /^\/api\/v1\/(me|appeals|attachments)(\?|$)/,
];

export function isWidgetRoute(url: string): boolean {
  return WIDGET_ROUTES.some((r) => r.test(url));
}

const FILES = new Set(['widget.js', 'widget-form.js']);

/**
 * Serves the built widget at /widget/widget.js (the loader of the script tag) and
 * /widget/widget-form.js (its lazily imported form). Both are public code, embedded by other
 * origins: `Access-Control-Allow-Origin: *` (the form is fetched by a CORS-mode `import()`) and
 * `Cross-Origin-Resource-Policy: cross-origin` (helmet's default, same-origin, would block them).
 * The names are stable (the host page pins the loader's URL), so caches revalidate after 5 minutes.
 */
export function serveWidget(fastify: FastifyInstance, dir: string, logger: Logger): void {
  if (!existsSync(join(dir, 'widget.js'))) {
    logger.warn(`widget not built (${join(dir, 'widget.js')} missing): /widget/ answers 404`);
  }
  fastify.get<{ Params: { file: string } }>('/widget/:file', (request, reply) => {
    const file = request.params.file;
    const path = join(dir, file);
    if (!FILES.has(file) || !existsSync(path)) {
      return sendProblem(new DomainError(404, 'route_not_found'), request, reply, logger);
    }
    return reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300, must-revalidate')
      .header('Access-Control-Allow-Origin', '*')
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .send(readFileSync(path));
  });
}
