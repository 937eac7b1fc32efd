import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppealStatus, AppealType } from '@otklik/shared/domain';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { UserAccounts } from '../users/user-accounts.repository';
import { Appeal } from './appeal.entity';
import { ContactViewDto } from './dto/appeal-output.dto';

/** An appeal as the document-management (СЭД) export hands it over, with its author's personal data. */
export interface SedAppealRecord {
  id: string;
  number: number;
  type: AppealType;
  status: AppealStatus;
  subject: string;
  text: string;
  registeredAt: Date;
  answeredAt: Date | null;
  dueAt: Date | null;
  categoryId: string;
  subcategoryId: string | null;
  departmentId: string | null;
  unidentified: boolean;
  /** The author: the account's name (none for unidentified feedback) and the contact given with the appeal. */
  citizen: { id: string | null; name: string | null; email: string | null; phone: string | null; address: string | null };
}

export interface SedTransfer {
  number: number;
  /** The СЭД's registration number, when the receipt gave one. */
  sedNumber?: string | null;
}

/**
 * The appeals module's side of the СЭД export (issue 19): which appeals a package takes, and the
 * record that the СЭД accepted them («передано в СЭД»). The sed-export module reaches appeals only here.
 */
@Injectable()
export class AppealSedLedger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly accounts: UserAccounts,
  ) {}

  /**
   * The registered appeals registered or answered in (from, to] (from null: since the beginning),
   * oldest registration first. Anonymised appeals (retention) have nothing left to hand over.
   */
  async changedIn(from: Date | null, to: Date, limit: number): Promise<SedAppealRecord[]> {
    const rows = await this.dataSource.manager
      .getRepository(Appeal)
      .createQueryBuilder('a')
      .where('a.number IS NOT NULL AND a.registered_at IS NOT NULL AND a.anonymised_at IS NULL')
      .andWhere(
        from === null
          ? '(a.registered_at <= :to OR a.answered_at <= :to)'
          : '((a.registered_at > :from AND a.registered_at <= :to) OR (a.answered_at > :from AND a.answered_at <= :to))',
        { from, to },
      )
      .orderBy('a.registered_at', 'ASC')
      .addOrderBy('a.number', 'ASC')
      .limit(limit)
      .getMany();
    const out: SedAppealRecord[] = [];
    for (const a of rows) {
      const contact = a.contactEncrypted ? this.cipher.decryptJson<ContactViewDto>(a.contactEncrypted) : {};
      const account = a.citizenId ? await this.accounts.findOne({ id: a.citizenId }) : null;
      out.push({
        id: a.id,
        number: a.number!,
        type: a.type,
        status: a.status,
        subject: a.subject,
        text: a.body,
        registeredAt: a.registeredAt!,
        answeredAt: a.answeredAt,
        dueAt: a.dueAt,
        categoryId: a.categoryId,
        subcategoryId: a.subcategoryId,
        departmentId: a.departmentId,
        unidentified: a.unidentified,
        citizen: {
          id: a.citizenId,
          name: account?.fullName ?? null,
          email: contact.email ?? account?.email ?? null,
          phone: contact.phone ?? null,
          address: contact.address ?? null,
        },
      });
    }
    return out;
  }

  /**
   * Marks appeals «передано в СЭД» in the caller's transaction. An appeal marked before keeps its
   * first time and number (a receipt applied twice changes nothing); numbers of no appeal are `unknown`.
   */
  async markTransferred(manager: EntityManager, transfers: readonly SedTransfer[], at: Date): Promise<{ marked: { id: string; number: number }[]; already: number[]; unknown: number[] }> {
    if (transfers.length === 0) return { marked: [], already: [], unknown: [] };
    const numbers = transfers.map((t) => t.number);
    const existing = await manager.query<{ id: string; number: string; transferred: boolean }[]>(
      `SELECT id, number, transferred_to_sed_at IS NOT NULL AS transferred FROM appeals WHERE number = ANY($1::bigint[]) FOR UPDATE`,
      [numbers],
    );
    const byNumber = new Map(existing.map((r) => [Number(r.number), r]));
    const marked: { id: string; number: number }[] = [];
    const already: number[] = [];
    const unknown: number[] = [];
    for (const t of transfers) {
      const row = byNumber.get(t.number);
      if (!row) unknown.push(t.number);
      else if (row.transferred) already.push(t.number);
      else {
        await manager.query(`UPDATE appeals SET transferred_to_sed_at = $2, sed_registration_number = $3 WHERE id = $1`, [row.id, at, t.sedNumber ?? null]);
        row.transferred = true;
        marked.push({ id: row.id, number: t.number });
      }
    }
    return { marked, already, unknown };
  }
}
