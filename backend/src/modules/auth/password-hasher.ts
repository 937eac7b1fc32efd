import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/**
 * argon2id. Parameters follow OWASP's minimum (19 MiB, t=2, p=1); the identity issue tunes
 * them against the measured login cost. Hashes carry their parameters, so a change applies
 * to new hashes while old ones keep verifying.
 */
@Injectable()
export class PasswordHasher {
  private readonly options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
  /** Verified against when the account does not exist, so timing does not reveal which logins exist. */
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      this.dummy ??= this.hash('otklik-dummy-password');
      await argon2.verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
