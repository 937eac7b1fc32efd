import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickLocale, Locale } from '../../common/i18n/messages';
import { esiaDescription } from '../../common/esia/esia-protocol';
import { findDemoPerson } from './demo-persons';
import { ESIA_MOUNT, ESIA_PATHS, ESIA_SCOPES, EsiaIdp, EsiaRequestError } from './esia-idp';
import { renderErrorPage, renderLoginPage } from './login-page';
import { personResource, PersonResource } from './person-api';

const BODY_LIMIT = 64 * 1024;

async function readBody(request: FastifyRequest): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request.raw) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new EsiaRequestError('ESIA-007003', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function locale(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, string | undefined>)?.lang;
  if (lang === 'ru' || lang === 'en') return lang;
  return pickLocale(request.headers['accept-language']);
}

function query(request: FastifyRequest): URLSearchParams {
  const i = request.url.indexOf('?');
  return new URLSearchParams(i >= 0 ? request.url.slice(i + 1) : '');
}

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply.status(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
}

/**
 * Mounts the embedded IdP at `/esia/*` on the Fastify instance, outside Nest (no guards, pipes
 * or global prefix). oidc-provider's Koa app gets the raw Node request/response (the reply is
 * hijacked); helmet's headers are already set on the raw response by its onRequest hook, so
 * the CSP covers these pages too. Bodies are left unparsed here: oidc-provider reads its own.
 */
export async function registerEsiaIdpRoutes(fastify: FastifyInstance, idp: EsiaIdp): Promise<void> {
  const logger = new Logger('EsiaIdp');
  const callback = idp.provider.callback();

  const toProvider = (request: FastifyRequest, reply: FastifyReply, body?: string) => {
    const req = request.raw as typeof request.raw & { originalUrl?: string; body?: string };
    // oidc-provider works out its mount path from originalUrl vs url (as under Express).
    req.originalUrl = request.url;
    req.url = request.url.slice(ESIA_MOUNT.length) || '/';
    if (body !== undefined) req.body = body;
    reply.hijack();
    reply.raw.setHeader('X-Request-Id', String(request.id));
    callback(req, reply.raw);
  };

  await fastify.register(async (scope) => {
    // Every body under /esia stays a raw stream: oidc-provider and the handlers below read it.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));

    scope.get(`${ESIA_MOUNT}${ESIA_PATHS.authorization}`, async (request, reply) => {
      const params = query(request);
      let redirectUri: string;
      let client;
      try {
        client = idp.client(params.get('client_id'));
        redirectUri = idp.checkRedirect(client, params.get('redirect_uri'));
      } catch (error) {
        if (!(error instanceof EsiaRequestError)) throw error;
        return sendPage(reply, 400, renderErrorPage(locale(request), error.code, error.message));
      }
      try {
        idp.checkSignedRequest(client, params, 'authorization');
      } catch (error) {
        if (!(error instanceof EsiaRequestError)) throw error;
        const back = new URL(redirectUri);
        back.searchParams.set('error', error.oauthError);
        back.searchParams.set('error_description', error.message);
        if (params.get('state')) back.searchParams.set('state', params.get('state')!);
        return reply.redirect(back.href, 302);
      }
      toProvider(request, reply);
      return reply;
    });

    // oidc-provider would accept a POSTed authorization request too, past the checks above.
    scope.post(`${ESIA_MOUNT}${ESIA_PATHS.authorization}`, async (request, reply) =>
      sendPage(reply, 405, renderErrorPage(locale(request), 'ESIA-007003', esiaDescription('ESIA-007003', 'use GET'))),
    );

    scope.post(`${ESIA_MOUNT}${ESIA_PATHS.token}`, async (request, reply) => {
      let body: URLSearchParams;
      try {
        body = new URLSearchParams(await readBody(request));
        const client = idp.client(body.get('client_id'));
        idp.checkSignedRequest(client, body, 'token');
      } catch (error) {
        if (!(error instanceof EsiaRequestError)) throw error;
        const status = error.oauthError === 'invalid_client' ? 401 : 400;
        return reply.status(status).header('Cache-Control', 'no-store').send({ error: error.oauthError, error_description: error.message });
      }
      // The ESIA extras are checked; oidc-provider sees a plain public-client (PKCE) request.
      for (const extra of ['client_secret', 'timestamp', 'state', 'scope', 'scope_org', 'token_type']) body.delete(extra);
      toProvider(request, reply, body.toString());
      return reply;
    });

    scope.get(`${ESIA_MOUNT}/interaction/:uid`, async (request, reply) => {
      const details = await interactionDetails(request, reply);
      if (!details) return reply;
      const { uid } = request.params as { uid: string };
      const scopeParam = String(details.params.scope ?? '');
      return sendPage(reply, 200, renderLoginPage({ locale: locale(request), uid, clientName: String(details.params.client_id), scope: scopeParam, basePath: ESIA_MOUNT }));
    });

    scope.post(`${ESIA_MOUNT}/interaction/:uid/login`, async (request, reply) => {
      const details = await interactionDetails(request, reply);
      if (!details) return reply;
      const form = new URLSearchParams(await readBody(request));
      const person = findDemoPerson(form.get('oid') ?? '');
      if (!person) return sendPage(reply, 400, renderErrorPage(locale(request), 'ESIA-007003', esiaDescription('ESIA-007003', 'oid')));
      const params = details.params as Record<string, string>;
      const requested = String(params.scope ?? '').split(' ').filter((s) => (ESIA_SCOPES as readonly string[]).includes(s));
      const grant = new idp.provider.Grant({ accountId: person.oid, clientId: params.client_id });
      grant.addOIDCScope(requested.join(' '));
      grant.addResourceScope(idp.personsUrl, requested.filter((s) => s !== 'openid').join(' '));
      const grantId: string = await grant.save();
      if (params.access_type === 'offline') idp.markOffline(grantId);
      logger.log(`demo sign-in as ${person.oid} (${person.trust}) for ${params.client_id}`);
      reply.hijack();
      await idp.provider.interactionFinished(
        request.raw,
        reply.raw,
        { login: { accountId: person.oid, amr: ['PWD'] }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return reply;
    });

    scope.post(`${ESIA_MOUNT}/interaction/:uid/abort`, async (request, reply) => {
      const details = await interactionDetails(request, reply);
      if (!details) return reply;
      await readBody(request);
      reply.hijack();
      await idp.provider.interactionFinished(
        request.raw,
        reply.raw,
        { error: 'access_denied', error_description: esiaDescription('ESIA-007004') },
        { mergeWithLastSubmission: false },
      );
      return reply;
    });

    // ESIA's logout: ends the IdP session and returns to redirect_url (same origin as a registered redirect_uri).
    scope.get(`${ESIA_MOUNT}${ESIA_PATHS.logout}`, async (request, reply) => {
      const params = query(request);
      let target: URL;
      try {
        const client = idp.client(params.get('client_id'));
        const redirectUrl = params.get('redirect_url');
        if (!redirectUrl) throw new EsiaRequestError('ESIA-007014', 'redirect_url');
        target = new URL(redirectUrl);
        const allowed = client.redirectUris.some((u) => new URL(u).origin === target.origin);
        if (!allowed) throw new EsiaRequestError('ESIA-007023');
      } catch (error) {
        if (!(error instanceof EsiaRequestError)) {
          return sendPage(reply, 400, renderErrorPage(locale(request), 'ESIA-007003', esiaDescription('ESIA-007003', 'redirect_url')));
        }
        return sendPage(reply, 400, renderErrorPage(locale(request), error.code, error.message));
      }
      const session = /(?:^|;\s*)_session=([^;]+)/.exec(request.headers.cookie ?? '');
      if (session) idp.store.delete(`Session:${decodeURIComponent(session[1])}`);
      for (const name of ['_session', '_session.sig', '_session.legacy', '_session.legacy.sig']) {
        reply.header('Set-Cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
      }
      return reply.redirect(target.href, 302);
    });

    // ESIA's person API: /rs/prns/{oid}, /rs/prns/{oid}/{ctts|addrs|docs}[/{id}], ?embed=(elements).
    scope.get(`${ESIA_MOUNT}${ESIA_PATHS.persons}/*`, async (request, reply) => {
      const path = request.url.split('?')[0].slice(`${ESIA_MOUNT}${ESIA_PATHS.persons}/`.length);
      const [oid, resourceRaw, itemId, ...rest] = path.split('/');
      const resource = (resourceRaw ?? 'person') as PersonResource;
      if (rest.length || !['person', 'ctts', 'addrs', 'docs'].includes(resource) || (resourceRaw === 'person')) {
        return reply.status(404).send({ code: 'ESIA-007003', message: 'no such resource' });
      }
      const auth = request.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ')) {
        return reply.status(401).header('WWW-Authenticate', 'Bearer').send({ code: 'ESIA-007014', message: 'access token required' });
      }
      let token: { oid: string; scopes: Set<string> };
      try {
        token = await idp.verifyAccessToken(auth.slice(7));
      } catch {
        return reply.status(401).header('WWW-Authenticate', 'Bearer error="invalid_token"').send({ code: 'ESIA-007011', message: 'invalid access token' });
      }
      const person = findDemoPerson(oid);
      if (!person || token.oid !== oid) return reply.status(403).send({ code: 'ESIA-007004', message: 'the token is not for this person' });
      const embed = query(request).get('embed') === '(elements)';
      const result = personResource(person, resource, itemId, token.scopes, embed, idp.issuer);
      return reply.status(result.status).header('Cache-Control', 'no-store').send(result.body);
    });

    // Everything else under /esia (discovery, JWKS, the authorization resume, …) is oidc-provider's.
    scope.all(`${ESIA_MOUNT}/*`, async (request, reply) => {
      toProvider(request, reply);
      return reply;
    });
  });

  async function interactionDetails(request: FastifyRequest, reply: FastifyReply): Promise<any> {
    try {
      return await idp.provider.interactionDetails(request.raw, reply.raw);
    } catch {
      sendPage(reply, 400, renderErrorPage(locale(request), 'ESIA-007003', esiaDescription('ESIA-007003', 'the sign-in session has expired; start again')));
      return null;
    }
  }
}
