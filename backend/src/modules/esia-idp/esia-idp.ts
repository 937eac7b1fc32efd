import { createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, jwtVerify } from 'jose';
import { AppConfig } from '../../config/app-config';
import { deriveEcP256Key, deriveKey } from '../../common/crypto/keys';
import {
  clientSecretMessage,
  ClientSecretVerifier,
  ESIA_ERRORS,
  esiaDescription,
  EsiaErrorCode,
  NodeKeyVerifier,
  parseEsiaTimestamp,
  UUID_V4,
} from '../../common/esia/esia-protocol';
import { pickLocale } from '../../common/i18n/messages';
import { findDemoPerson } from './demo-persons';
import { renderErrorPage } from './login-page';
import { MemoryStore } from './memory-adapter';

/** Where the IdP lives on the server, and ESIA's own endpoint paths under it. */
export const ESIA_MOUNT = '/esia';
export const ESIA_PATHS = {
  authorization: '/aas/oauth2/v2/ac',
  token: '/aas/oauth2/v3/te',
  jwks: '/aas/oauth2/jwks',
  logout: '/idp/ext/Logout',
  persons: '/rs/prns',
} as const;

export const ESIA_SCOPES = ['openid', 'fullname', 'birthdate', 'gender', 'snils', 'inn', 'id_doc', 'email', 'mobile', 'contacts'] as const;
/** Scopes of the person API (the access token's resource server). */
const PERSON_SCOPES = ESIA_SCOPES.filter((s) => s !== 'openid');
/** Allowed difference between the client's `timestamp` and our clock. */
export const TIMESTAMP_SKEW_SECONDS = 300;

export interface RegisteredClient {
  clientId: string;
  redirectUris: string[];
  verifier: ClientSecretVerifier;
}

export class EsiaRequestError extends Error {
  constructor(
    readonly code: EsiaErrorCode,
    readonly detail?: string,
  ) {
    super(esiaDescription(code, detail));
  }

  get oauthError(): string {
    return ESIA_ERRORS[this.code].error;
  }
}

/** Maps an OAuth error from oidc-provider to the ESIA code it is reported with. */
export function esiaCodeFor(error: string, endpoint: 'authorization' | 'token'): EsiaErrorCode {
  switch (error) {
    case 'invalid_grant':
      return 'ESIA-007011';
    case 'invalid_scope':
      return 'ESIA-007006';
    case 'invalid_client':
    case 'unauthorized_client':
      return 'ESIA-007002';
    case 'access_denied':
      return 'ESIA-007004';
    case 'invalid_redirect_uri':
      return 'ESIA-007023';
    default:
      return endpoint === 'token' ? 'ESIA-007003' : 'ESIA-007014';
  }
}

/**
 * The embedded ESIA-like identity provider: oidc-provider configured with ESIA's paths,
 * scopes and claims, plus the checks oidc-provider does not know (signed client_secret,
 * timestamp, UUID state). The HTTP glue is in esia-idp.routes.ts.
 */
export class EsiaIdp {
  readonly issuer: string;
  readonly personsUrl: string;
  private readonly clients = new Map<string, RegisteredClient>();

  private constructor(
    readonly provider: any,
    private readonly publicKey: KeyObject,
    issuer: string,
    readonly store: MemoryStore,
  ) {
    this.issuer = issuer;
    this.personsUrl = `${issuer}${ESIA_PATHS.persons}`;
  }

  static async create(config: AppConfig): Promise<EsiaIdp> {
    // oidc-provider is an ES module; this CommonJS build loads it lazily (like PGlite).
    // It ships no type declarations; a string-typed specifier keeps the import untyped (any).
    const specifier: string = 'oidc-provider';
    const oidc = await import(specifier);
    const Provider = oidc.default;
    const { errors } = oidc;
    const issuer = `${config.publicUrl}${ESIA_MOUNT}`;
    const signingKey = deriveEcP256Key(config.masterKey, 'esia-idp-signing');
    const jwk = signingKey.export({ format: 'jwk' });
    const kid = await calculateJwkThumbprint({ kty: 'EC', crv: jwk.crv!, x: jwk.x!, y: jwk.y! });
    const clients: RegisteredClient[] = [];
    if (config.esia.clientKey) {
      clients.push({
        clientId: config.esia.clientId,
        redirectUris: [`${config.publicUrl}/api/v1/auth/esia/callback`],
        verifier: new NodeKeyVerifier(createPublicKey(config.esia.clientKey)),
      });
    }
    const rs = `${issuer}${ESIA_PATHS.persons}`;
    // Set once the provider exists; its callbacks (issueRefreshToken) run only after that.
    const idp: { current?: EsiaIdp } = {};
    const store = new MemoryStore();
    const provider = new Provider(issuer, {
      adapter: store.adapterClass(),
      clients: clients.map((c) => ({
        client_id: c.clientId,
        client_name: c.clientId,
        redirect_uris: c.redirectUris,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      })),
      jwks: { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] },
      cookies: { keys: [deriveKey(config.masterKey, 'esia-idp-cookies').toString('base64url')] },
      routes: {
        authorization: ESIA_PATHS.authorization,
        token: ESIA_PATHS.token,
        jwks: ESIA_PATHS.jwks,
        end_session: '/aas/oauth2/end_session',
        revocation: '/aas/oauth2/revoke',
        introspection: '/aas/oauth2/introspect',
        userinfo: '/aas/oauth2/userinfo',
      },
      scopes: [...ESIA_SCOPES],
      claims: { openid: ['sub', 'amr', 'auth_time', 'urn:esia:sbj', 'urn:esia:sid'] },
      // ESIA puts urn:esia:sbj/sid in every ID token, not only in userinfo.
      conformIdTokenClaims: false,
      responseTypes: ['code'],
      // Only the key we hold: clients (openid-client) learn the ID token algorithm from discovery.
      enabledJWA: { idTokenSigningAlgValues: ['ES256'] },
      pkce: { required: () => true },
      extraParams: ['timestamp', 'access_type', 'client_secret', 'scope_org'],
      features: {
        devInteractions: { enabled: false },
        // ESIA has no userinfo: person data come from /rs/prns/{oid} with the access token.
        userinfo: { enabled: false },
        rpInitiatedLogout: { enabled: false },
        // Every authorization request must come through GET /aas/oauth2/v2/ac, where the ESIA extras are checked.
        pushedAuthorizationRequests: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => rs,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, resource: string) => {
            if (resource !== rs) throw new errors.InvalidTarget();
            return { scope: PERSON_SCOPES.join(' '), audience: rs, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } };
          },
        },
      },
      extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) => (token.accountId ? { 'urn:esia:sbj_id': Number(token.accountId) } : undefined),
      issueRefreshToken: (_ctx: unknown, client: any, code: any) =>
        client.grantTypeAllowed('refresh_token') && (code.kind !== 'AuthorizationCode' || idp.current!.isOffline(code.grantId)),
      findAccount: (_ctx: any, sub: string, token: any) => {
        const person = findDemoPerson(sub);
        if (!person) return undefined;
        const sid = token?.sessionUid ?? _ctx?.oidc?.session?.uid ?? randomUUID();
        return {
          accountId: sub,
          claims: () => {
            const sbj: Record<string, unknown> = {
              'urn:esia:sbj:typ': 'P',
              'urn:esia:sbj:oid': Number(sub),
              'urn:esia:sbj:lvl': person.trust === 'confirmed' ? 'PR' : 'P',
            };
            if (person.trust === 'confirmed') sbj['urn:esia:sbj:is_tru'] = true;
            return { sub, 'urn:esia:sbj': sbj, 'urn:esia:sid': sid };
          },
        };
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${ESIA_MOUNT}/interaction/${interaction.uid}` },
      ttl: { AccessToken: 3600, AuthorizationCode: 300, IdToken: 3600, Interaction: 3600, Session: 86400, Grant: 86400, RefreshToken: 14 * 86400 },
      // Errors that cannot go back to the client (no valid redirect_uri, expired interaction) are shown to the person.
      renderError: (ctx: any, out: { error: string; error_description?: string }) => {
        const code = esiaCodeFor(out.error, 'authorization');
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = renderErrorPage(pickLocale(ctx.get('accept-language')), code, esiaDescription(code, out.error_description));
      },
    });
    provider.proxy = process.env.TRUST_PROXY === 'true';
    // Report oidc-provider's own errors with ESIA codes, as real ESIA does.
    provider.use(async (ctx: any, next: () => Promise<void>) => {
      await next();
      if (ctx.path === ESIA_PATHS.token && ctx.status >= 400 && ctx.body && typeof ctx.body === 'object' && ctx.body.error) {
        const body = ctx.body as { error: string; error_description?: string };
        if (!body.error_description?.startsWith('ESIA-')) body.error_description = esiaDescription(esiaCodeFor(body.error, 'token'), body.error_description);
      }
      const location = ctx.response.get('location');
      if (location && ctx.status >= 300 && ctx.status < 400 && location.includes('error=')) {
        const url = new URL(location);
        const error = url.searchParams.get('error');
        const description = url.searchParams.get('error_description') ?? undefined;
        if (error && !description?.startsWith('ESIA-')) {
          url.searchParams.set('error_description', esiaDescription(esiaCodeFor(error, 'authorization'), description));
          ctx.redirect(url.href);
        }
      }
    });
    const created = new EsiaIdp(provider, createPublicKey(signingKey), issuer, store);
    for (const c of clients) created.clients.set(c.clientId, c);
    idp.current = created;
    return created;
  }

  client(clientId: string | undefined | null): RegisteredClient {
    if (!clientId) throw new EsiaRequestError('ESIA-007014', 'client_id');
    const client = this.clients.get(clientId);
    if (!client) throw new EsiaRequestError('ESIA-007002', clientId);
    return client;
  }

  /** The redirect_uri check comes first: until it passes, errors may not be sent to it. */
  checkRedirect(client: RegisteredClient, redirectUri: string | null): string {
    if (!redirectUri) throw new EsiaRequestError('ESIA-007014', 'redirect_uri');
    if (!client.redirectUris.includes(redirectUri)) throw new EsiaRequestError('ESIA-007023');
    return redirectUri;
  }

  /**
   * ESIA's request extras on the authorization and token endpoints: UUID v4 state, a fresh
   * timestamp, known scopes and a client_secret signed by the client's registered key.
   */
  checkSignedRequest(client: RegisteredClient, params: URLSearchParams, endpoint: 'authorization' | 'token'): void {
    const required = endpoint === 'authorization' ? ['scope', 'timestamp', 'state', 'client_secret'] : ['timestamp', 'state', 'client_secret'];
    for (const name of required) if (!params.get(name)) throw new EsiaRequestError('ESIA-007014', name);
    const state = params.get('state')!;
    if (!UUID_V4.test(state)) throw new EsiaRequestError('ESIA-007003', 'state must be a UUID v4');
    const timestamp = params.get('timestamp')!;
    const at = parseEsiaTimestamp(timestamp);
    if (!at || Math.abs(Date.now() - at.getTime()) > TIMESTAMP_SKEW_SECONDS * 1000) throw new EsiaRequestError('ESIA-007015', timestamp);
    const scope = params.get('scope') ?? '';
    const scopes = scope.split(' ').filter(Boolean);
    if (endpoint === 'authorization') {
      if (!scopes.includes('openid')) throw new EsiaRequestError('ESIA-007013', 'openid is required');
      const unknown = scopes.filter((s) => !(ESIA_SCOPES as readonly string[]).includes(s));
      if (unknown.length) throw new EsiaRequestError('ESIA-007006', unknown.join(' '));
      const accessType = params.get('access_type');
      if (accessType && accessType !== 'online' && accessType !== 'offline') throw new EsiaRequestError('ESIA-007003', 'access_type');
    }
    const message = clientSecretMessage({
      clientId: client.clientId,
      scope,
      scopeOrg: params.get('scope_org') ?? '',
      timestamp,
      state,
      redirectUri: params.get('redirect_uri') ?? '',
    });
    if (!client.verifier.verify(message, params.get('client_secret')!)) throw new EsiaRequestError('ESIA-007053');
  }

  /** Remembers that the grant's authorization request said access_type=offline (→ a refresh token). */
  markOffline(grantId: string): void {
    this.store.set(`Offline:${grantId}`, {}, 86400);
  }

  isOffline(grantId: string | undefined): boolean {
    return !!grantId && !!this.store.get(`Offline:${grantId}`);
  }

  /** Verifies an access token for the person API; returns the subject's oid and scopes. */
  async verifyAccessToken(token: string): Promise<{ oid: string; scopes: Set<string> }> {
    const { payload } = await jwtVerify(token, this.publicKey, { issuer: this.issuer, audience: this.personsUrl, algorithms: ['ES256'] });
    const sbjId = payload['urn:esia:sbj_id'];
    const oid = typeof sbjId === 'number' || typeof sbjId === 'string' ? String(sbjId) : (payload.sub ?? '');
    const scopes = new Set((typeof payload.scope === 'string' ? payload.scope : '').split(' ').filter(Boolean));
    return { oid, scopes };
  }
}
