import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { User } from '../users/user.entity';
import { PersonalData } from './personal-data';

/** Reads the phone of an account from its encrypted personal data (to send codes to it). */
@Injectable()
export class UserContacts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async phoneOf(userId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.personalEncrypted').where('u.id = :userId', { userId }).getOne();
    if (!row?.personalEncrypted) return null;
    return this.cipher.decryptJson<PersonalData>(row.personalEncrypted).phone;
  }
}
