import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { clientSecretMessage, ClientSecretSigner, esiaTimestamp, NodeKeySigner } from '../../../common/esia/esia-protocol';
import { DomainError } from '../../../common/problem/domain-error';
import { EsiaLoginState, EsiaLoginStateSealer, ESIA_STATE_TTL_SECONDS } from './esia-login-state';

type OpenIdClient = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });
type Configuration = import('openid-client', { with: { 'resolution-mode': 'import' } }).Configuration;

/** The person as the provider's ID token and person API describe them. */
export interface EsiaIdentity {
  oid: string;
  /** `urn:esia:sbj:lvl` "PR" (or is_tru) → confirmed; otherwise standard when SNILS is verified, else simplified. */
  trustLevel: 'confirmed' | 'standard' | 'simplified';
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  gender: string | null;
  snils: string | null;
  inn: string | null;
  email: string | null;
  emailVerified: boolean;
  mobile: string | null;
  mobileVerified: boolean;
}

export const ESIA_RP_SCOPE = 'openid fullname birthdate gender snils inn email mobile contacts';

/**
 * The relying party's protocol side: authorization request with state, nonce, PKCE (S256) and
 * ESIA's signed extras; code exchange and ID token validation with openid-client; the person
 * and contacts from `/rs/prns/{oid}`. Which provider is configuration only (ESIA_ISSUER…).
 */
@Injectable()
export class EsiaRelyingParty {
  private readonly logger = new Logger('EsiaRelyingParty');
  private readonly sealer: EsiaLoginStateSealer;
  private readonly signer: ClientSecretSigner | null;
  private configuration: Promise<{ oidc: OpenIdClient; config: Configuration }> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly app: AppConfig) {
    this.sealer = new EsiaLoginStateSealer(app.masterKey);
    this.signer = app.esia.clientKey ? new NodeKeySigner(app.esia.clientKey) : null;
  }

  get redirectUri(): string {
    return `${this.app.publicUrl}/api/v1/auth/esia/callback`;
  }

  /** Where the browser goes next, and the sealed state to keep in a cookie until the callback. */
  async start(options: { widgetOrigin?: string } = {}): Promise<{ location: string; sealedState: string }> {
    const { oidc, config } = await this.client();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const login: EsiaLoginState = {
      state: randomUUID(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      expiresAt: Date.now() + ESIA_STATE_TTL_SECONDS * 1000,
      ...(options.widgetOrigin ? { widgetOrigin: options.widgetOrigin } : {}),
    };
    const timestamp = esiaTimestamp();
    const url = oidc.buildAuthorizationUrl(config, {
      response_type: 'code',
      redirect_uri: this.redirectUri,
      scope: ESIA_RP_SCOPE,
      state: login.state,
      nonce: login.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      access_type: 'online',
      timestamp,
      client_secret: this.sign(ESIA_RP_SCOPE, timestamp, login.state),
    });
    return { location: url.href, sealedState: this.sealer.seal(login) };
  }

  /** The widget origin a sign-in was started for (null: a sign-in of the platform's own pages). */
  widgetOriginOf(sealedState: string | undefined): string | null {
    return this.sealer.open(sealedState)?.widgetOrigin ?? null;
  }

  /** Validates the callback against the sealed state, exchanges the code and reads the person. */
  async finish(query: Record<string, string | undefined>, sealedState: string | undefined): Promise<EsiaIdentity> {
    const login = this.sealer.open(sealedState);
    if (!login || !query.state || query.state !== login.state) throw new DomainError(400, 'esia_state_invalid');
    if (query.error) {
      const reason = (query.error_description ?? query.error).slice(0, 300);
      throw new DomainError(query.error === 'access_denied' ? 403 : 502, query.error === 'access_denied' ? 'esia_denied' : 'esia_failed', { reason });
    }
    const { oidc, config } = await this.client();
    const currentUrl = new URL(this.redirectUri);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) currentUrl.searchParams.set(k, v);
    const tokenState = randomUUID();
    const timestamp = esiaTimestamp();
    let tokens: Awaited<ReturnType<OpenIdClient['authorizationCodeGrant']>>;
    try {
      tokens = await oidc.authorizationCodeGrant(
        config,
        currentUrl,
        { pkceCodeVerifier: login.codeVerifier, expectedState: login.state, expectedNonce: login.nonce, idTokenExpected: true },
        { scope: ESIA_RP_SCOPE, state: tokenState, timestamp, token_type: 'Bearer', client_secret: this.sign(ESIA_RP_SCOPE, timestamp, tokenState) },
      );
    } catch (error) {
      throw this.failure('token exchange', error);
    }
    const claims = tokens.claims();
    if (!claims?.sub) throw new DomainError(502, 'esia_failed', { reason: 'no subject in the ID token' });
    const sbj = (claims['urn:esia:sbj'] ?? {}) as Record<string, unknown>;
    const oid = String(claims.sub);
    const person = await this.fetchJson(`${this.personsBase()}/${encodeURIComponent(oid)}`, tokens.access_token);
    const contacts = await this.fetchJson(`${this.personsBase()}/${encodeURIComponent(oid)}/ctts?embed=(elements)`, tokens.access_token);
    const elements = Array.isArray(contacts.elements) ? (contacts.elements as Array<Record<string, unknown>>) : [];
    const contact = (type: string) => elements.find((c) => c && typeof c === 'object' && c.type === type);
    const email = contact('EML');
    const mobile = contact('MBT');
    const confirmed = sbj['urn:esia:sbj:lvl'] === 'PR' || sbj['urn:esia:sbj:is_tru'] === true || person.trusted === true;
    const snils = typeof person.snils === 'string' ? person.snils : null;
    return {
      oid,
      trustLevel: confirmed ? 'confirmed' : snils ? 'standard' : 'simplified',
      lastName: typeof person.lastName === 'string' ? person.lastName : '',
      firstName: typeof person.firstName === 'string' ? person.firstName : '',
      middleName: typeof person.middleName === 'string' ? person.middleName : null,
      birthDate: typeof person.birthDate === 'string' ? person.birthDate : null,
      gender: typeof person.gender === 'string' ? person.gender : null,
      snils,
      inn: typeof person.inn === 'string' ? person.inn : null,
      email: typeof email?.value === 'string' ? email.value : null,
      emailVerified: email?.vrfStu === 'VERIFIED',
      mobile: typeof mobile?.value === 'string' ? mobile.value : null,
      mobileVerified: mobile?.vrfStu === 'VERIFIED',
    };
  }

  private sign(scope: string, timestamp: string, state: string): string {
    if (!this.signer) throw new DomainError(503, 'esia_not_configured');
    return this.signer.sign(clientSecretMessage({ clientId: this.app.esia.clientId, scope, timestamp, state, redirectUri: this.redirectUri }));
  }

  private personsBase(): string {
    return `${this.app.esia.issuer!.replace(/\/$/, '')}/rs/prns`;
  }

  private async fetchJson(url: string, accessToken: string): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw this.failure('person API', error);
    }
    if (!res.ok) throw new DomainError(502, 'esia_failed', { reason: `person API answered ${res.status}` });
    const body = (await res.json());
    if (!body || typeof body !== 'object') throw new DomainError(502, 'esia_failed', { reason: 'person API returned no object' });
    return body as Record<string, unknown>;
  }

  private failure(step: string, error: unknown): DomainError {
    const e = error as { error?: string; error_description?: string; message?: string; code?: string };
    const reason = `${step}: ${e.error_description ?? e.error ?? e.message ?? 'unknown error'}`.slice(0, 300);
    this.logger.warn(`ESIA ${reason}${e.code ? ` (${e.code})` : ''}`);
    return new DomainError(502, 'esia_failed', { reason });
  }

  /** Discovery is lazy (the embedded IdP is this very server, not listening yet at boot) and retried on failure. */
  private client(): Promise<{ oidc: OpenIdClient; config: Configuration }> {
    const { issuer, clientId } = this.app.esia;
    if (!issuer || !this.signer) return Promise.reject(new DomainError(503, 'esia_not_configured'));
    this.configuration ??= (async () => {
      const oidc: OpenIdClient = await import('openid-client');
      const insecure = issuer.startsWith('http:');
      const discovered = await oidc.discovery(new URL(issuer), clientId, undefined, oidc.None(), insecure ? { execute: [oidc.allowInsecureRequests] } : {});
      // openid-client expects RS256 ID tokens unless told otherwise; take the provider's first algorithm.
      const algs = discovered.serverMetadata().id_token_signing_alg_values_supported;
      if (!algs?.length || algs.includes('RS256')) return { oidc, config: discovered };
      const config = new oidc.Configuration(discovered.serverMetadata(), clientId, { id_token_signed_response_alg: algs[0] }, oidc.None());
      if (insecure) oidc.allowInsecureRequests(config);
      return { oidc, config };
    })().catch((error: unknown) => {
      this.configuration = null;
      throw this.failure('discovery', error);
    });
    return this.configuration;
  }
}
