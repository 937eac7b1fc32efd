import { Injectable } from '@nestjs/common';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { UserAccounts } from '../users/user-accounts.repository';
import { PersonalData } from './personal-data';
import { TransactionRunner } from '../../database/transaction-runner';

/** Reads the phone of an account from its encrypted personal data (to send codes to it). */
@Injectable()
export class UserContacts {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async phoneOf(userId: string): Promise<string | null> {
    const row = await this.accounts.findOne({ id: userId }, { secrets: ['personalEncrypted'] });
    if (!row?.personalEncrypted) return null;
    return this.cipher.decryptJson<PersonalData>(row.personalEncrypted).phone;
  }
}
