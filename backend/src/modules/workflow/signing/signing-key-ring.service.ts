import { createHash, createPrivateKey, createPublicKey, generateKeyPair, KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Expiring } from '../../../common/cache/expiring';
import { PersonalDataCipher } from '../../../common/crypto/personal-data-cipher';
import { IdempotencyService, IdempotentRequest } from '../../../common/idempotency/idempotency.service';
import { Actor } from '../../../common/http/actor';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { TransactionRunner } from '../../../database/transaction-runner';
import { AuditService } from '../../audit/audit.service';
import { AnswerSigningKey } from './answer-signing-key.entity';
import { AnswerSigningKeyStore, NewSigningKey } from './answer-signing-keys.repository';
import { AnswerKeySource } from './answer-signer.service';
import { AnswerKeySet, AnswerSigningKeys, keyIdOf } from './signing-keys';
import { SigningKeyDto, signingKeyDto } from './signing-keys.dto';

const generateRsa = promisify(generateKeyPair);

/**
 * How long an instance signs with the key set it read: a rotation on another instance is seen
 * within this time (the answers signed meanwhile with the previous key keep verifying), and a
 * signature naming a key this instance does not know yet makes it read the set again at once.
 */
export const KEY_SET_TTL_MS = 10_000;

/** `sha256:` + hex of the SHA-256 of the DER SubjectPublicKeyInfo. */
export function fingerprintOf(publicKey: KeyObject): string {
  return `sha256:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')}`;
}

const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }) as string;

/**
 * The answer keys kept in the database: one active key signs, every other key verifies.
 * While the table is empty the configured keys (ANSWER_SIGNING_KEY active, ANSWER_VERIFY_KEYS
 * verify-only) are imported into it, once, under an advisory lock. Configured keys that the
 * table does not hold keep verifying too, so a key listed in ANSWER_VERIFY_KEYS later is honoured.
 */
@Injectable()
export class SigningKeyRing implements AnswerKeySource {
  private readonly cache = new Expiring<AnswerKeySet>(KEY_SET_TTL_MS);

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'answerSigning'>,
    private readonly store: AnswerSigningKeyStore,
    private readonly cipher: PersonalDataCipher,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  current(): Promise<AnswerKeySet> {
    return this.cache.get(() => this.load());
  }

  fresh(): Promise<AnswerKeySet> {
    this.cache.invalidate();
    return this.current();
  }

  async list(): Promise<SigningKeyDto[]> {
    await this.ensureImported();
    return (await this.store.all()).map(signingKeyDto);
  }

  /** A new RSA key pair becomes the active key; the one it replaces keeps verifying. Audited. */
  /**
   * A new active key; the one it replaces retires. With an Idempotency-Key a retry (a lost reply,
   * a double click) answers the key the first request made instead of rotating again.
   */
  async rotate(actor: Actor, idempotency?: Omit<IdempotentRequest, 'body' | 'userId'>): Promise<SigningKeyDto> {
    const { privateKey, publicKey } = await generateRsa('rsa', { modulusLength: 2048 });
    const request = idempotency && { ...idempotency, userId: actor.userId, body: {} };
    const created = await this.tx.run((m) => this.idempotency.run(m, request, 200, async () => {
      await this.store.lock(m);
      await this.importIfEmpty(m);
      const previous = await this.store.active(m);
      const now = new Date();
      if (previous) await this.store.retire(m, previous.kid, now);
      const key: NewSigningKey = {
        kid: keyIdOf(publicKey),
        publicKey: spki(publicKey),
        fingerprint: fingerprintOf(publicKey),
        privateKeyEncrypted: this.cipher.encrypt(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
        source: 'generated',
        activatedAt: now,
        retiredAt: null,
      };
      await this.store.insert(m, [key]);
      await this.audit.record(m, actor, {
        action: 'signing_key.rotate',
        entityType: 'signing_key',
        entityId: key.kid,
        details: { kid: key.kid, fingerprint: key.fingerprint, retiredKid: previous?.kid ?? null },
        change: { before: { activeKid: previous?.kid ?? null }, after: { activeKid: key.kid } },
      });
      return signingKeyDto((await this.store.all(m)).find((k) => k.kid === key.kid)!);
    }));
    this.cache.invalidate();
    return created;
  }

  private async ensureImported(): Promise<void> {
    if ((await this.store.count(this.tx.manager)) > 0) return;
    await this.tx.run(async (m) => {
      await this.store.lock(m);
      await this.importIfEmpty(m);
    });
  }

  /** Under the lock: the configured keys become the first rows of an empty table. */
  private async importIfEmpty(m: EntityManager): Promise<void> {
    if ((await this.store.count(m)) > 0) return;
    const { current, previous } = this.config.answerSigning;
    const now = new Date();
    await this.store.insert(m, [
      {
        kid: current.kid,
        publicKey: spki(current.publicKey),
        fingerprint: fingerprintOf(current.publicKey),
        privateKeyEncrypted: this.cipher.encrypt(current.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
        source: 'configuration',
        activatedAt: now,
        retiredAt: null,
      },
      ...previous.map((k) => ({
        kid: k.kid,
        publicKey: spki(k.publicKey),
        fingerprint: fingerprintOf(k.publicKey),
        privateKeyEncrypted: null,
        source: 'configuration' as const,
        activatedAt: null,
        retiredAt: now,
      })),
    ]);
  }

  private async load(): Promise<AnswerKeySet> {
    await this.ensureImported();
    const rows = await this.store.all();
    const active = rows.find((k) => k.activatedAt && !k.retiredAt);
    if (!active?.privateKeyEncrypted) throw new Error('answer_signing_keys holds no active key');
    // Verifying needs only public keys: a process that cannot open the private key (a CLI run with
    // another MASTER_KEY, say) still verifies, and fails only if it tries to sign.
    let privateKey: KeyObject | null = null;
    let unreadable: unknown = null;
    try {
      privateKey = createPrivateKey(this.cipher.decrypt(active.privateKeyEncrypted));
    } catch (error) {
      unreadable = error;
    }
    const known = new Set(rows.map((k) => k.kid));
    const configured = [this.config.answerSigning.current, ...this.config.answerSigning.previous].filter((k) => !known.has(k.kid));
    const kid = active.kid;
    const keys: AnswerSigningKeys = {
      current: {
        kid,
        publicKey: createPublicKey(active.publicKey),
        get privateKey(): KeyObject {
          if (!privateKey) throw new Error(`the active signing key ${kid} cannot be opened here: ${String((unreadable as Error)?.message ?? unreadable)}`);
          return privateKey;
        },
      },
      previous: [...rows.filter((k) => k !== active).map((k: AnswerSigningKey) => ({ kid: k.kid, publicKey: createPublicKey(k.publicKey) })), ...configured.map((k) => ({ kid: k.kid, publicKey: k.publicKey }))],
    };
    return new AnswerKeySet(keys);
  }
}
