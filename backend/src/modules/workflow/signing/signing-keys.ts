import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The keys of signed answers. One current private key signs; every key of the set verifies,
 * so documents signed before a rotation keep verifying while their public key is listed in
 * ANSWER_VERIFY_KEYS. All keys are RSA (≥ 2048 bits): RS256 for the JWS of JSON and PDF,
 * RSA-SHA256 for XMLDSig, and RSASSA-PKCS1-v1_5 is deterministic, so the same answer signed
 * with the same key gives the same bytes on every download.
 */
export interface AnswerSigningKeys {
  current: { kid: string; privateKey: KeyObject; publicKey: KeyObject };
  /** Earlier keys that only verify (their private halves are not needed and not kept). */
  previous: { kid: string; publicKey: KeyObject }[];
}

export const KEY_ID_PATTERN = /^[\w.:-]{1,64}$/;
const MIN_RSA_BITS = 2048;

/** Why a key was refused; the config loader turns it into a ConfigError naming the variable. */
export class KeyFormatError extends Error {}

/**
 * A key id derived from the public key: the RFC 7638 JWK thumbprint (SHA-256, base64url),
 * shortened to 16 characters (96 bits — plenty to tell a handful of keys apart).
 */
export function keyIdOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'RSA') throw new KeyFormatError(`must be an RSA key, got ${jwk.kty}`);
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return `rsa-${createHash('sha256').update(canonical).digest('base64url').slice(0, 16)}`;
}

function assertRsa(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'rsa') throw new KeyFormatError(`must be an RSA key (RSASSA-PKCS1-v1_5), got ${key.asymmetricKeyType ?? key.type}`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) throw new KeyFormatError(`must be at least ${MIN_RSA_BITS} bits, got ${bits}`);
}

/** `-----BEGIN…` text (with `\n` escapes allowed, as env files often carry them) or a path to a PEM file. */
function pemText(raw: string): string {
  if (raw.includes('-----BEGIN')) return raw.replace(/\\n/g, '\n');
  try {
    return readFileSync(raw, 'utf8');
  } catch (error) {
    throw new KeyFormatError(`is neither PEM text nor a readable file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The current signing key: an RSA private key as PEM text or a path to a PEM file. */
export function readSigningKey(raw: string): { privateKey: KeyObject; publicKey: KeyObject } {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pemText(raw));
  } catch (error) {
    if (error instanceof KeyFormatError) throw error;
    throw new KeyFormatError(`must be a PEM private key: ${(error as Error).message}`);
  }
  assertRsa(privateKey);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

function publicKeyOf(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    // A public key, a certificate or a private key (its public half is taken, the rest dropped).
    key = createPublicKey(pem);
  } catch (error) {
    throw new KeyFormatError(`${where}: not a PEM public key, certificate or private key (${(error as Error).message})`);
  }
  try {
    assertRsa(key);
  } catch (error) {
    throw new KeyFormatError(`${where}: ${(error as Error).message}`);
  }
  return key;
}

/**
 * Earlier keys that keep verifying (ANSWER_VERIFY_KEYS): either a JSON list
 * `[{"kid": "...", "pem": "-----BEGIN PUBLIC KEY-----..."}]` or a directory whose `<kid>.pem`
 * files each hold one key (the file name without `.pem` is the key id).
 */
export function readVerifyKeys(raw: string): { kid: string; publicKey: KeyObject }[] {
  const text = raw.trim();
  if (text === '') return [];
  let entries: { kid: unknown; pem: unknown }[];
  if (text.startsWith('[')) {
    try {
      entries = JSON.parse(text) as { kid: unknown; pem: unknown }[];
    } catch {
      throw new KeyFormatError('is not valid JSON (expected [{"kid": "...", "pem": "..."}])');
    }
    if (!Array.isArray(entries) || entries.some((e) => !e || typeof e !== 'object')) {
      throw new KeyFormatError('must be a JSON list of {"kid", "pem"} objects');
    }
  } else {
    if (!existsSync(text) || !statSync(text).isDirectory()) throw new KeyFormatError('must be a JSON list or a directory of <kid>.pem files');
    entries = readdirSync(text)
      .filter((f) => f.endsWith('.pem'))
      .sort()
      .map((f) => ({ kid: f.slice(0, -4), pem: readFileSync(join(text, f), 'utf8') }));
  }
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const where = typeof entry.kid === 'string' ? `key "${entry.kid}"` : `entry ${i + 1}`;
    if (typeof entry.kid !== 'string' || !KEY_ID_PATTERN.test(entry.kid)) {
      throw new KeyFormatError(`${where}: kid must be 1–64 letters, digits, ".", "_", ":" or "-"`);
    }
    if (seen.has(entry.kid)) throw new KeyFormatError(`${where}: listed twice`);
    seen.add(entry.kid);
    if (typeof entry.pem !== 'string') throw new KeyFormatError(`${where}: pem must be a string`);
    return { kid: entry.kid, publicKey: publicKeyOf(entry.pem.replace(/\\n/g, '\n'), where) };
  });
}

/**
 * Demo mode only: an RSA key generated once into DATA_DIR and kept there, like master.key.
 * Written to a temporary file and hard-linked into place, so two processes starting together
 * end up with the same key.
 */
export function demoSigningKey(dataDir: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const file = join(dataDir, 'answer-signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temp, { force: true });
    }
  }
  return readSigningKey(readFileSync(file, 'utf8'));
}

/** The key set the signer works with: the current key first, then the earlier ones. */
export class AnswerKeySet {
  private readonly byKid = new Map<string, KeyObject>();

  constructor(readonly keys: AnswerSigningKeys) {
    this.byKid.set(keys.current.kid, keys.current.publicKey);
    for (const k of keys.previous) if (!this.byKid.has(k.kid)) this.byKid.set(k.kid, k.publicKey);
  }

  get current(): AnswerSigningKeys['current'] {
    return this.keys.current;
  }

  /** The public key with this id, or undefined when the set does not hold it. */
  publicKey(kid: string): KeyObject | undefined {
    return this.byKid.get(kid);
  }

  get kids(): string[] {
    return [...this.byKid.keys()];
  }
}
